// A straightforward full crawl through the real SDK, used by tests to check fixture manifests.
import type { Client } from '@notionhq/client';
import { APIResponseError, collectAllDataSourceRows, collectPaginatedAPI, isFullBlock, isFullPage } from '@notionhq/client';

export interface CrawlResult {
  pages: Set<string>;
  rows: Set<string>;
  blocks: Set<string>;
  databases: Set<string>;
  dataSources: Set<string>;
  hostedFiles: Set<string>;
  comments: Set<string>;
  unsupportedBlocks: Set<string>;
  /** database ids answered with 404 whose views cannot be listed either */
  unreachable: Set<string>;
  /** linked databases: databases.retrieve answers 404, views.list({database_id}) answers */
  linkedDatabases: Set<string>;
  views: Set<string>;
}

const HOSTED_FILE = /\/__files\/([0-9a-f-]{36})\//g;

export async function crawlWorkspace(client: Client, options: { comments?: boolean } = {}): Promise<CrawlResult> {
  const result: CrawlResult = {
    pages: new Set(), rows: new Set(), blocks: new Set(), databases: new Set(), dataSources: new Set(),
    hostedFiles: new Set(), comments: new Set(), unsupportedBlocks: new Set(), unreachable: new Set(),
    linkedDatabases: new Set(), views: new Set(),
  };
  const walked = new Set<string>();
  const withComments = options.comments ?? true;

  const scanFiles = (value: unknown): void => {
    for (const match of JSON.stringify(value).matchAll(HOSTED_FILE)) if (match[1]) result.hostedFiles.add(match[1]);
  };
  const collectComments = async (id: string): Promise<void> => {
    if (!withComments) return;
    const comments = await collectPaginatedAPI(client.comments.list, { block_id: id });
    for (const comment of comments) {
      result.comments.add(comment.id);
      scanFiles(comment);
    }
  };
  const notFound = (error: unknown): boolean => APIResponseError.isAPIResponseError(error) && error.code === 'object_not_found';

  const walkChildren = async (containerId: string): Promise<void> => {
    if (walked.has(containerId)) return;
    walked.add(containerId);
    const children = await collectPaginatedAPI(client.blocks.children.list, { block_id: containerId });
    for (const child of children) {
      if (!isFullBlock(child)) continue;
      if (child.type === 'child_page') {
        await visitPage(child.id);
        continue;
      }
      if (child.type === 'child_database') {
        await visitDatabase(child.id);
        continue;
      }
      result.blocks.add(child.id);
      scanFiles(child);
      if (child.type === 'unsupported') result.unsupportedBlocks.add(child.id);
      await collectComments(child.id);
      if (child.has_children) await walkChildren(child.id);
    }
  };

  const recordPage = async (page: unknown): Promise<void> => {
    if (!page || typeof page !== 'object' || !isFullPage(page as never)) return;
    const full = page as { id: string; parent: { type: string } };
    if (result.pages.has(full.id)) return;
    result.pages.add(full.id);
    if (full.parent.type === 'data_source_id') result.rows.add(full.id);
    scanFiles(page);
    await collectComments(full.id);
    await walkChildren(full.id);
  };

  const visitPage = async (id: string): Promise<void> => {
    if (result.pages.has(id)) return;
    try {
      await recordPage(await client.pages.retrieve({ page_id: id }));
    } catch (error) {
      if (!notFound(error)) throw error;
      result.unreachable.add(id);
    }
  };

  const visitDatabase = async (id: string): Promise<void> => {
    if (result.databases.has(id) || result.unreachable.has(id) || result.linkedDatabases.has(id)) return;
    let database;
    try {
      database = await client.databases.retrieve({ database_id: id });
    } catch (error) {
      if (!notFound(error)) throw error;
      if (await visitViews(id)) result.linkedDatabases.add(id);
      else result.unreachable.add(id);
      return;
    }
    result.databases.add(id);
    await visitViews(id);
    scanFiles(database);
    for (const source of 'data_sources' in database ? database.data_sources : []) await visitDataSource(source.id);
  };

  /** Lists a database's views; false when the database answers 404 there too. */
  const visitViews = async (id: string): Promise<boolean> => {
    try {
      for (const view of await collectPaginatedAPI(client.views.list, { database_id: id })) result.views.add(view.id);
      return true;
    } catch (error) {
      if (!notFound(error)) throw error;
      return false;
    }
  };

  const visitDataSource = async (id: string): Promise<void> => {
    if (result.dataSources.has(id)) return;
    result.dataSources.add(id);
    const rows = await collectAllDataSourceRows(client, { data_source_id: id });
    for (const row of rows) await recordPage(row);
  };

  const roots = await collectPaginatedAPI(client.search, {});
  for (const root of roots) {
    if (root.object === 'page') await visitPage(root.id);
    else if ('parent' in root && root.parent.type === 'database_id') await visitDatabase(root.parent.database_id);
  }
  return result;
}
