// Database views: a database's own tabs go to views.json beside its database.json; the views of a
// linked database (a child_database block showing a data source that lives elsewhere) go to
// linked_views.json beside the JSON holding that block, written once the crawl is done.
import path from 'node:path/posix';
import type { LinkedViews, StoredView } from '../../snapshot/format';
import { LINKED_VIEWS_FILE } from '../../snapshot/format';
import type { CrawlContext, DatabaseVisit } from './context';
import { isUnreadable } from '../retry';
import { readViews } from './reads';

/** A database's views, written to `<database dir>/views.json` and counted. */
export async function storeDatabaseViews(context: CrawlContext, databaseId: string, dir: string): Promise<void> {
  const views = await readViews(context, databaseId);
  context.state.counts.views += views.length;
  await context.writer.writeViews(dir, views);
}

/**
 * A child_database block whose database cannot be retrieved may be a linked database: if its views can
 * be listed, they are kept for linked_views.json and true is returned. False when Notion refuses that
 * too (a database not shared with the integration): the caller records it as unreachable.
 */
export async function storeLinkedDatabase(context: CrawlContext, visit: DatabaseVisit): Promise<boolean> {
  if (visit.parentId === null) return false; // a root id, not a block standing in a page
  let views: StoredView[];
  try {
    views = await readViews(context, visit.databaseId);
  } catch (error) {
    if (isUnreadable(error)) return false;
    throw error;
  }
  if (views.length === 0) return false;
  noteLinkedViews(context, path.dirname(visit.dir), visit.databaseId, views);
  return true;
}

function noteLinkedViews(context: CrawlContext, containingDir: string, blockId: string, views: StoredView[]): void {
  const { state } = context;
  const inDir = state.linkedViews.get(containingDir) ?? {};
  if (!inDir[blockId]) {
    state.counts.linkedDatabases += 1;
    state.counts.views += views.length;
  }
  inDir[blockId] = views;
  state.linkedViews.set(containingDir, inDir);
}

/** Writes every linked_views.json noted during the crawl. */
export async function writeLinkedViews(context: CrawlContext): Promise<void> {
  for (const [dir, byBlock] of context.state.linkedViews) {
    const sorted: LinkedViews = Object.fromEntries(Object.entries(byBlock).sort(([a], [b]) => a.localeCompare(b)));
    if (Object.keys(sorted).length > 0) await context.writer.writeLinkedViews(dir, sorted);
    else await context.writer.removeFile(dir, LINKED_VIEWS_FILE); // a reused page's linked views all became unreadable
  }
  context.state.linkedViews.clear();
}

/**
 * A page reused from the previous snapshot brought its linked_views.json files along: the linked
 * databases they name are read again (views change without the page changing).
 */
export function revisitLinkedDatabases(context: CrawlContext, pageId: string, linked: ReadonlyArray<{ dir: string; blockIds: string[] }>): void {
  for (const { dir, blockIds } of linked) {
    if (!context.state.linkedViews.has(dir)) context.state.linkedViews.set(dir, {});
    for (const blockId of blockIds) {
      // Also a child of the page in a resumed crawl: visited once.
      if (context.state.visited.has(blockId)) continue;
      context.state.visited.add(blockId);
      const visitDir = path.join(dir, blockId);
      context.schedule(async () => {
        if (!(await storeLinkedDatabase(context, { databaseId: blockId, dir: visitDir, parentId: pageId, referencedFrom: pageId }))) {
          context.state.unreachable.push({ id: blockId, object: 'database', referencedFrom: pageId, reason: 'the linked database view can no longer be read' });
        }
      }, visitDir);
    }
  }
}
