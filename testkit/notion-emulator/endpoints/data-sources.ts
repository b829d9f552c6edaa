import { requireCapability } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { bodyValidationError, shouldBeDefined, unsupportedRequest, validationError } from '../errors';
import type { FixturePage } from '../fixture-types';
import { commitEffects, expectId, expectRecord } from '../input/common';
import { iconInput } from '../input/files';
import { normalizeRichText } from '../input/rich-text';
import { updateSchema } from '../input/schema';
import { listEnvelope, readPageRequest, sliceList } from '../pagination';
import { renderDataSource, renderPage } from '../render/objects';
import { filterPropertyIds, listedPropertyIds } from '../render/properties';
import { touch } from '../store';
import { newDataSource } from './databases';
import { compileFilter, compileSorts } from './query-filter';
import { ARCHIVED_EDIT_MESSAGE, inputContext, pathId, readTrashFlag, trashFlagOfEdit, visibleDatabase, visibleDataSource } from './shared';

function retrieveDataSource(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  return renderDataSource(visibleDataSource(ctx, pathId(ctx, 'data_source_id')), ctx);
}

function createDataSource(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'insertContent');
  const raw = ctx.body['parent'];
  if (raw === undefined) throw shouldBeDefined('body.parent');
  const database = visibleDatabase(ctx, expectId(expectRecord(raw, 'body.parent')['database_id'], 'body.parent.database_id'));
  if (ctx.store.isTrashedInTree(database.id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
  if (ctx.body['properties'] === undefined) throw shouldBeDefined('body.properties');
  const ictx = inputContext(ctx);
  const title = ctx.body['title'] === undefined ? [] : normalizeRichText(ctx.body['title'], 'body.title', ictx);
  const dataSource = newDataSource(ictx, database.id, title, ctx.body['properties'], 'body.properties');
  if (ctx.body['icon'] !== undefined) dataSource.icon = iconInput(ctx.body['icon'], 'body.icon', ictx);
  commitEffects(ictx);
  ctx.store.dataSources.set(dataSource.id, dataSource);
  database.dataSourceIds.push(dataSource.id);
  touch(database, ictx.userId, ictx.nowMinute);
  return renderDataSource(dataSource, ctx);
}

function updateDataSource(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'updateContent');
  const dataSource = visibleDataSource(ctx, pathId(ctx, 'data_source_id'));
  const inTrash = trashFlagOfEdit(ctx, dataSource.id, dataSource.inTrash);
  if (ctx.body['parent'] !== undefined) throw unsupportedRequest('Moving data sources is not supported by the Notion emulator.');
  const ictx = inputContext(ctx);
  const title = ctx.body['title'] === undefined ? undefined : normalizeRichText(ctx.body['title'], 'body.title', ictx);
  const icon = ctx.body['icon'] === undefined ? undefined : iconInput(ctx.body['icon'], 'body.icon', ictx);
  const properties = ctx.body['properties'] === undefined ? undefined : updateSchema(ctx.body['properties'], dataSource, ictx);
  // Properties first: pending effects (the reverse side of a two-way relation) may write into this schema.
  if (properties) dataSource.properties = properties;
  commitEffects(ictx);
  if (title) dataSource.title = title;
  if (icon !== undefined) dataSource.icon = icon;
  if (inTrash !== undefined) dataSource.inTrash = inTrash;
  touch(dataSource, ictx.userId, ictx.nowMinute);
  return renderDataSource(dataSource, ctx);
}

/**
 * POST /v1/data_sources/{id}/query. One filter+sort combination returns at most `queryRowCap` rows;
 * past that: has_more false and request_status incomplete (query_result_limit_reached).
 */
function queryDataSource(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  const dataSource = visibleDataSource(ctx, pathId(ctx, 'data_source_id'));
  const inTrash = readTrashFlag(ctx) ?? false;
  const resultType = ctx.body['result_type'];
  if (resultType !== undefined && resultType !== 'page' && resultType !== 'data_source') {
    throw bodyValidationError('body.result_type should be `"page"` or `"data_source"`.');
  }
  const request = readPageRequest('body', ctx.body['page_size'], ctx.body['start_cursor']);
  const predicate = compileFilter(ctx.body['filter'], dataSource, ctx);
  const compare = compileSorts(ctx.body['sorts'], dataSource, ctx);
  let rows: FixturePage[] = [];
  if (resultType !== 'data_source') {
    for (const id of ctx.store.rowIds(dataSource.id)) {
      const page = ctx.store.pages.get(id);
      if (page && (page.inTrash ?? false) === inTrash && predicate(page)) rows.push(page);
    }
  }
  if (compare) rows = rows.map((page, index) => ({ page, index })).sort((a, b) => compare(a.page, b.page) || a.index - b.index).map((entry) => entry.page);
  const cap = ctx.env.queryRowCap();
  const slice = sliceList(rows.slice(0, cap), request);
  const requested = filterPropertyIds(ctx.query, Object.entries(dataSource.properties).map(([name, schema]) => ({ name, schema })));
  const extra = rows.length > cap && !slice.has_more
    ? { request_status: { type: 'incomplete', incomplete_reason: 'query_result_limit_reached' } }
    : {};
  return listEnvelope('page_or_data_source', { ...slice, results: slice.results.map((page) => renderPage(page, ctx, listedPropertyIds(page, ctx, requested))) }, extra);
}

function listTemplates(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  visibleDataSource(ctx, pathId(ctx, 'data_source_id'));
  return { object: 'list', templates: [], has_more: false, next_cursor: null };
}

export const dataSourceRoutes: RouteDef[] = [
  { method: 'POST', template: '/v1/data_sources', handler: createDataSource },
  { method: 'GET', template: '/v1/data_sources/{id}', handler: retrieveDataSource },
  { method: 'PATCH', template: '/v1/data_sources/{id}', handler: updateDataSource },
  { method: 'POST', template: '/v1/data_sources/{id}/query', handler: queryDataSource },
  { method: 'GET', template: '/v1/data_sources/{id}/templates', handler: listTemplates },
];
