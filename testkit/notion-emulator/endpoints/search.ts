import { canSee, requireCapability } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { bodyValidationError, validationError } from '../errors';
import type { FixtureDataSource, FixturePage } from '../fixture-types';
import { expectRecord } from '../input/common';
import { listEnvelope, readPageRequest, sliceList } from '../pagination';
import { plainText, titleOfPage } from '../render/common';
import { renderDataSource, renderPage } from '../render/objects';
import { listedPropertyIds } from '../render/properties';

type Hit = { kind: 'page'; record: FixturePage; title: string } | { kind: 'data_source'; record: FixtureDataSource; title: string };

function readFilter(ctx: HandlerContext): { object?: 'page' | 'data_source'; inTrash: boolean } {
  const raw = ctx.body['filter'];
  if (raw === undefined) return { inTrash: false };
  const filter = expectRecord(raw, 'body.filter');
  const inTrash = filter['in_trash'] === true;
  if (filter['property'] === undefined) return { inTrash };
  if (filter['property'] !== 'object') throw bodyValidationError('body.filter.property should be `"object"`.');
  const value = filter['value'];
  if (value !== 'page' && value !== 'data_source') {
    throw bodyValidationError(`body.filter.value should be \`"page"\` or \`"data_source"\`, instead was \`${JSON.stringify(value)}\`.`);
  }
  return { object: value, inTrash };
}

function readSort(ctx: HandlerContext): 'ascending' | 'descending' {
  const raw = ctx.body['sort'];
  if (raw === undefined) return 'descending';
  const sort = expectRecord(raw, 'body.sort');
  if (sort['property'] === 'relevance') return 'descending';
  if (sort['timestamp'] !== 'last_edited_time') throw bodyValidationError('body.sort.timestamp should be `"last_edited_time"`.');
  if (sort['direction'] !== 'ascending' && sort['direction'] !== 'descending') {
    throw bodyValidationError('body.sort.direction should be `"ascending"` or `"descending"`.');
  }
  return sort['direction'];
}

/**
 * POST /v1/search: visible pages and data sources whose title contains the query, by last_edited_time.
 * From 2026-12-01 pages show their title property only.
 * Ids given to `omitFromSearch` never appear (Notion's search is not exhaustive).
 */
function search(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  if (ctx.query.has('filter_properties')) {
    // SDK 5.26's search sends no query parameters; stricter than documented (the 2026-12-01 guide mentions it for lists).
    throw validationError('query.filter_properties should be not present: search takes no query parameters.');
  }
  const filter = readFilter(ctx);
  const direction = readSort(ctx);
  const request = readPageRequest('body', ctx.body['page_size'], ctx.body['start_cursor']);
  const query = typeof ctx.body['query'] === 'string' ? ctx.body['query'].trim().toLowerCase() : '';
  const { store, token } = ctx;
  const hits: Hit[] = [];
  const eligible = (id: string): boolean =>
    store.isTrashedInTree(id) === filter.inTrash && !store.searchOmitted.has(id) && canSee(store, token, id);
  if (filter.object !== 'data_source') {
    for (const page of store.pages.values()) {
      if (eligible(page.id)) hits.push({ kind: 'page', record: page, title: plainText(titleOfPage(page, ctx)) });
    }
  }
  if (filter.object !== 'page') {
    for (const dataSource of store.dataSources.values()) {
      if (eligible(dataSource.id)) {
        hits.push({ kind: 'data_source', record: dataSource, title: plainText(dataSource.title) });
      }
    }
  }
  const matching = query ? hits.filter((hit) => hit.title.toLowerCase().includes(query)) : hits;
  const sign = direction === 'ascending' ? 1 : -1;
  matching.sort((a, b) => sign * a.record.lastEditedTime.localeCompare(b.record.lastEditedTime) || a.record.id.localeCompare(b.record.id));
  const slice = sliceList(matching, request);
  const results = slice.results.map((hit) => (hit.kind === 'page' ? renderPage(hit.record, ctx, listedPropertyIds(hit.record, ctx, undefined)) : renderDataSource(hit.record, ctx)));
  return listEnvelope('page_or_data_source', { ...slice, results });
}

export const searchRoutes: RouteDef[] = [{ method: 'POST', template: '/v1/search', handler: search }];
