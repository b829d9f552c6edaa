import { requireCapability } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { bodyValidationError, shouldBeDefined, unsupportedRequest, validationError } from '../errors';
import type { FixtureDataSource, FixtureParent, FixturePage, StoredPropertyValue } from '../fixture-types';
import type { InputContext } from '../input/common';
import { commitEffects, expectId, expectRecord, variantOf } from '../input/common';
import { coverInput, iconInput } from '../input/files';
import { parsePageProperties, syncDualRelations } from '../input/properties';
import { materializeBlocks, parseBlockChildren } from '../input/blocks';
import { renderPage } from '../render/objects';
import { filterPropertyIds, propertyEntries } from '../render/properties';
import type { InsertPosition } from '../store';
import { touch } from '../store';
import {
  ARCHIVED_EDIT_MESSAGE,
  bumpContainingPage,
  inputContext,
  parseFilterProperties,
  pathId,
  readTrashFlag,
  visibleDatabase,
  visibleDataSource,
  visiblePage,
} from './shared';

interface ResolvedParent {
  parent: FixtureParent;
  dataSource?: FixtureDataSource;
}

function resolveParent(ctx: HandlerContext): ResolvedParent {
  const raw = ctx.body['parent'];
  if (raw === undefined) {
    if (ctx.token.kind === 'personal') return { parent: { type: 'workspace' } };
    throw shouldBeDefined('body.parent');
  }
  const parent = expectRecord(raw, 'body.parent');
  const kind = variantOf(parent, ['page_id', 'data_source_id', 'database_id', 'workspace']);
  if (kind === 'page_id') {
    const page = visiblePage(ctx, expectId(parent['page_id'], 'body.parent.page_id'));
    if (ctx.store.isTrashedInTree(page.id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
    return { parent: { type: 'page_id', page_id: page.id } };
  }
  if (kind === 'data_source_id') {
    const dataSource = visibleDataSource(ctx, expectId(parent['data_source_id'], 'body.parent.data_source_id'));
    if (ctx.store.isTrashedInTree(dataSource.id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
    return { parent: { type: 'data_source_id', data_source_id: dataSource.id }, dataSource };
  }
  if (kind === 'database_id') {
    const database = visibleDatabase(ctx, expectId(parent['database_id'], 'body.parent.database_id'));
    const [only, ...rest] = database.dataSourceIds;
    const dataSource = only ? ctx.store.dataSources.get(only) : undefined;
    if (!dataSource || rest.length > 0) {
      throw validationError(`Database ${database.id} has multiple data sources. Use a data_source_id parent instead of database_id.`);
    }
    if (ctx.store.isTrashedInTree(dataSource.id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
    return { parent: { type: 'data_source_id', data_source_id: dataSource.id }, dataSource };
  }
  if (kind === 'workspace') {
    if (ctx.token.kind !== 'personal') {
      throw validationError('Internal integrations cannot create workspace-level pages. Provide a page_id or data_source_id parent.');
    }
    return { parent: { type: 'workspace' } };
  }
  throw shouldBeDefined('body.parent.page_id');
}

function pagePosition(ctx: HandlerContext, parent: FixtureParent): InsertPosition {
  const raw = ctx.body['position'];
  if (raw === undefined) return { type: 'end' };
  if (parent.type !== 'page_id') throw validationError('body.position is only supported for pages with a page parent.');
  const position = expectRecord(raw, 'body.position');
  if (position['type'] === 'page_start') return { type: 'start' };
  if (position['type'] === 'page_end') return { type: 'end' };
  if (position['type'] === 'after_block') {
    const id = expectId(expectRecord(position['after_block'], 'body.position.after_block')['id'], 'body.position.after_block.id');
    const anchor = ctx.store.blocks.get(id) ?? ctx.store.pages.get(id) ?? ctx.store.databases.get(id);
    if (!ctx.store.pages.get(parent.page_id)?.children.includes(id) || !anchor || anchor.inTrash) {
      throw validationError(`Block ${id} is not a child of the parent page.`);
    }
    return { type: 'after', id };
  }
  throw bodyValidationError('body.position.type should be `after_block`, `page_start` or `page_end`.');
}

function rejectUnsupported(ctx: HandlerContext): void {
  if (ctx.body['markdown'] !== undefined) throw unsupportedRequest('Markdown page content is not supported by the Notion emulator.');
  const template = ctx.body['template'];
  if (template !== undefined && expectRecord(template, 'body.template')['type'] !== 'none') {
    throw unsupportedRequest('Page templates are not supported by the Notion emulator.');
  }
}

function assignUniqueIds(page: FixturePage, dataSource: FixtureDataSource | undefined, ctx: InputContext): void {
  if (!dataSource) return;
  for (const [name, schema] of Object.entries(dataSource.properties)) {
    if (schema.type !== 'unique_id') continue;
    let max = 0;
    for (const rowId of ctx.store.rowIds(dataSource.id)) {
      const number = (ctx.store.pages.get(rowId)?.properties[name]?.['unique_id'] as { number?: number } | undefined)?.number ?? 0;
      max = Math.max(max, number);
    }
    page.properties[name] = { type: 'unique_id', unique_id: { number: max + 1 } };
  }
}

function createPage(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'insertContent');
  rejectUnsupported(ctx);
  const { parent, dataSource } = resolveParent(ctx);
  const ictx = inputContext(ctx);
  const properties = parsePageProperties(ctx.body['properties'], null, dataSource, ictx);
  if (!dataSource && !properties['title']) properties['title'] = { type: 'title', title: [] };
  const icon = ctx.body['icon'] === undefined ? null : iconInput(ctx.body['icon'], 'body.icon', ictx);
  const cover = ctx.body['cover'] === undefined ? null : coverInput(ctx.body['cover'], 'body.cover', ictx);
  if (ctx.body['children'] !== undefined && ctx.body['content'] !== undefined) {
    throw validationError('Provide either body.children or body.content, not both.');
  }
  const childrenPath = ctx.body['content'] !== undefined ? 'content' : 'children';
  const rawChildren = ctx.body[childrenPath];
  const drafts = rawChildren === undefined ? [] : parseBlockChildren(rawChildren, `body.${childrenPath}`, { type: 'page' }, ictx);
  const position = pagePosition(ctx, parent);
  commitEffects(ictx);
  const page: FixturePage = {
    id: ctx.env.ids.uuid(),
    parent,
    properties,
    icon,
    cover,
    children: [],
    createdTime: ictx.nowMinute,
    lastEditedTime: ictx.nowMinute,
    createdBy: ictx.userId,
    lastEditedBy: ictx.userId,
  };
  assignUniqueIds(page, dataSource, ictx);
  ctx.store.addPage(page);
  if (parent.type === 'page_id') {
    ctx.store.insertChildren(parent.page_id, [page.id], position);
    bumpContainingPage(ictx, parent.page_id);
  }
  const blocks = materializeBlocks(drafts, ictx);
  ctx.store.insertChildren(page.id, blocks.map((block) => block.id), { type: 'end' });
  syncDualRelations(page, {}, ictx);
  return renderPage(page, ctx, parseFilterProperties(ctx));
}

function retrievePage(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  const page = visiblePage(ctx, pathId(ctx, 'page_id'));
  return renderPage(page, ctx, filterPropertyIds(ctx.query, propertyEntries(page, ctx)));
}

/** Applies pages.update fields to a page; shared with the admin editPage helper. */
export function applyPageUpdate(page: FixturePage, body: Record<string, unknown>, inTrash: boolean | undefined, ictx: InputContext): void {
  if (page.inTrash && inTrash !== false) throw validationError(ARCHIVED_EDIT_MESSAGE);
  const dataSource = page.parent.type === 'data_source_id' ? ictx.store.dataSources.get(page.parent.data_source_id) : undefined;
  const properties = parsePageProperties(body['properties'], page, dataSource, ictx);
  const icon = body['icon'] === undefined ? undefined : iconInput(body['icon'], 'body.icon', ictx);
  const cover = body['cover'] === undefined ? undefined : coverInput(body['cover'], 'body.cover', ictx);
  commitEffects(ictx);
  const before: Record<string, StoredPropertyValue> = structuredClone(page.properties);
  Object.assign(page.properties, properties);
  if (icon !== undefined) page.icon = icon;
  if (cover !== undefined) page.cover = cover;
  if (typeof body['is_locked'] === 'boolean') page.isLocked = body['is_locked'];
  if (typeof body['is_archived'] === 'boolean') page.isArchived = body['is_archived'];
  if (inTrash !== undefined) page.inTrash = inTrash;
  if (body['erase_content'] === true) {
    for (const id of page.children) {
      const block = ictx.store.blocks.get(id);
      if (block) block.inTrash = true;
    }
  }
  syncDualRelations(page, before, ictx);
  touch(page, ictx.userId, ictx.nowMinute);
}

function updatePage(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'updateContent');
  const page = visiblePage(ctx, pathId(ctx, 'page_id'));
  if (ctx.body['template'] !== undefined) throw unsupportedRequest('Page templates are not supported by the Notion emulator.');
  // Under a trashed parent the page is in the trash too (the parent must be restored first).
  if (!page.inTrash && ctx.store.isTrashedInTree(page.id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
  applyPageUpdate(page, ctx.body, readTrashFlag(ctx), inputContext(ctx));
  return renderPage(page, ctx, parseFilterProperties(ctx));
}

export const pageRoutes: RouteDef[] = [
  { method: 'POST', template: '/v1/pages', handler: createPage },
  { method: 'GET', template: '/v1/pages/{id}', handler: retrievePage },
  { method: 'PATCH', template: '/v1/pages/{id}', handler: updatePage },
];
