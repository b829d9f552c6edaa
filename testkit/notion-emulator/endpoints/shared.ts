import { canSee } from '../auth';
import type { HandlerContext } from '../context';
import type { ObjectKind } from '../errors';
import { bodyValidationError, notFound, validationError } from '../errors';
import type { FixtureBlock, FixtureDatabase, FixtureDataSource, FixturePage } from '../fixture-types';
import { normalizeId } from '../ids';
import type { InputContext } from '../input/common';
import { touch } from '../store';
import { atLeast } from '../types';

export const ARCHIVED_EDIT_MESSAGE = "Can't edit block that is archived. You must unarchive the block before editing.";

export function inputContext(ctx: HandlerContext): InputContext {
  return { ...ctx, userId: ctx.token.userId, nowMinute: ctx.env.clock.nowMinuteIso(), pendingEffects: [] };
}

/** Path ids may be dashed or compact; anything else fails validation like Notion's `path.<name>`. */
export function pathId(ctx: HandlerContext, pathName: string, param = 'id'): string {
  const raw = ctx.params[param] ?? '';
  const id = normalizeId(raw);
  if (!id) throw validationError(`path failed validation: path.${pathName} should be a valid uuid, instead was \`"${raw}"\`.`);
  return id;
}

function visible<T>(ctx: HandlerContext, kind: ObjectKind, id: string, record: T | undefined): T {
  if (!record || !canSee(ctx.store, ctx.token, id)) throw notFound(kind, id);
  return record;
}

export function visiblePage(ctx: HandlerContext, id: string): FixturePage {
  return visible(ctx, 'page', id, ctx.store.pages.get(id));
}

/** A database the token can see; a linked database is not one (Notion answers 404 for it, as for a missing one). */
export function visibleDatabase(ctx: HandlerContext, id: string): FixtureDatabase {
  const database = ctx.store.databases.get(id);
  return visible(ctx, 'database', id, database?.linked ? undefined : database);
}

export function visibleDataSource(ctx: HandlerContext, id: string): FixtureDataSource {
  return visible(ctx, 'data_source', id, ctx.store.dataSources.get(id));
}

/** Anything addressable as a block: a block, a page (child_page) or a database (child_database). */
export type Blockish =
  | { kind: 'block'; record: FixtureBlock }
  | { kind: 'page'; record: FixturePage }
  | { kind: 'database'; record: FixtureDatabase };

export function visibleBlockish(ctx: HandlerContext, id: string): Blockish {
  const block = ctx.store.blocks.get(id);
  const page = ctx.store.pages.get(id);
  const database = ctx.store.databases.get(id);
  if (!canSee(ctx.store, ctx.token, id)) throw notFound('block', id);
  if (block) return { kind: 'block', record: block };
  if (page) return { kind: 'page', record: page };
  if (database) return { kind: 'database', record: database };
  throw notFound('block', id);
}

/**
 * Reads the trash flag: `in_trash` in every version; the deprecated `archived` only before 2026-03-11
 * (that version removed it from requests, so it is rejected rather than silently ignored).
 */
export function readTrashFlag(ctx: HandlerContext): boolean | undefined {
  const { body } = ctx;
  if (body['archived'] !== undefined && atLeast(ctx.version, '2026-03-11')) {
    throw bodyValidationError('body.archived should be not present: API version 2026-03-11 replaced `archived` with `in_trash`.');
  }
  const value = body['in_trash'] ?? body['archived'];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw bodyValidationError(`body.in_trash should be a boolean, instead was \`${JSON.stringify(value)}\`.`);
  return value;
}

/**
 * The update's trash flag, once the edit is allowed: what is in the trash may only be taken out of
 * it, and what lies under a trashed page cannot be edited at all.
 */
export function trashFlagOfEdit(ctx: HandlerContext, id: string, inTrash: boolean | undefined): boolean | undefined {
  const flag = readTrashFlag(ctx);
  if (inTrash && flag !== false) throw validationError(ARCHIVED_EDIT_MESSAGE);
  if (!inTrash && ctx.store.isTrashedInTree(id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
  return flag;
}

/** The nearest page holding this content, bumped when its content changes (as the Notion app does). */
export function bumpContainingPage(ctx: InputContext, containerId: string): void {
  const page = ctx.store.pages.get(containerId) ?? ctx.store.pageOfBlock(containerId);
  if (page) touch(page, ctx.userId, ctx.nowMinute);
}

export function parseFilterProperties(ctx: HandlerContext): Set<string> | undefined {
  const values = ctx.query.getAll('filter_properties');
  return values.length > 0 ? new Set(values) : undefined;
}
