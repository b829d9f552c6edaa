import { NotionCallError } from '../retry';
import type { CrawlContext } from './context';
import type { BlockObject, CommentObject, DatabaseObject, PageObject } from './notion-objects';

/** 404 (not shared / deleted) and 403 (capability missing) mean "cannot be read", not "crawl failed". */
export function isUnreadable(error: unknown): error is NotionCallError {
  return error instanceof NotionCallError && (error.failure.status === 404 || error.failure.status === 403);
}

export function unreadableReason(error: NotionCallError): string {
  return error.failure.status === 404
    ? 'not found or not shared with the integration (HTTP 404)'
    : 'the integration lacks a capability to read it (HTTP 403)';
}

export async function listBlockChildren(context: CrawlContext, blockId: string): Promise<BlockObject[]> {
  return context.gateway.collect('blocks.children.list', (client, cursor) =>
    client.blocks.children.list({ block_id: blockId, start_cursor: cursor, page_size: 100 }),
  ) as Promise<BlockObject[]>;
}

export async function retrievePage(context: CrawlContext, pageId: string): Promise<PageObject> {
  return (await context.gateway.call('pages.retrieve', (client) => client.pages.retrieve({ page_id: pageId }))) as PageObject;
}

export async function retrieveBlock(context: CrawlContext, blockId: string): Promise<BlockObject> {
  return (await context.gateway.call('blocks.retrieve', (client) => client.blocks.retrieve({ block_id: blockId }))) as BlockObject;
}

export async function retrieveDatabase(context: CrawlContext, databaseId: string): Promise<DatabaseObject> {
  return (await context.gateway.call('databases.retrieve', (client) =>
    client.databases.retrieve({ database_id: databaseId }),
  )) as DatabaseObject;
}

/**
 * Unresolved comments of a page or block. Without the "read comments" capability Notion answers 403:
 * that is reported once as a warning and comments are skipped for the rest of the crawl.
 */
export async function listComments(context: CrawlContext, blockId: string): Promise<CommentObject[]> {
  if (context.comments === 'off') return [];
  try {
    return (await context.gateway.collect('comments.list', (client, cursor) =>
      client.comments.list({ block_id: blockId, start_cursor: cursor, page_size: 100 }),
    )) as CommentObject[];
  } catch (error) {
    if (error instanceof NotionCallError && error.failure.status === 403) {
      const warning = 'Comments were not backed up: the integration lacks the "Read comments" capability.';
      if (!context.state.warnings.includes(warning)) context.state.warnings.push(warning);
      context.comments = 'off';
      return [];
    }
    if (isUnreadable(error)) return [];
    throw error;
  }
}
