import { canSee, requireCapability } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { bodyValidationError, notFound, validationError } from '../errors';
import type { FixtureBlock } from '../fixture-types';
import { acceptsApiChildren, blockPayload } from '../input/block-payloads';
import type { ParentShape } from '../input/blocks';
import { materializeBlocks, parseBlockChildren } from '../input/blocks';
import type { InputContext } from '../input/common';
import { commitEffects, expectId, expectRecord, isRecord } from '../input/common';
import { listEnvelope, readPageRequest, sliceList } from '../pagination';
import { effectiveChildren, renderBlockById } from '../render/objects';
import type { InsertPosition } from '../store';
import { touch } from '../store';
import { atLeast } from '../types';
import type { Blockish } from './shared';
import { ARCHIVED_EDIT_MESSAGE, bumpContainingPage, inputContext, pathId, trashFlagOfEdit, visibleBlockish } from './shared';

function render(ctx: HandlerContext, id: string): Record<string, unknown> {
  const rendered = renderBlockById(id, ctx);
  if (!rendered) throw notFound('block', id);
  return rendered;
}

function retrieveBlock(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  const id = pathId(ctx, 'block_id');
  visibleBlockish(ctx, id);
  return render(ctx, id);
}

function childIdsOf(ctx: HandlerContext, target: Blockish): string[] {
  if (target.kind === 'page') return target.record.children;
  if (target.kind === 'database') return [];
  const { sourceId, ids } = effectiveChildren(target.record, ctx);
  if (sourceId !== target.record.id && !canSee(ctx.store, ctx.token, sourceId)) throw notFound('block', sourceId);
  return ids;
}

function listChildren(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  const id = pathId(ctx, 'block_id');
  const page = readPageRequest('query', ctx.query.get('page_size') ?? undefined, ctx.query.get('start_cursor') ?? undefined);
  const live = childIdsOf(ctx, visibleBlockish(ctx, id)).filter((childId) => {
    const child = ctx.store.blocks.get(childId) ?? ctx.store.pages.get(childId) ?? ctx.store.databases.get(childId);
    return child !== undefined && !child.inTrash;
  });
  const slice = sliceList(live, page);
  return listEnvelope('block', { ...slice, results: slice.results.map((childId) => render(ctx, childId)) });
}

function appendTarget(target: Blockish): ParentShape {
  if (target.kind === 'page') return { type: 'page' };
  if (target.kind === 'database') throw validationError('Databases do not have block children; add rows with pages.create.');
  const block = target.record;
  if (!acceptsApiChildren(block.type, block.payload)) {
    const hint = block.type.startsWith('heading_') ? ' Only toggle headings (is_toggleable: true) hold children.' : '';
    throw validationError(`Block type ${block.type} does not support children.${hint}`);
  }
  if (block.type === 'synced_block' && block.payload['synced_from'] !== null) {
    throw validationError('Cannot append children to a duplicate synced block; append to the original.');
  }
  return { type: block.type, tableWidth: block.type === 'table' ? Number(block.payload['table_width']) : undefined };
}

/** An anchor for `after` / `position.after_block`: a direct, non-trashed child of the parent. */
function requireChild(ctx: HandlerContext, children: readonly string[], id: string): void {
  const child = ctx.store.blocks.get(id) ?? ctx.store.pages.get(id) ?? ctx.store.databases.get(id);
  if (!children.includes(id) || !child || child.inTrash) throw validationError(`Block ${id} is not a child of the parent block.`);
}

function insertPosition(ctx: HandlerContext, children: readonly string[]): InsertPosition {
  const { body } = ctx;
  if (body['after'] !== undefined && body['position'] !== undefined) {
    throw bodyValidationError('body.after should be not present when body.position is given; use only `position`.');
  }
  if (body['after'] !== undefined) {
    if (atLeast(ctx.version, '2026-03-11')) {
      throw bodyValidationError('body.after should be not present: API version 2026-03-11 replaced `after` with `position`.');
    }
    const after = expectId(body['after'], 'body.after');
    requireChild(ctx, children, after);
    return { type: 'after', id: after };
  }
  if (body['position'] === undefined) return { type: 'end' };
  const position = expectRecord(body['position'], 'body.position');
  if (position['type'] === 'start') return { type: 'start' };
  if (position['type'] === 'end') return { type: 'end' };
  if (position['type'] === 'after_block') {
    const after = expectId(expectRecord(position['after_block'], 'body.position.after_block')['id'], 'body.position.after_block.id');
    requireChild(ctx, children, after);
    return { type: 'after', id: after };
  }
  throw bodyValidationError('body.position.type should be `after_block`, `start` or `end`.');
}

