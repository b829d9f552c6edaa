import type { DataSourceObjectResponse } from '@notionhq/client';
import type PQueue from 'p-queue';
import type { FailedFileEntry, IndexEntry, LinkedViews, ManifestCounts, SyncedBlockEntry, UnreachableEntry, UnsupportedBlockEntry } from '../../snapshot/format';
import type { SnapshotWriter } from '../../snapshot/writer';
import type { NotionApiVersion } from '../client';
import type { NotionGateway } from '../gateway';
import { ByPageList } from './by-page';
import { CrawlIndex } from './crawl-index';
import { PageCache } from './page-cache';
import type { CopiedLinkedViews } from './own-tree';
import type { StoredFile } from './stored-files';

export type CommentScope = 'pages' | 'all' | 'off';

/** What the manifest counts, as the crawl goes (the gateway counts the requests). */
export type CrawlCounts = Omit<ManifestCounts, 'apiCalls'>;

/** A synced copy with children, whose blocks.json is written at the end of the crawl (synced-blocks.ts). */
export interface SyncedCopy {
  blockId: string;
  originalId: string;
  /** The copy's block directory. */
  dir: string;
  /** The page whose own tree holds the copy (its index entry counts the copy's blocks). */
  pageId: string;
  /** On a reused page: how its children were stored in the previous snapshot (they were copied along). */
  reused?: SyncedBlockEntry['children'];
}

/** Pages and databases stored earlier (a previous snapshot, an interrupted crawl) that a crawl can reuse. */
export interface ReusableTree {
  entry(id: string): IndexEntry | undefined;
  /** The pages and databases whose blocks stood in the page's own tree. */
  childrenOf(id: string): Array<Pick<IndexEntry, 'id' | 'object' | 'path'>>;
  /** True when the page's stored files can stand for it: same edit time, nothing failed. */
  canReuse(id: string, lastEditedTime: string | undefined): boolean;
  unreachableFrom(pageId: string): UnreachableEntry[];
  unsupportedBlocksOf(pageId: string): UnsupportedBlockEntry[];
  syncedBlocksOf(pageId: string): SyncedBlockEntry[];
  /** A file stored earlier with this source key, linked instead of downloaded again. */
  findFile(sourceKey: string): StoredFile | undefined;
  /** Puts the page's own files at `newDir` and lists the linked_views.json files among them. */
  copyOwnTree(entry: IndexEntry, writer: SnapshotWriter, newDir: string): Promise<CopiedLinkedViews[]>;
}

export interface CheckpointRecorder {
  record(state: CrawlState, entry: IndexEntry, children: Array<Pick<IndexEntry, 'id' | 'object' | 'path'>>): Promise<void>;
}

/** A database to visit: where it is stored and what it was reached from. */
export interface DatabaseVisit {
  databaseId: string;
  dir: string;
  parentId: string | null;
  referencedFrom: string | null;
}

/** A child_page or child_database block: a block of its own unless its page or database is stored. */
export interface ObjectBlock {
  id: string;
  /** The page whose blocks hold it (its index entry counts the block when nothing is stored for it). */
  ownerId: string;
}

/** Mutable state of one crawl. Holds ids and the index entries being written, never page contents. */
export interface CrawlState {
  visited: Set<string>;
  /** Full page objects from search (spilled to a file), dropped as soon as the page is visited. */
  searchPages: PageCache;
  /** Data sources from search, keyed by database id. */
  searchDataSources: Map<string, DataSourceObjectResponse[]>;
  index: CrawlIndex;
  counts: CrawlCounts;
  /** Pages known so far (search results plus pages discovered by walking), for progress. */
  knownPages: number;
  /** By the page (or database) they were referenced from. */
  unreachable: ByPageList<UnreachableEntry>;
  unsupportedBlocks: ByPageList<UnsupportedBlockEntry>;
  failedFiles: ByPageList<FailedFileEntry>;
  warnings: string[];
  /** Synced originals whose children are stored: block id → block directory. */
  syncedOriginals: Map<string, string>;
  syncedCopies: ByPageList<SyncedCopy>;
  /** What manifest.json lists in `syncedBlocks`. */
  syncedBlocks: ByPageList<SyncedBlockEntry>;
  objectBlocks: ObjectBlock[];
  /** Views of linked databases, by the directory whose linked_views.json lists them. */
  linkedViews: Map<string, LinkedViews>;
}

export interface CrawlContext {
  gateway: NotionGateway;
  writer: SnapshotWriter;
  pool: PQueue;
  signal: AbortSignal;
  comments: CommentScope;
  apiVersion: NotionApiVersion;
  state: CrawlState;
  /**
   * Trees whose unchanged pages are reused instead of fetched, asked in order: the pages an
   * interrupted crawl completed in this same tree (checkpoint.ts), then the previous snapshot.
   */
  reuse: ReusableTree[];
  /** Records each page whose own tree is complete, so an interrupted crawl can resume. */
  checkpoint: CheckpointRecorder | undefined;
  /** Called whenever counts change; the job throttles what it emits. */
  onProgress: () => void;
  /**
   * Schedules work on the pool; the first failure aborts the crawl. Work for deeper directories runs
   * first (depth-first), which keeps the queue, and so memory, small on large workspaces.
   */
  schedule: (task: () => Promise<void>, dir: string) => void;
}

export function emptyCounts(): CrawlCounts {
  return { pages: 0, databases: 0, dataSources: 0, rows: 0, blocks: 0, files: 0, fileBytes: 0, comments: 0, views: 0, linkedDatabases: 0, users: 0, reusedPages: 0 };
}

export function newCrawlState(searchPages = new PageCache(), index = new CrawlIndex()): CrawlState {
  return {
    visited: new Set(),
    searchPages,
    searchDataSources: new Map(),
    index,
    counts: emptyCounts(),
    knownPages: 0,
    unreachable: new ByPageList((item) => item.referencedFrom),
    unsupportedBlocks: new ByPageList((item) => item.pageId),
    failedFiles: new ByPageList((item) => item.pageId),
    warnings: [],
    syncedOriginals: new Map(),
    syncedCopies: new ByPageList((item) => item.pageId),
    syncedBlocks: new ByPageList((item) => item.pageId),
    objectBlocks: [],
    linkedViews: new Map(),
  };
}
