import type PQueue from 'p-queue';
import type { IndexEntry, SnapshotWriter } from '../../snapshot/writer';
import type { NotionGateway } from '../gateway';
import type { PreviousSnapshot } from './previous-snapshot';
import type { DataSourceObject, PageObject } from './notion-objects';

export type CommentScope = 'pages' | 'all' | 'off';

export interface UnreachableEntry {
  id: string;
  object: 'page' | 'database' | 'block' | 'data_source';
  referencedFrom: string | null;
  reason: string;
}

export interface UnsupportedBlockEntry {
  blockId: string;
  pageId: string;
  blockType: string;
}

export interface FailedFileEntry {
  ref: string;
  pageId: string;
  reason: string;
}

export interface CrawlCounts {
  pages: number;
  databases: number;
  dataSources: number;
  rows: number;
  blocks: number;
  files: number;
  fileBytes: number;
  comments: number;
  users: number;
  reusedPages: number;
}

/** A synced copy whose content (its original's children) is stored only if the original is not. */
export interface SyncedCopy {
  blockId: string;
  originalId: string;
  dir: string;
  pageId: string;
  entry: IndexEntry;
}

/** Mutable state of one crawl. Holds ids and small index entries, never page contents. */
export interface CrawlState {
  visited: Set<string>;
  /** Full page objects from search, dropped as soon as the page is visited. */
  searchPages: Map<string, PageObject>;
  /** Data sources from search, keyed by database id. */
  searchDataSources: Map<string, DataSourceObject[]>;
  index: IndexEntry[];
  counts: CrawlCounts;
  /** Pages known so far (search results plus pages discovered by walking), for progress. */
  knownPages: number;
  unreachable: UnreachableEntry[];
  unsupportedBlocks: UnsupportedBlockEntry[];
  failedFiles: FailedFileEntry[];
  warnings: string[];
  syncedOriginals: Set<string>;
  syncedCopies: SyncedCopy[];
}

export interface CrawlContext {
  gateway: NotionGateway;
  writer: SnapshotWriter;
  pool: PQueue;
  signal: AbortSignal;
  comments: CommentScope;
  state: CrawlState;
  previous: PreviousSnapshot | undefined;
  /** Called whenever counts change; the job throttles what it emits. */
  onProgress: () => void;
  /** Schedules work on the pool; the first failure aborts the crawl. */
  schedule: (task: () => Promise<void>) => void;
}

export function emptyCounts(): CrawlCounts {
  return { pages: 0, databases: 0, dataSources: 0, rows: 0, blocks: 0, files: 0, fileBytes: 0, comments: 0, users: 0, reusedPages: 0 };
}

export function newCrawlState(): CrawlState {
  return {
    visited: new Set(),
    searchPages: new Map(),
    searchDataSources: new Map(),
    index: [],
    counts: emptyCounts(),
    knownPages: 0,
    unreachable: [],
    unsupportedBlocks: [],
    failedFiles: [],
    warnings: [],
    syncedOriginals: new Set(),
    syncedCopies: [],
  };
}