/** Appends request-shaped children; shared by the API and the admin helper (which skips the limits). */
export function appendChildren(
  ictx: InputContext,
  parentId: string,
  shape: ParentShape,
  rawChildren: unknown,
  position: InsertPosition,
  enforceLimits: boolean,
): FixtureBlock[] {
  const drafts = parseBlockChildren(rawChildren, 'body.children', shape, ictx, enforceLimits);
  commitEffects(ictx);
  const created = materializeBlocks(drafts, ictx);
  ictx.store.insertChildren(parentId, created.map((block) => block.id), position);
  const parentBlock = ictx.store.blocks.get(parentId);
  if (parentBlock) touch(parentBlock, ictx.userId, ictx.nowMinute);
  bumpContainingPage(ictx, parentId);
  return created;
}

function appendBlockChildren(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'insertContent');
  const id = pathId(ctx, 'block_id');
  const target = visibleBlockish(ctx, id);
  if (ctx.store.isTrashedInTree(id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
  const shape = appendTarget(target);
  const position = insertPosition(ctx, ctx.store.childList(id) ?? []);
  const created = appendChildren(inputContext(ctx), id, shape, ctx.body['children'], position, true);
  return listEnvelope('block', { results: created.map((block) => render(ctx, block.id)), next_cursor: null, has_more: false });
}

/** Applies a request-shaped `{ <type>: {...} }` patch to a stored block (blocks.update and the admin helper). */
export function patchBlock(ictx: InputContext, block: FixtureBlock, body: Record<string, unknown>): void {
  const patch = body[block.type];
  const otherType = Object.keys(body).find((key) => key !== block.type && key !== 'type' && key !== 'in_trash' && key !== 'archived' && isRecord(body[key]));
  if (otherType) throw validationError(`Block type ${block.type} cannot be updated with \`${otherType}\` content.`);
  if (patch === undefined) return;
  const path = `body.${block.type}`;
  const changes = blockPayload(block.type, patch, path, ictx, true);
  if (block.type.startsWith('heading_') && changes['is_toggleable'] === false && (block.children ?? []).length > 0) {
    throw validationError(`${path}.is_toggleable cannot be false: the heading has children. Only toggle headings hold children.`);
  }
  if (block.type === 'table_row') {
    const container = ictx.store.containerOf(block.id);
    const table = container ? ictx.store.blocks.get(container.id) : undefined;
    const width = Number(table?.payload['table_width']);
    const cells = (changes['cells'] as unknown[] | undefined)?.length;
    if (cells !== undefined && table && cells !== width) {
      throw validationError(`Number of cells in table row must match the table width of the parent table (${width}), instead was ${cells}.`);
    }
  }
  commitEffects(ictx);
  const isMediaSource = 'external' in changes || 'file' in changes;
  if (isMediaSource) {
    delete block.payload['external'];
    delete block.payload['file'];
  }
  Object.assign(block.payload, changes);
}

function updateBlock(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'updateContent');
  const id = pathId(ctx, 'block_id');
  const target = visibleBlockish(ctx, id);
  const inTrash = trashFlagOfEdit(ctx, id, target.record.inTrash);
  const ictx = inputContext(ctx);
  if (target.kind === 'block') patchBlock(ictx, target.record, ctx.body);
  const content = Object.keys(ctx.body).find((key) => key !== 'in_trash' && key !== 'archived' && key !== 'type' && isRecord(ctx.body[key]));
  if (target.kind !== 'block' && content) {
    const type = target.kind === 'page' ? 'child_page' : 'child_database';
    throw validationError(`Block type ${type} cannot be updated with \`${content}\` content; use ${target.kind === 'page' ? 'pages' : 'databases'}.update.`);
  }
  if (inTrash !== undefined) target.record.inTrash = inTrash;
  touch(target.record, ictx.userId, ictx.nowMinute);
  const container = ctx.store.containerOf(id);
  if (container) bumpContainingPage(ictx, container.id);
  return render(ctx, id);
}

function deleteBlock(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'updateContent');
  const id = pathId(ctx, 'block_id');
  const target = visibleBlockish(ctx, id);
  const ictx = inputContext(ctx);
  target.record.inTrash = true;
  touch(target.record, ictx.userId, ictx.nowMinute);
  const container = ctx.store.containerOf(id);
  if (container) bumpContainingPage(ictx, container.id);
  return render(ctx, id);
}

export const blockRoutes: RouteDef[] = [
  { method: 'GET', template: '/v1/blocks/{id}/children', handler: listChildren },
  { method: 'PATCH', template: '/v1/blocks/{id}/children', handler: appendBlockChildren },
  { method: 'GET', template: '/v1/blocks/{id}', handler: retrieveBlock },
  { method: 'PATCH', template: '/v1/blocks/{id}', handler: updateBlock },
  { method: 'DELETE', template: '/v1/blocks/{id}', handler: deleteBlock },
];
