import { requireCapability } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { shouldBeDefined, validationError } from '../errors';
import type { DatabaseParent, FixtureDatabase, FixtureDataSource } from '../fixture-types';
import type { InputContext } from '../input/common';
import { commitEffects, expectId, expectRecord, variantOf } from '../input/common';
import { coverInput, iconInput } from '../input/files';
import { normalizeRichText } from '../input/rich-text';
import { buildSchema } from '../input/schema';
import { renderDatabase } from '../render/objects';
import { touch } from '../store';
import { defaultView } from '../store-views';
import { ARCHIVED_EDIT_MESSAGE, bumpContainingPage, inputContext, pathId, trashFlagOfEdit, visibleDatabase, visiblePage } from './shared';

function databaseParent(ctx: HandlerContext, raw: unknown): DatabaseParent {
  if (raw === undefined) throw shouldBeDefined('body.parent');
  const parent = expectRecord(raw, 'body.parent');
  const kind = variantOf(parent, ['page_id', 'workspace']);
  if (kind === 'page_id') {
    const page = visiblePage(ctx, expectId(parent['page_id'], 'body.parent.page_id'));
    if (ctx.store.isTrashedInTree(page.id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
    return { type: 'page_id', page_id: page.id };
  }
  if (kind === 'workspace') {
    if (ctx.token.kind !== 'personal') {
      throw validationError('Internal integrations cannot create workspace-level databases. Provide a page_id parent.');
    }
    return { type: 'workspace' };
  }
  throw shouldBeDefined('body.parent.page_id');
}

function retrieveDatabase(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  return renderDatabase(visibleDatabase(ctx, pathId(ctx, 'database_id')), ctx);
}

export function newDataSource(ictx: InputContext, databaseId: string, title: FixtureDataSource['title'], rawProperties: unknown, path: string): FixtureDataSource {
  const dataSource: FixtureDataSource = {
    id: ictx.env.ids.uuid(),
    databaseId,
    title,
    description: [],
    icon: null,
    properties: {},
    createdTime: ictx.nowMinute,
    lastEditedTime: ictx.nowMinute,
    createdBy: ictx.userId,
    lastEditedBy: ictx.userId,
  };
  dataSource.properties = buildSchema(rawProperties, dataSource, ictx, path);
  return dataSource;
}

function createDatabase(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'insertContent');
  const ictx = inputContext(ctx);
  const parent = databaseParent(ctx, ctx.body['parent']);
  const title = ctx.body['title'] === undefined ? [] : normalizeRichText(ctx.body['title'], 'body.title', ictx);
  const description = ctx.body['description'] === undefined ? [] : normalizeRichText(ctx.body['description'], 'body.description', ictx);
  const icon = ctx.body['icon'] === undefined ? null : iconInput(ctx.body['icon'], 'body.icon', ictx);
  const cover = ctx.body['cover'] === undefined ? null : coverInput(ctx.body['cover'], 'body.cover', ictx);
  const initial = ctx.body['initial_data_source'] === undefined ? {} : expectRecord(ctx.body['initial_data_source'], 'body.initial_data_source');
  const database: FixtureDatabase = {
    id: ctx.env.ids.uuid(),
    parent,
    title,
    description,
    isInline: ctx.body['is_inline'] === true,
    icon,
    cover,
    dataSourceIds: [],
    createdTime: ictx.nowMinute,
    lastEditedTime: ictx.nowMinute,
    createdBy: ictx.userId,
    lastEditedBy: ictx.userId,
  };
  const dataSource = newDataSource(ictx, database.id, structuredClone(title), initial['properties'], 'body.initial_data_source.properties');
  commitEffects(ictx);
  database.dataSourceIds.push(dataSource.id);
  // Notion gives every new database one table view over its initial data source (Working with views).
  const view = defaultView(database, dataSource, ctx.env.ids.uuid(), database);
  database.viewIds = [view.id];
  ctx.store.databases.set(database.id, database);
  ctx.store.dataSources.set(dataSource.id, dataSource);
  ctx.store.views.set(view.id, view);
  if (parent.type === 'page_id') {
    ctx.store.insertChildren(parent.page_id, [database.id], { type: 'end' });
    bumpContainingPage(ictx, parent.page_id);
  }
  return renderDatabase(database, ctx);
}

function moveDatabase(ctx: HandlerContext, database: FixtureDatabase, raw: unknown): void {
  const parent = databaseParent(ctx, raw);
  const oldList = database.parent.type === 'page_id' ? ctx.store.childList(database.parent.page_id)
    : database.parent.type === 'block_id' ? ctx.store.childList(database.parent.block_id) : undefined;
  if (oldList?.includes(database.id)) oldList.splice(oldList.indexOf(database.id), 1);
  database.parent = parent;
  if (parent.type === 'page_id') ctx.store.insertChildren(parent.page_id, [database.id], { type: 'end' });
}

function updateDatabase(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'updateContent');
  const database = visibleDatabase(ctx, pathId(ctx, 'database_id'));
  const inTrash = trashFlagOfEdit(ctx, database.id, database.inTrash);
  const ictx = inputContext(ctx);
  const { body } = ctx;
  const title = body['title'] === undefined ? undefined : normalizeRichText(body['title'], 'body.title', ictx);
  const description = body['description'] === undefined ? undefined : normalizeRichText(body['description'], 'body.description', ictx);
  const icon = body['icon'] === undefined ? undefined : iconInput(body['icon'], 'body.icon', ictx);
  const cover = body['cover'] === undefined ? undefined : coverInput(body['cover'], 'body.cover', ictx);
  commitEffects(ictx);
  if (title) database.title = title;
  if (description) database.description = description;
  if (icon !== undefined) database.icon = icon;
  if (cover !== undefined) database.cover = cover;
  if (typeof body['is_inline'] === 'boolean') database.isInline = body['is_inline'];
  if (typeof body['is_locked'] === 'boolean') database.isLocked = body['is_locked'];
  if (inTrash !== undefined) database.inTrash = inTrash;
  if (body['parent'] !== undefined) moveDatabase(ctx, database, body['parent']);
  touch(database, ictx.userId, ictx.nowMinute);
  return renderDatabase(database, ctx);
}

export const databaseRoutes: RouteDef[] = [
  { method: 'POST', template: '/v1/databases', handler: createDatabase },
  { method: 'GET', template: '/v1/databases/{id}', handler: retrieveDatabase },
  { method: 'PATCH', template: '/v1/databases/{id}', handler: updateDatabase },
];
