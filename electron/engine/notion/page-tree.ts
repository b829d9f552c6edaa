import type { Client } from '@notionhq/client';
import type { NotionGateway } from './gateway';
import { databaseTitle, pageTitle } from './crawler/notion-objects';
import type { DataSourceObject, PageObject } from './crawler/notion-objects';

/** One page or database the token can see, for the "choose what to protect" tree. */
export interface PickablePage {
  id: string;
  object: 'page' | 'database';
  title: string;
  /** An emoji icon; other icon kinds are not shown (remote images are not loaded in the app). */
  emoji: string | null;
  /** The containing page or database when it is in the list too; null at the top. */
  parentId: string | null;
  url: string | null;
}

type SearchResult = PageObject | (DataSourceObject & { title?: Array<{ plain_text?: string }>; icon?: { emoji?: string } | null; url?: string });

/**
 * Pages and databases the token can see, as a tree: search finds them (database rows are left out:
 * they come with their database). Notion's search is not exhaustive, but whatever it misses inside a
 * chosen page is still backed up, because backups walk the tree below what is chosen.
 */
export async function listPickablePages(gateway: NotionGateway): Promise<PickablePage[]> {
  const pages: PickablePage[] = [];
  const parents = new Map<string, string | null>();
  const databases = new Map<string, PickablePage>();
  for await (const page of gateway.paginate<SearchResult>('search', (client: Client, cursor) =>
    client.search({ start_cursor: cursor, page_size: 100 }) as never,
  )) {
    for (const item of page.results) {
      if (item.object === 'page') {
        const pageObject = item as PageObject;
        const parent = pageObject.parent;
        if (pageObject.in_trash || parent?.type === 'data_source_id' || parent?.type === 'database_id') continue;
        const emoji = (pageObject.icon as { emoji?: string } | null | undefined)?.emoji ?? null;
        pages.push({ id: pageObject.id, object: 'page', title: pageTitle(pageObject), emoji, parentId: null, url: pageObject.url ?? null });
        parents.set(pageObject.id, parent?.page_id ?? parent?.block_id ?? null);
      } else if (item.object === 'data_source') {
        const source = item as DataSourceObject & { title?: unknown; icon?: { emoji?: string } | null; url?: string };
        const databaseId = source.parent?.database_id;
        if (!databaseId || databases.has(databaseId)) continue;
        const title = databaseTitle({ object: 'database', id: databaseId, parent: { type: 'workspace' }, title: source.title as never });
        databases.set(databaseId, { id: databaseId, object: 'database', title, emoji: source.icon?.emoji ?? null, parentId: null, url: null });
        parents.set(databaseId, source.database_parent?.page_id ?? source.database_parent?.block_id ?? null);
      }
    }
  }
  const all = [...pages, ...databases.values()];
  const known = new Set(all.map((item) => item.id));
  for (const item of all) {
    const parent = parents.get(item.id) ?? null;
    // Pages inside blocks (toggles, columns) point at a block: shown at the top rather than lost.
    item.parentId = parent && known.has(parent) ? parent : null;
  }
  return all.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}
