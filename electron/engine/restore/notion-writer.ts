import { randomUUID } from 'node:crypto';
import type { NotionGateway } from '../notion/gateway';

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
  append(parentId: string, children: object[], verify: () => Promise<string[] | undefined>, position?: object): Promise<string[]>;
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
}

function plainText(items: unknown): string {
  return Array.isArray(items) ? items.map((item) => (item as { plain_text?: string }).plain_text ?? '').join('') : '';
}

type Params<T extends (args: never) => unknown> = Parameters<T>[0];
type Client = NotionGateway['client'];

export function liveWriter(gateway: NotionGateway): NotionWriter {
  return {
    dryRun: false,
    requests: () => gateway.getStats().apiCalls,
    async append(parentId, children, verify, position) {
      const response = await gateway.call(
        'blocks.children.append',
        (client) =>
          client.blocks.children.append({
            block_id: parentId,
            children: children as Params<Client['blocks']['children']['append']>['children'],
            ...(position ? { position: position as Params<Client['blocks']['children']['append']>['position'] } : {}),
          }),
        verify,
      );
      return Array.isArray(response) ? (response as string[]) : response.results.map((block) => block.id);
    },
    async listChildren(blockId) {
      const results = await gateway.collect('blocks.children.list', (client, cursor) =>
        client.blocks.children.list({ block_id: blockId, start_cursor: cursor, page_size: 100 }),
      );
      return (results as Array<{ id: string; type: string; child_page?: { title?: string }; child_database?: { title?: string } } & Record<string, unknown>>).map(
        (block) => ({
          id: block.id,
          type: block.type,
          title: block.child_page?.title ?? block.child_database?.title,
          text: plainText((block[block.type] as { rich_text?: unknown } | undefined)?.rich_text),
        }),
      );
    },
    async createPage(body, verify) {
      const page = (await gateway.call(
        'pages.create',
        (client) => client.pages.create(body as Params<Client['pages']['create']>),
        verify,
      )) as { id: string; url?: string };
      return { id: page.id, url: page.url };
    },
    async updatePage(pageId, body) {
      await gateway.call('pages.update', (client) => client.pages.update({ page_id: pageId, ...body } as Params<Client['pages']['update']>));
    },
    async createDatabase(body, verify) {
      const database = (await gateway.call(
        'databases.create',
        (client) => client.databases.create(body as Params<Client['databases']['create']>),
        verify,
      )) as { id: string; url?: string; data_sources?: Array<{ id: string }>; dataSourceIds?: string[] };
      return {
        id: database.id,
        url: database.url,
        dataSourceIds: database.dataSourceIds ?? (database.data_sources ?? []).map((source) => source.id),
      };
    },
    async createDataSource(body, verify) {
      const source = await gateway.call(
        'dataSources.create',
        (client) => client.dataSources.create(body as Params<Client['dataSources']['create']>),
        async () => {
          const id = await verify();
          return id ? { id } : undefined;
        },
      );
      return source.id;
    },
    async listDataSources(databaseId) {
      const database = (await gateway.call('databases.retrieve', (client) => client.databases.retrieve({ database_id: databaseId }))) as {
        data_sources?: Array<{ id: string; name?: string }>;
      };
      return (database.data_sources ?? []).map((source) => ({ id: source.id, name: source.name ?? '' }));
    },
    async updateDataSource(dataSourceId, body) {
      await gateway.call('dataSources.update', (client) =>
        client.dataSources.update({ data_source_id: dataSourceId, ...body } as Params<Client['dataSources']['update']>),
      );
    },
    async createComment(body, verify) {
      const comment = (await gateway.call(
        'comments.create',
        (client) => client.comments.create(body as Params<Client['comments']['create']>),
        verify,
      )) as { id: string; discussion_id?: string; discussionId?: string };
      return { id: comment.id, discussionId: comment.discussion_id ?? comment.discussionId ?? '' };
    },
    async listComments(blockId) {
      const results = await gateway.collect('comments.list', (client, cursor) =>
        client.comments.list({ block_id: blockId, start_cursor: cursor, page_size: 100 }),
      );
      return (results as Array<{ id: string; discussion_id: string; rich_text: unknown }>).map((comment) => ({
        id: comment.id,
        discussionId: comment.discussion_id,
        text: plainText(comment.rich_text),
      }));
    },
    async listRows(dataSourceId) {
      const results = await gateway.collect('dataSources.query', (client, cursor) =>
        client.dataSources.query({ data_source_id: dataSourceId, start_cursor: cursor, page_size: 100 }) as never,
      );
      return (results as Array<{ id: string; properties?: Record<string, { type: string; title?: unknown }> }>).map((row) => ({
        id: row.id,
        title: plainText(Object.values(row.properties ?? {}).find((value) => value.type === 'title')?.title),
      }));
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
  };
}
