import { randomUUID } from 'node:crypto';
import { isFullBlock, isFullPage } from '@notionhq/client';
import type { NotionGateway } from '../notion/gateway';
import { pageTitle } from '../notion/crawler/notion-objects';
import { blockPayload } from '../snapshot/format';
import { plainTextOf } from '../snapshot/json-values';
import { isUnreadable, NotionCallError } from '../notion/retry';
import type { AppendPosition, BlockObjectRequest } from './convert';

/** A block as Notion lists it: enough to align created blocks with the snapshot's. */
export interface ListedBlock {
  id: string;
  type: string;
  /** For child_page / child_database blocks. */
  title?: string;
  /** Plain text of the block's rich text, to recognise a block an ambiguous append created. */
  text?: string;
}

export interface CreatedObject {
  id: string;
  url?: string;
}

/**
 * Every write a restore makes. The live writer sends them through the gateway (rate limit, retries,
 * check-before-retry); the dry-run writer only counts them and invents ids, so a dry run walks exactly
 * the same path as a real restore and its request estimate is the real count.
 */
export interface NotionWriter {
  readonly dryRun: boolean;
  requests(): number;
  append(parentId: string, children: BlockObjectRequest[], verify: () => Promise<string[] | undefined>, position?: AppendPosition): Promise<string[]>;
  listChildren(blockId: string): Promise<ListedBlock[]>;
  createPage(body: Record<string, unknown>, verify: () => Promise<CreatedObject | undefined>): Promise<CreatedObject>;
  updatePage(pageId: string, body: Record<string, unknown>): Promise<void>;
  createDatabase(body: Record<string, unknown>, verify: () => Promise<{ id: string; dataSourceIds: string[] } | undefined>): Promise<{
    id: string;
    dataSourceIds: string[];
    url?: string;
  }>;
  createDataSource(body: Record<string, unknown>, verify: () => Promise<string | undefined>): Promise<string>;
  /** Data sources of a database with their names, for checking a data-source write whose answer was lost. */
  listDataSources(databaseId: string): Promise<Array<{ id: string; name: string }>>;
  updateDataSource(dataSourceId: string, body: Record<string, unknown>): Promise<void>;
  createComment(body: Record<string, unknown>, verify: () => Promise<{ id: string; discussionId: string } | undefined>): Promise<{ id: string; discussionId: string }>;
  /** Unresolved comments of a page or block, for checking a comment write whose answer was lost. */
  listComments(blockId: string): Promise<Array<{ id: string; discussionId: string; text: string }>>;
  /** Rows of a data source with their titles, for checking a row write whose answer was lost. */
  listRows(dataSourceId: string): Promise<Array<{ id: string; title: string }>>;
  /** views.create; the answer's database id is the new linked database's when the body has create_database. */
  createView(body: Record<string, unknown>, verify: () => Promise<CreatedView | undefined>): Promise<CreatedView>;
  /** Ids of a database's views (tabs and dashboard widgets). */
  listViewIds(databaseId: string): Promise<string[]>;
  retrieveView(viewId: string): Promise<CreatedView & { name: string; type: string }>;
  deleteView(viewId: string): Promise<void>;
  /** A data source's schema (`{ name: { id, type } }`), or undefined when Notion does not show it (gone or not shared). */
  retrieveDataSource(dataSourceId: string): Promise<Record<string, { id: string; type: string }> | undefined>;
  /** Ids of the target workspace's custom emojis. */
  listCustomEmojiIds(): Promise<string[]>;
}

export interface CreatedView {
  id: string;
  databaseId: string;
}

type Params<T extends (args: never) => unknown> = Parameters<T>[0];
type Client = NotionGateway['client'];

