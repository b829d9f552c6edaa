import type {
  BlockObjectResponse,
  CommentObjectResponse,
  DatabaseObjectResponse,
  DataSourceObjectResponse,
  DataSourceViewObjectResponse,
  PageObjectResponse,
} from '@notionhq/client';
import { isFullBlock, isFullDatabase, isFullDataSource, isFullPage, isFullView } from '@notionhq/client';
import { isUnreadable, NotionCallError } from '../retry';
import type { UnreachableEntry } from '../../snapshot/format';
import type { CrawlContext } from './context';

export function unreadableReason(error: NotionCallError): string {
  return error.failure.status === 404
    ? 'not found or not shared with the integration (HTTP 404)'
    : 'the integration lacks a capability to read it (HTTP 403)';
}

/**
 * What `read` gives, or undefined when Notion will not let it be read: then `what` is recorded as
 * unreachable with the reason (after `reasonPrefix`). Any other failure is thrown.
 */
export async function readOrUnreachable<T>(
  context: CrawlContext,
  what: Omit<UnreachableEntry, 'reason'>,
  read: () => Promise<T>,
  reasonPrefix = '',
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!isUnreadable(error)) throw error;
    context.state.unreachable.push({ ...what, reason: `${reasonPrefix}${unreadableReason(error)}` });
    return undefined;
  }
}

export async function listBlockChildren(context: CrawlContext, blockId: string): Promise<BlockObjectResponse[]> {
  const blocks = await context.gateway.collect('blocks.children.list', (client, cursor) =>
    client.blocks.children.list({ block_id: blockId, start_cursor: cursor, page_size: 100 }),
  );
  return blocks.map((block) => full(block, isFullBlock));
}

export async function retrievePage(context: CrawlContext, pageId: string): Promise<PageObjectResponse> {
  return full(await context.gateway.call('pages.retrieve', (client) => client.pages.retrieve({ page_id: pageId })), isFullPage);
}

export async function retrieveBlock(context: CrawlContext, blockId: string): Promise<BlockObjectResponse> {
  return full(await context.gateway.call('blocks.retrieve', (client) => client.blocks.retrieve({ block_id: blockId })), isFullBlock);
}

export async function retrieveDatabase(context: CrawlContext, databaseId: string): Promise<DatabaseObjectResponse> {
  return full(await context.gateway.call('databases.retrieve', (client) => client.databases.retrieve({ database_id: databaseId })), isFullDatabase);
}

export async function retrieveDataSource(context: CrawlContext, dataSourceId: string): Promise<DataSourceObjectResponse> {
  return full(await context.gateway.call('dataSources.retrieve', (client) => client.dataSources.retrieve({ data_source_id: dataSourceId })), isFullDataSource);
}

/**
 * Every view of a database (or of a linked database), in tab order: the list names them, then each is
 * retrieved (the list returns ids only).
 */
export async function readViews(context: CrawlContext, databaseId: string): Promise<DataSourceViewObjectResponse[]> {
  const references = await context.gateway.collect('views.list', (client, cursor) =>
    client.views.list({ database_id: databaseId, start_cursor: cursor, page_size: 100 }),
  );
  const views: DataSourceViewObjectResponse[] = [];
  for (const reference of references) {
    views.push(full(await context.gateway.call('views.retrieve', (client) => client.views.retrieve({ view_id: reference.id })), isFullView));
  }
  return views;
}

/**
 * The full object of an answer. Notion answers with a partial object (`{object, id}`) only where the
 * integration may not read it; that never happens for what the crawl reads, so it is an error here.
 */
export function full<Answer extends { object: string; id: string }, Full extends Answer>(answer: Answer, isFull: (answer: Answer) => answer is Full): Full {
  if (isFull(answer)) return answer;
  throw new Error(`Notion returned only the id of the ${answer.object} ${answer.id}, not the object.`);
}

/**
 * Unresolved comments of a page or block. Without the "read comments" capability Notion answers 403:
 * that is reported once as a warning and comments are skipped for the rest of the crawl.
 */
export async function listComments(context: CrawlContext, blockId: string): Promise<CommentObjectResponse[]> {
  if (context.comments === 'off') return [];
  try {
    return await context.gateway.collect('comments.list', (client, cursor) =>
      client.comments.list({ block_id: blockId, start_cursor: cursor, page_size: 100 }),
    );
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
