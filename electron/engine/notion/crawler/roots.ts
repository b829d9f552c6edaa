import type { DatabaseObjectResponse, PageObjectResponse } from '@notionhq/client';
import { isFullDataSource, isFullPage } from '@notionhq/client';
import { listsReturnTitleOnly } from '../client';
import type { CrawlContext } from './context';
import { isUnreadable } from '../retry';
import { full, retrieveBlock, retrieveDatabase, retrievePage } from './reads';

/** A parent as pages, blocks and databases name it. */
type Parent = PageObjectResponse['parent'] | DatabaseObjectResponse['parent'];

export interface RootObject {
  id: string;
  object: 'page' | 'database';
}

/** Pages and data sources the token can see, by search (not exhaustive: walking finds the rest). */
export async function searchWorkspace(context: CrawlContext): Promise<void> {
  const { state } = context;
  for await (const page of context.gateway.paginate('search', (client, cursor) => client.search({ start_cursor: cursor, page_size: 100 }))) {
    for (const item of page.results) {
      if (item.object === 'page') {
        const searched = full(item, isFullPage);
        if (searched.in_trash || searched.archived) continue;
        // From 2026-12-01 search returns only the title property: a row's other properties are missing.
        const isRow = searched.parent.type === 'data_source_id' || searched.parent.type === 'database_id';
        state.searchPages.set(searched, { titleOnly: isRow && listsReturnTitleOnly(context.apiVersion) });
      } else if (item.object === 'data_source') {
        const dataSource = full(item, isFullDataSource);
        const databaseId = dataSource.parent.database_id;
        if (!databaseId) continue;
        const list = state.searchDataSources.get(databaseId) ?? [];
        list.push(dataSource);
        state.searchDataSources.set(databaseId, list);
      }
    }
  }
  state.knownPages = state.searchPages.size;
  context.onProgress();
}

/** Objects at the top of the workspace: workspace-level pages and databases. */
export function workspaceRoots(context: CrawlContext): RootObject[] {
  const roots: RootObject[] = [];
  for (const id of context.state.searchPages.ids()) {
    if (context.state.searchPages.parentType(id) === 'workspace') roots.push({ id, object: 'page' });
  }
  for (const [databaseId, dataSources] of context.state.searchDataSources) {
    if (dataSources.some((source) => source.database_parent?.type === 'workspace')) roots.push({ id: databaseId, object: 'database' });
  }
  return roots.sort((a, b) => a.id.localeCompare(b.id));
}

/** Explicit roots: each id is tried as a page, then as a database. */
export async function resolveExplicitRoots(context: CrawlContext, ids: string[]): Promise<RootObject[]> {
  const roots: RootObject[] = [];
  for (const id of ids) {
    if (context.state.searchPages.has(id)) {
      roots.push({ id, object: 'page' });
      continue;
    }
    try {
      const page = await retrievePage(context, id);
      context.state.searchPages.set(page);
      roots.push({ id: page.id, object: 'page' });
      continue;
    } catch (error) {
      if (!isUnreadable(error)) throw error;
    }
    try {
      const database = await retrieveDatabase(context, id);
      roots.push({ id: database.id, object: 'database' });
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      context.state.unreachable.push({ id, object: 'page', referencedFrom: null, reason: 'root not found or not shared with the integration' });
    }
  }
  return roots;
}

/**
 * For a page the walk did not reach: the highest ancestor the token can read. That is the page itself
 * when its parent is not shared (a page shared without its parent), or an ancestor that search left
 * out, from which the walk then reaches the page.
 */
export async function topVisibleAncestor(context: CrawlContext, page: PageObjectResponse): Promise<RootObject> {
  let current: RootObject = { id: page.id, object: 'page' };
  let parent: Parent | undefined = page.parent;
  for (let depth = 0; depth < 64 && parent && parent.type !== 'workspace'; depth += 1) {
    try {
      if (parent.type === 'page_id' && parent.page_id) {
        if (context.state.visited.has(parent.page_id)) break;
        const ancestor: PageObjectResponse = context.state.searchPages.peek(parent.page_id) ?? (await retrievePage(context, parent.page_id));
        current = { id: ancestor.id, object: 'page' };
        parent = ancestor.parent;
      } else if (parent.type === 'block_id' && parent.block_id) {
        const block = await retrieveBlock(context, parent.block_id);
        parent = block.parent;
      } else if ((parent.type === 'database_id' || parent.type === 'data_source_id') && parent.database_id) {
        if (context.state.visited.has(parent.database_id)) break;
        const database = await retrieveDatabase(context, parent.database_id);
        current = { id: database.id, object: 'database' };
        parent = database.parent;
      } else {
        break;
      }
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      break;
    }
  }
  return current;
}