// Request bodies are built by the restore (converters, then optional parts dropped when Notion refuses
// one), so they reach the writer as records: Notion checks them, and its refusals are handled.
export function liveWriter(gateway: NotionGateway): NotionWriter {
  return {
    dryRun: false,
    requests: () => gateway.getStats().apiCalls,
    async append(parentId, children, verify, position) {
      return gateway.call(
        'blocks.children.append',
        async (client) => {
          const response = await client.blocks.children.append({ block_id: parentId, children, ...(position ? { position } : {}) });
          return response.results.map((block) => block.id);
        },
        verify,
      );
    },
    async listChildren(blockId) {
      const results = await gateway.collect('blocks.children.list', (client, cursor) =>
        client.blocks.children.list({ block_id: blockId, start_cursor: cursor, page_size: 100 }),
      );
      return results.filter(isFullBlock).map((block) => ({
        id: block.id,
        type: block.type,
        title: block.type === 'child_page' ? block.child_page.title : block.type === 'child_database' ? block.child_database.title : undefined,
        text: plainTextOf(blockPayload(block).rich_text),
      }));
    },
    async createPage(body, verify) {
      return gateway.call(
        'pages.create',
        async (client) => {
          const page = await client.pages.create(body as Params<Client['pages']['create']>);
          return { id: page.id, url: isFullPage(page) ? page.url : undefined };
        },
        verify,
      );
    },
    async updatePage(pageId, body) {
      await gateway.call('pages.update', (client) => client.pages.update({ page_id: pageId, ...body } as Params<Client['pages']['update']>));
    },
    async createDatabase(body, verify) {
      return gateway.call(
        'databases.create',
        async (client) => {
          const database = await client.databases.create(body as Params<Client['databases']['create']>);
          return 'data_sources' in database
            ? { id: database.id, url: database.url, dataSourceIds: database.data_sources.map((source) => source.id) }
            : { id: database.id, dataSourceIds: [] };
        },
        verify,
      );
    },
    async createDataSource(body, verify) {
      return gateway.call(
        'dataSources.create',
        async (client) => (await client.dataSources.create(body as Params<Client['dataSources']['create']>)).id,
        verify,
      );
    },
    async listDataSources(databaseId) {
      const database = await gateway.call('databases.retrieve', (client) => client.databases.retrieve({ database_id: databaseId }));
      return 'data_sources' in database ? database.data_sources.map((source) => ({ id: source.id, name: source.name ?? '' })) : [];
    },
    async updateDataSource(dataSourceId, body) {
      await gateway.call('dataSources.update', (client) =>
        client.dataSources.update({ data_source_id: dataSourceId, ...body } as Params<Client['dataSources']['update']>),
      );
    },
    async createComment(body, verify) {
      return gateway.call(
        'comments.create',
        async (client) => {
          const comment = await client.comments.create(body as Params<Client['comments']['create']>);
          return { id: comment.id, discussionId: 'discussion_id' in comment ? comment.discussion_id : '' };
        },
        verify,
      );
    },
    async listComments(blockId) {
      const results = await gateway.collect('comments.list', (client, cursor) =>
        client.comments.list({ block_id: blockId, start_cursor: cursor, page_size: 100 }),
      );
      return results.map((comment) => ({ id: comment.id, discussionId: comment.discussion_id, text: plainTextOf(comment.rich_text) }));
    },
    async listRows(dataSourceId) {
      const results = await gateway.collect('dataSources.query', (client, cursor) =>
        client.dataSources.query({ data_source_id: dataSourceId, start_cursor: cursor, page_size: 100 }),
      );
      return results.filter(isFullPage).map((row) => ({ id: row.id, title: pageTitle(row) }));
    },
    async createView(body, verify) {
      return gateway.call(
        'views.create',
        async (client) => {
          const view = await client.views.create(body as Params<Client['views']['create']>);
          return { id: view.id, databaseId: view.parent.database_id };
        },
        verify,
      );
    },
    async listViewIds(databaseId) {
      const results = await gateway.collect('views.list', (client, cursor) => client.views.list({ database_id: databaseId, start_cursor: cursor, page_size: 100 }));
      return results.map((view) => view.id);
    },
    async retrieveView(viewId) {
      const view = await gateway.call('views.retrieve', (client) => client.views.retrieve({ view_id: viewId }));
      return { id: view.id, databaseId: view.parent.database_id, name: 'name' in view ? view.name : '', type: view.type };
    },
    async deleteView(viewId) {
      try {
        await gateway.call('views.delete', (client) => client.views.delete({ view_id: viewId }));
      } catch (error) {
        // A retried delete whose first answer was lost: the view is gone already.
        if (!(error instanceof NotionCallError && error.failure.status === 404)) throw error;
      }
    },
    async retrieveDataSource(dataSourceId) {
      try {
        const source = await gateway.call('dataSources.retrieve', (client) => client.dataSources.retrieve({ data_source_id: dataSourceId }));
        if (!('properties' in source) || ('in_trash' in source && source.in_trash)) return undefined;
        return Object.fromEntries(Object.entries(source.properties).map(([name, property]) => [name, { id: property.id, type: property.type }]));
      } catch (error) {
        if (isUnreadable(error)) return undefined;
        throw error;
      }
    },
    async listCustomEmojiIds() {
      try {
        const results = await gateway.collect('customEmojis.list', (client, cursor) => client.customEmojis.list({ start_cursor: cursor, page_size: 100 }));
        return results.map((emoji) => emoji.id);
      } catch (error) {
        // A token that may not list them: every custom emoji icon becomes its image, as before.
        if (isUnreadable(error)) return [];
        throw error;
      }
    },
  };
}

/** Counts the requests a restore would make and invents ids; nothing is sent to Notion. */
export function dryRunWriter(): NotionWriter {
  let count = 0;
  const fake = (): string => {
    count += 1;
    return randomUUID();
  };
  return {
    dryRun: true,
    requests: () => count,
    async append(_parent, children) {
      count += 1;
      return children.map(() => randomUUID());
    },
    async listChildren() {
      count += 1;
      return [];
    },
    async createPage() {
      return { id: fake() };
    },
    async updatePage() {
      count += 1;
    },
    async createDatabase(body) {
      const initial = body.initial_data_source ? 1 : 0;
      return { id: fake(), dataSourceIds: Array.from({ length: initial }, () => randomUUID()) };
    },
    async createDataSource() {
      return fake();
    },
    async listDataSources() {
      count += 1;
      return [];
    },
    async updateDataSource() {
      count += 1;
    },
    async createComment() {
      return { id: fake(), discussionId: randomUUID() };
    },
    async listComments() {
      count += 1;
      return [];
    },
    async listRows() {
      count += 1;
      return [];
    },
    async createView(body) {
      const linked = body.create_database !== undefined;
      return { id: fake(), databaseId: linked ? randomUUID() : String(body.database_id ?? body.view_id ?? '') };
    },
    async listViewIds() {
      count += 1;
      return [];
    },
    async retrieveView(viewId) {
      count += 1;
      return { id: viewId, databaseId: '', name: '', type: '' };
    },
    async deleteView() {
      count += 1;
    },
    async retrieveDataSource() {
      // Nothing is read in a dry run: the caller predicts the schema from the plan.
      count += 1;
      return undefined;
    },
    async listCustomEmojiIds() {
      count += 1;
      return [];
    },
  };
}
