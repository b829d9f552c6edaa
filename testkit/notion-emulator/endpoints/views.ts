// Views API (2026-03): list, create, retrieve, update and delete database views, including views of
// linked databases and widgets inside dashboards. View queries are not modelled (see index.ts).
import { canSee, requireCapability } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { ApiError, bodyValidationError, notFound, shouldBeDefined, validationError } from '../errors';
import type { FixtureDatabase, FixtureDataSource, FixtureView, JsonObject, ViewType } from '../fixture-types';
import { normalizeId } from '../ids';
import { expectId, expectRecord } from '../input/common';
import { onlyKeys, viewConfiguration, viewFilter, viewName, viewPosition, viewQuickFilters, viewSorts, viewType, widgetPlacement } from '../input/views';
import { listEnvelope, readPageRequest, sliceList } from '../pagination';
import { renderPartialView, renderView } from '../render/objects';
import { touch } from '../store';
import { dashboardRows, insertTab, orderedViews, placeWidget, removeView } from '../store-views';
import type { TabPosition } from '../store-views';
import { ARCHIVED_EDIT_MESSAGE, bumpContainingPage, inputContext, pathId, visibleDataSource, visiblePage } from './shared';

const CREATE_KEYS = ['data_source_id', 'name', 'type', 'database_id', 'view_id', 'filter', 'sorts', 'quick_filters', 'create_database', 'configuration', 'position', 'placement'];
const UPDATE_KEYS = ['name', 'filter', 'sorts', 'quick_filters', 'configuration'];
const TARGET_KEYS = ['database_id', 'view_id', 'create_database'] as const;
const DATA_KEYS = ['filter', 'sorts', 'quick_filters', 'configuration'] as const;

function viewNotFound(id: string): ApiError {
  return new ApiError(404, 'object_not_found', `Could not find view with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);
}

/** A view the token can see whose database is not in the trash (views are content of their database). */
export function visibleView(ctx: HandlerContext, id: string): FixtureView {
  const view = ctx.store.views.get(id);
  if (!view || !ctx.store.databases.has(view.databaseId) || !canSee(ctx.store, ctx.token, id) || ctx.store.isTrashedInTree(id)) throw viewNotFound(id);
  return view;
}

/** A database or linked database the token can see (databases.retrieve refuses linked ones, views do not). */
function viewDatabase(ctx: HandlerContext, id: string): FixtureDatabase {
  const database = ctx.store.databases.get(id);
  if (!database || !canSee(ctx.store, ctx.token, id)) throw notFound('database', id);
  return database;
}

function queryId(ctx: HandlerContext, name: string): string | undefined {
  const raw = ctx.query.get(name);
  if (raw === null) return undefined;
  const id = normalizeId(raw);
  if (!id) throw validationError(`query failed validation: query.${name} should be a valid uuid, instead was \`"${raw}"\`.`);
  return id;
}

function listViews(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  const request = readPageRequest('query', ctx.query.get('page_size') ?? undefined, ctx.query.get('start_cursor') ?? undefined);
  const databaseId = queryId(ctx, 'database_id');
  const dataSourceId = queryId(ctx, 'data_source_id');
  if ((databaseId === undefined) === (dataSourceId === undefined)) {
    throw validationError('query failed validation: provide exactly one of query.database_id and query.data_source_id.');
  }
  let views: FixtureView[];
  if (databaseId !== undefined) {
    const database = viewDatabase(ctx, databaseId);
    if (ctx.store.isTrashedInTree(database.id)) throw notFound('database', database.id);
    views = orderedViews(ctx.store, database);
  } else {
    const dataSource = visibleDataSource(ctx, dataSourceId ?? '');
    if (ctx.store.isTrashedInTree(dataSource.id)) throw notFound('data_source', dataSource.id);
    views = [...ctx.store.databases.values()]
      .filter((database) => canSee(ctx.store, ctx.token, database.id) && !ctx.store.isTrashedInTree(database.id))
      .flatMap((database) => orderedViews(ctx.store, database))
      .filter((view) => view.dataSourceId === dataSource.id);
  }
  return listEnvelope('view', sliceList(views.map((view) => ({ object: 'view', id: view.id })), request));
}

function retrieveView(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  return renderView(visibleView(ctx, pathId(ctx, 'view_id')), ctx);
}

/** A regular database shows only its own data sources; a linked database any data source. */
function requireSourceOf(database: FixtureDatabase, dataSource: FixtureDataSource): void {
  if (!database.linked && !database.dataSourceIds.includes(dataSource.id)) {
    throw validationError(`Data source ${dataSource.id} does not belong to database ${database.id}. Use a linked database (create_database) to show it elsewhere.`);
  }
}

function refuseDashboardData(ctx: HandlerContext): void {
  for (const key of DATA_KEYS) {
    if (ctx.body[key] !== undefined) throw validationError(`body.${key} is not supported for dashboard views: a dashboard has no data source of its own and its layout is read-only.`);
  }
}

