import type { DataSourceObjectResponse, PageObjectResponse } from '@notionhq/client';
import { isFullDataSource, isFullPage } from '@notionhq/client';
import type { NotionGateway } from './gateway';
import { iconEmoji } from '../snapshot/format';
import { databaseTitle, pageTitle } from './crawler/notion-objects';

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

/**
 * Pages and databases the token can see, as a tree: search finds them (database rows are left out:
 * they come with their database). Notion's search is not exhaustive, but whatever it misses inside a
 * chosen page is still backed up, because backups walk the tree below what is chosen.
 */
export async function listPickablePages(gateway: NotionGateway): Promise<PickablePage[]> {
  const pages: PickablePage[] = [];
  const parents = new Map<string, string | null>();
  const databases = new Map<string, PickablePage>();
  for await (const page of gateway.paginate('search', (client, cursor) => client.search({ start_cursor: cursor, page_size: 100 }))) {
    for (const item of page.results) {
      if (isFullPage(item)) {
        const parent = item.parent;
        if (item.in_trash || parent.type === 'data_source_id' || parent.type === 'database_id') continue;
        pages.push({ id: item.id, object: 'page', title: pageTitle(item), emoji: iconEmoji(item.icon), parentId: null, url: item.url ?? null });
        parents.set(item.id, parentOf(parent));
      } else if (isFullDataSource(item)) {
        const databaseId = item.parent.database_id;
        if (!databaseId || databases.has(databaseId)) continue;
        databases.set(databaseId, { id: databaseId, object: 'database', title: databaseTitle(item), emoji: iconEmoji(item.icon), parentId: null, url: null });
        parents.set(databaseId, item.database_parent ? parentOf(item.database_parent) : null);
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

/** The page or block a page or database lies in: null at the top of the workspace and inside a database. */
function parentOf(parent: PageObjectResponse['parent'] | DataSourceObjectResponse['database_parent']): string | null {
  if (parent.type === 'page_id') return parent.page_id;
  return parent.type === 'block_id' ? parent.block_id : null;
}
