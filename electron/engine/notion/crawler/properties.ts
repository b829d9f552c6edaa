import type { PageObjectResponse } from '@notionhq/client';
import type { FullPropertyValue, StoredPropertyValue } from '../../snapshot/format';
import { recordOf } from '../../snapshot/json-values';
import type { CrawlContext } from './context';

/** Property values that may be cut at 25 references in the page object (notion-api.md §2.7). */
export function isPossiblyTruncated(value: StoredPropertyValue): boolean {
  // Relation values carry `has_more`, which the SDK's types leave out.
  if (value.type === 'relation') return recordOf(value).has_more === true || (Array.isArray(value.relation) && value.relation.length >= 25);
  if (value.type === 'people') return Array.isArray(value.people) && value.people.length >= 25;
  if (value.type === 'title') return Array.isArray(value.title) && value.title.length >= 25;
  if (value.type === 'rich_text') return Array.isArray(value.rich_text) && value.rich_text.length >= 25;
  if (value.type === 'rollup') return value.rollup?.type === 'array' && (value.rollup.array?.length ?? 0) >= 25;
  return false;
}

/** Full values of the properties the page object may have truncated, by property id (properties.json). */
export async function retrieveTruncatedProperties(context: CrawlContext, page: PageObjectResponse): Promise<Record<string, FullPropertyValue>> {
  const full: Record<string, FullPropertyValue> = {};
  for (const [name, value] of Object.entries(page.properties)) {
    if (!isPossiblyTruncated(value)) continue;
    const results = await context.gateway.collect('pages.properties.retrieve', async (client, cursor) => {
      const response = await client.pages.properties.retrieve({ page_id: page.id, property_id: value.id, start_cursor: cursor, page_size: 100 });
      if (response.object !== 'list') return { results: [response], next_cursor: null, has_more: false };
      return { results: response.results ?? [], next_cursor: response.next_cursor ?? null, has_more: response.has_more ?? false };
    });
    full[value.id] = { name, type: value.type, results };
  }
  return full;
}
