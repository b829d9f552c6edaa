import { requireCapability } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { ApiError } from '../errors';
import { readPageRequest, sliceList } from '../pagination';
import { withSignedFiles } from '../render/common';
import { findPropertyEntry, rawPropertyValue } from '../render/properties';
import { pathId, visiblePage } from './shared';

const PAGINATED_TYPES = new Set(['title', 'rich_text', 'relation', 'people']);

/** pages.properties.retrieve: the full (uncapped) value; list types are paginated `property_item` lists. */
function retrievePageProperty(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  const pageId = pathId(ctx, 'page_id');
  const page = visiblePage(ctx, pageId);
  const propertyId = ctx.params['property_id'] ?? '';
  const entry = findPropertyEntry(page, propertyId, ctx);
  if (!entry) throw new ApiError(404, 'object_not_found', `Could not find property with ID: ${propertyId}.`);
  const { id, type } = entry.schema;
  const value = rawPropertyValue(page, entry, ctx);
  const item = (itemType: string, itemValue: unknown): Record<string, unknown> =>
    withSignedFiles({ object: 'property_item', id, type: itemType, [itemType]: itemValue }, ctx);

  if (!PAGINATED_TYPES.has(type) && type !== 'rollup') return item(type, value);

  if (type === 'rollup') {
    const rollup = value as { type: string; array?: { type: string; [key: string]: unknown }[] };
    const results = (rollup.array ?? []).map((element) => item(element.type, element[element.type]));
    return {
      object: 'list',
      results,
      next_cursor: null,
      has_more: false,
      type: 'property_item',
      property_item: { id, next_url: null, type: 'rollup', rollup: withSignedFiles(value, ctx) },
    };
  }

  const request = readPageRequest('query', ctx.query.get('page_size') ?? undefined, ctx.query.get('start_cursor') ?? undefined);
  const slice = sliceList(value as unknown[], request);
  const nextUrl = slice.next_cursor
    ? `${ctx.env.baseUrl()}/v1/pages/${pageId}/properties/${id}?start_cursor=${slice.next_cursor}`
    : null;
  return {
    object: 'list',
    results: slice.results.map((element) => item(type, element)),
    next_cursor: slice.next_cursor,
    has_more: slice.has_more,
    type: 'property_item',
    property_item: { id, next_url: nextUrl, type, [type]: {} },
  };
}

export const pagePropertyRoutes: RouteDef[] = [
  { method: 'GET', template: '/v1/pages/{id}/properties/{property_id}', handler: retrievePageProperty },
];
