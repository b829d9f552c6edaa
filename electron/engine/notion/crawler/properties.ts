import type { CrawlContext } from './context';
import type { PageObject, PropertyValue } from './notion-objects';

/** Property values that may be cut at 25 references in the page object (notion-api.md §2.7). */
export function isPossiblyTruncated(value: PropertyValue): boolean {
  if (value.type === 'relation') return value.has_more === true || (Array.isArray(value.relation) && value.relation.length >= 25);
  if (value.type === 'people' || value.type === 'title' || value.type === 'rich_text') {
    const items = value[value.type];
    return Array.isArray(items) && items.length >= 25;
  }
  if (value.type === 'rollup') {
    const rollup = value.rollup as { type?: string; array?: unknown[] } | undefined;
    return rollup?.type === 'array' && (rollup.array?.length ?? 0) >= 25;
  }
  return false;
}

/** Full values of the properties the page object may have truncated, by property id (properties.json). */
export async function retrieveTruncatedProperties(context: CrawlContext, page: PageObject): Promise<Record<string, unknown>> {
  const full: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(page.properties ?? {})) {
    if (!isPossiblyTruncated(value)) continue;
    const results = await context.gateway.collect('pages.properties.retrieve', async (client, cursor) => {
      const response = (await client.pages.properties.retrieve({
        page_id: page.id,
        property_id: value.id,
        start_cursor: cursor,
        page_size: 100,
      })) as unknown as { object: string; results?: unknown[]; next_cursor?: string | null; has_more?: boolean };
      if (response.object !== 'list') return { results: [response], next_cursor: null, has_more: false };
      return { results: response.results ?? [], next_cursor: response.next_cursor ?? null, has_more: response.has_more ?? false };
    });
    full[value.id] = { name, type: value.type, results };
  }
  return full;
}