/** filter, sorts, quick filters and configuration of a new view (dashboards: none, an empty row layout). */
function viewData(ctx: HandlerContext, type: ViewType, dataSource: FixtureDataSource): Pick<FixtureView, 'filter' | 'sorts' | 'quickFilters' | 'configuration'> {
  const { body } = ctx;
  if (type === 'dashboard') {
    refuseDashboardData(ctx);
    return { filter: null, sorts: null, quickFilters: null, configuration: { type: 'dashboard', rows: [] } };
  }
  return {
    filter: body['filter'] === undefined ? null : viewFilter(body['filter'], dataSource, ctx),
    sorts: body['sorts'] === undefined ? null : viewSorts(body['sorts'], dataSource),
    quickFilters: body['quick_filters'] === undefined ? null : (viewQuickFilters(body['quick_filters'], dataSource, ctx, false) as JsonObject),
    configuration: body['configuration'] === undefined ? null : viewConfiguration(body['configuration'], type, dataSource),
  };
}

interface Placement {
  database: FixtureDatabase;
  commit: (view: FixtureView) => void;
}

function placeInDatabase(ctx: HandlerContext, dataSource: FixtureDataSource): Placement {
  const database = viewDatabase(ctx, expectId(ctx.body['database_id'], 'body.database_id'));
  if (ctx.store.isTrashedInTree(database.id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
  requireSourceOf(database, dataSource);
  const position: TabPosition = ctx.body['position'] === undefined ? { type: 'end' } : viewPosition(ctx.body['position']);
  if (position.type === 'after_view' && !(database.viewIds ?? []).includes(position.view_id)) {
    throw validationError(`body.position.view_id ${position.view_id} is not a view tab of database ${database.id}.`);
  }
  return { database, commit: (view) => insertTab(database, view.id, position) };
}

function placeInDashboard(ctx: HandlerContext, dataSource: FixtureDataSource, type: ViewType): Placement {
  const dashboard = visibleView(ctx, expectId(ctx.body['view_id'], 'body.view_id'));
  if (dashboard.type !== 'dashboard') throw validationError(`View ${dashboard.id} is a ${dashboard.type} view; only dashboard views hold widgets.`);
  if (type === 'dashboard') throw validationError('A dashboard view cannot be placed inside a dashboard.');
  const database = viewDatabase(ctx, dashboard.databaseId);
  requireSourceOf(database, dataSource);
  const placement = widgetPlacement(ctx.body['placement'], dashboardRows(dashboard).length);
  return {
    database,
    commit: (view) => {
      view.dashboardViewId = dashboard.id;
      placeWidget(dashboard, { id: ctx.env.ids.uuid(), view_id: view.id }, placement, ctx.env.ids.uuid());
    },
  };
}

/** A new linked database on a page (after `position.block_id`, a direct child, or at the end). */
function placeInNewLinkedDatabase(ctx: HandlerContext, dataSource: FixtureDataSource): Placement {
  const request = expectRecord(ctx.body['create_database'], 'body.create_database');
  onlyKeys(request, ['parent', 'position'], 'body.create_database');
  const parent = expectRecord(request['parent'], 'body.create_database.parent');
  onlyKeys(parent, ['type', 'page_id'], 'body.create_database.parent');
  if (parent['type'] !== undefined && parent['type'] !== 'page_id') throw bodyValidationError('body.create_database.parent.type should be `page_id`.');
  const page = visiblePage(ctx, expectId(parent['page_id'], 'body.create_database.parent.page_id'));
  if (ctx.store.isTrashedInTree(page.id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
  let afterId: string | undefined;
  if (request['position'] !== undefined) {
    const position = expectRecord(request['position'], 'body.create_database.position');
    onlyKeys(position, ['type', 'block_id'], 'body.create_database.position');
    if (position['type'] !== 'after_block') throw bodyValidationError('body.create_database.position.type should be `after_block`.');
    afterId = expectId(position['block_id'], 'body.create_database.position.block_id');
    const anchor = ctx.store.blocks.get(afterId) ?? ctx.store.pages.get(afterId) ?? ctx.store.databases.get(afterId);
    if (!page.children.includes(afterId) || !anchor || anchor.inTrash) throw validationError(`Block ${afterId} is not a child of the parent block.`);
  }
  const ictx = inputContext(ctx);
  const database: FixtureDatabase = {
    id: ctx.env.ids.uuid(),
    parent: { type: 'page_id', page_id: page.id },
    title: structuredClone(dataSource.title),
    description: [],
    isInline: true,
    icon: null,
    cover: null,
    dataSourceIds: [],
    linked: true,
    viewIds: [],
    createdTime: ictx.nowMinute,
    lastEditedTime: ictx.nowMinute,
    createdBy: ictx.userId,
    lastEditedBy: ictx.userId,
  };
  return {
    database,
    commit: (view) => {
      ctx.store.databases.set(database.id, database);
      ctx.store.insertChildren(page.id, [database.id], afterId ? { type: 'after', id: afterId } : { type: 'end' });
      bumpContainingPage(ictx, page.id);
      insertTab(database, view.id, { type: 'end' });
    },
  };
}

function createView(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'insertContent');
  requireCapability(ctx.token, 'updateContent');
  const { body } = ctx;
  onlyKeys(body, CREATE_KEYS, 'body');
  const name = viewName(body['name']);
  const type = viewType(body['type']);
  const targets = TARGET_KEYS.filter((key) => body[key] !== undefined);
  if (targets.length !== 1) throw bodyValidationError('provide exactly one of body.database_id, body.view_id and body.create_database (they are mutually exclusive).');
  if (body['position'] !== undefined && targets[0] !== 'database_id') throw bodyValidationError('body.position is only supported with body.database_id.');
  if (body['placement'] !== undefined && targets[0] !== 'view_id') throw bodyValidationError('body.placement is only supported with body.view_id.');
  if (body['data_source_id'] === undefined) throw shouldBeDefined('body.data_source_id');
  const dataSource = visibleDataSource(ctx, expectId(body['data_source_id'], 'body.data_source_id'));
  if (ctx.store.isTrashedInTree(dataSource.id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
  const placement = targets[0] === 'database_id' ? placeInDatabase(ctx, dataSource)
    : targets[0] === 'view_id' ? placeInDashboard(ctx, dataSource, type)
      : placeInNewLinkedDatabase(ctx, dataSource);
  const data = viewData(ctx, type, dataSource);
  const now = ctx.env.clock.nowMinuteIso();
  const view: FixtureView = {
    id: ctx.env.ids.uuid(),
    databaseId: placement.database.id,
    dataSourceId: type === 'dashboard' ? null : dataSource.id,
    name,
    type,
    ...data,
    createdTime: now,
    lastEditedTime: now,
    createdBy: ctx.token.userId,
    lastEditedBy: ctx.token.userId,
  };
  ctx.store.views.set(view.id, view);
  placement.commit(view);
  return renderView(view, ctx);
}

function updateView(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'updateContent');
  const view = visibleView(ctx, pathId(ctx, 'view_id'));
  const { body } = ctx;
  onlyKeys(body, UPDATE_KEYS, 'body');
  if (view.type === 'dashboard') refuseDashboardData(ctx);
  const name = body['name'] === undefined ? undefined : viewName(body['name']);
  const dataSource = view.dataSourceId ? ctx.store.dataSources.get(view.dataSourceId) : undefined;
  const wantsData = DATA_KEYS.some((key) => body[key] !== undefined);
  if (wantsData && (!dataSource || ctx.store.isTrashedInTree(dataSource.id))) throw validationError(ARCHIVED_EDIT_MESSAGE);
  const patch: Partial<FixtureView> = {};
  if (dataSource && body['filter'] !== undefined) patch.filter = body['filter'] === null ? null : viewFilter(body['filter'], dataSource, ctx);
  if (dataSource && body['sorts'] !== undefined) patch.sorts = body['sorts'] === null ? null : viewSorts(body['sorts'], dataSource);
  if (dataSource && body['configuration'] !== undefined) patch.configuration = viewConfiguration(body['configuration'], view.type, dataSource);
  if (dataSource && body['quick_filters'] !== undefined) {
    if (body['quick_filters'] === null) patch.quickFilters = null;
    else {
      const merged: JsonObject = { ...(view.quickFilters ?? {}) };
      for (const [key, condition] of Object.entries(viewQuickFilters(body['quick_filters'], dataSource, ctx, true))) {
        if (condition === null) delete merged[key];
        else merged[key] = condition;
      }
      patch.quickFilters = Object.keys(merged).length > 0 ? merged : null;
    }
  }
  if (name !== undefined) patch.name = name;
  Object.assign(view, patch);
  touch(view, ctx.token.userId, ctx.env.clock.nowMinuteIso());
  return renderView(view, ctx);
}

function deleteView(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'updateContent');
  const view = visibleView(ctx, pathId(ctx, 'view_id'));
  const database = ctx.store.databases.get(view.databaseId);
  if (!view.dashboardViewId && (database?.viewIds ?? []).filter((id) => id !== view.id).length === 0) {
    throw validationError(`View ${view.id} is the last view of database ${view.databaseId} and cannot be deleted; delete the database instead.`);
  }
  removeView(ctx.store, view);
  return renderPartialView(view);
}

export const viewRoutes: RouteDef[] = [
  { method: 'GET', template: '/v1/views', handler: listViews },
  { method: 'POST', template: '/v1/views', handler: createView },
  { method: 'GET', template: '/v1/views/{id}', handler: retrieveView },
  { method: 'PATCH', template: '/v1/views/{id}', handler: updateView },
  { method: 'DELETE', template: '/v1/views/{id}', handler: deleteView },
];
