import type { DatabaseObjectResponse, DataSourceObjectResponse, PageObjectResponse } from '@notionhq/client';
import { isFullPage } from '@notionhq/client';
import { originalFileName } from '../../snapshot/file-names';
import type { FileDescriptor, IndexEntry } from '../../snapshot/format';
import { storedPageSchema } from '../../snapshot/format';
import { joinSnapshotPath } from '../../snapshot/writer';
import type { CrawlContext, DatabaseVisit } from './context';
import { fileExtension, isHostedFile, storeHostedFile } from './files';
import { databaseTitle } from './notion-objects';
// Natural mutual recursion: a database's rows are pages, and pages hold databases.
import { visitPage } from './pages';
import { isUnreadable } from '../retry';
import { full, readOrUnreachable, retrieveDatabase, retrieveDataSource, unreadableReason } from './reads';
import { storeDatabaseViews, storeLinkedDatabase } from './views';

export class QueryCapError extends Error {
  override readonly name = 'QueryCapError';
}

/** A database container, the schema of each of its data sources, and every row of each. */
export async function visitDatabase(context: CrawlContext, visit: DatabaseVisit): Promise<void> {
  const { state } = context;
  if (state.visited.has(visit.databaseId)) return;
  state.visited.add(visit.databaseId);
  let database: DatabaseObjectResponse;
  try {
    database = await retrieveDatabase(context, visit.databaseId);
  } catch (error) {
    if (!isUnreadable(error)) throw error;
    // Linked databases (views of a database elsewhere) answer 404 too, but their views can be read.
    if (!(await storeLinkedDatabase(context, visit))) {
      state.unreachable.push({ id: visit.databaseId, object: 'database', referencedFrom: visit.referencedFrom, reason: unreadableReason(error) });
    }
    return;
  }
  if (database.in_trash) return;
  const dataSources: DataSourceObjectResponse[] = [];
  for (const reference of database.data_sources ?? []) {
    const source = await readOrUnreachable(context, { id: reference.id, object: 'data_source', referencedFrom: database.id }, () =>
      retrieveDataSource(context, reference.id),
    );
    if (source) dataSources.push(source);
  }
  const files = new Map<string, FileDescriptor>();
  for (const slot of ['cover', 'icon'] as const) {
    const file = database[slot];
    if (!isHostedFile(file)) continue;
    await storeHostedFile(
      context,
      visit.dir,
      files,
      {
        ref: `database:${database.id}:${slot}`,
        fileName: `database-${slot}${fileExtension(file.file.url)}`,
        url: file.file.url,
        name: originalFileName({ url: file.file.url }),
        refresh: async () => {
          const fresh = (await retrieveDatabase(context, database.id))[slot];
          return isHostedFile(fresh) ? fresh.file.url : undefined;
        },
      },
      database.id,
    );
  }
  await context.writer.writeDatabase(visit.dir, database, dataSources);
  await storeDatabaseViews(context, database.id, visit.dir);
  await context.writer.writeFilesIndex(visit.dir, files);
  const entry: IndexEntry = {
    id: database.id,
    object: 'database',
    title: databaseTitle(database),
    icon: database.icon ?? null,
    path: visit.dir,
    parentId: visit.parentId,
    isRow: false,
    lastEditedTime: database.last_edited_time ?? null,
    url: database.url ?? null,
    stats: { blocks: 0, files: files.size, fileBytes: [...files.values()].reduce((sum, file) => sum + file.size, 0), comments: 0 },
  };
  // Complete once its own files are written: its rows are entries of their own.
  state.index.add(entry);
  state.index.seal(entry.id);
  state.counts.databases += 1;
  state.counts.dataSources += dataSources.length;
  context.onProgress();
  for (const dataSource of dataSources) {
    for await (const row of queryAllRows(context, dataSource)) {
      state.knownPages += state.searchPages.has(row.id) ? 0 : 1;
      // Kept as text until its turn: a database can have many thousands of rows waiting.
      const rowText = JSON.stringify(row);
      const rowDir = joinSnapshotPath(visit.dir, row.id);
      const rowId = row.id;
      const databaseId = database.id;
      context.schedule(
        () =>
          visitPage(context, {
            pageId: rowId,
            page: storedPageSchema.parse(JSON.parse(rowText)),
            dir: rowDir,
            parentId: databaseId,
            isRow: true,
            referencedFrom: databaseId,
          }),
        rowDir,
      );
    }
  }
}

/**
 * Every row of a data source, past the per-query row cap: rows are read in created_time order and,
 * when Notion reports the cap was reached, the query restarts at the last created_time seen
 * (created_time never changes, unlike last_edited_time). Rows seen twice are skipped.
 * Every property is named in `filter_properties`: from API version 2026-12-01 a query without it
 * returns only each row's title (and on 2026-03-11 naming them all changes nothing).
 */
export async function* queryAllRows(context: CrawlContext, dataSource: DataSourceObjectResponse): AsyncGenerator<PageObjectResponse> {
  const dataSourceId = dataSource.id;
  const propertyIds = Object.values(dataSource.properties).map((property) => property.id);
  const seen = new Set<string>();
  let after: string | undefined;
  for (;;) {
    let capped = false;
    let lastCreated: string | undefined;
    for await (const page of context.gateway.paginate('dataSources.query', (client, cursor) =>
      client.dataSources.query({
        data_source_id: dataSourceId,
        filter_properties: propertyIds,
        page_size: 100,
        start_cursor: cursor,
        sorts: [{ timestamp: 'created_time', direction: 'ascending' }],
        ...(after ? { filter: { timestamp: 'created_time', created_time: { on_or_after: after } } } : {}),
      }),
    )) {
      for (const result of page.results) {
        if (result.object !== 'page') continue; // wiki data sources can return data_source results too
        const row = full(result, isFullPage);
        if (row.in_trash) continue;
        lastCreated = row.created_time ?? lastCreated;
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        yield row;
      }
      if (page.request_status?.type === 'incomplete' || page.request_status?.incomplete_reason === 'query_result_limit_reached') {
        capped = true;
      }
    }
    if (!capped) return;
    if (!lastCreated || lastCreated === after) {
      throw new QueryCapError(
        `More rows than Notion's query limit share the creation time ${after ?? 'of the first row'} in data source ${dataSourceId}; they cannot all be listed.`,
      );
    }
    after = lastCreated;
  }
}
