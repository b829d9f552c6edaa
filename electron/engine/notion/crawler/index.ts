import type { Client } from '@notionhq/client';
import PQueue from 'p-queue';
import type { ContentEntry, FailedFileEntry, IndexEntry, SnapshotManifest, StoredUser, UnreachableEntry, UnsupportedBlockEntry } from '../../snapshot/format';
import { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION } from '../../snapshot/format';
import { normaliseNotionObject } from '../../snapshot/normalise';
import { SnapshotWriter } from '../../snapshot/writer';
import type { NotionApiVersion } from '../client';
import { NOTION_API_VERSION } from '../client';
import { NotionGateway } from '../gateway';
import type { RateLimiter } from '../rate-limiter';
import type { NotionFailure, RetryPolicy } from '../retry';
import { isUnreadable } from '../retry';
import type { CommentScope, CrawlContext, CrawlCounts } from './context';
import { newCrawlState } from './context';
import { CrawlIndex } from './crawl-index';
import { PageCache } from './page-cache';
import { visitDatabase } from './databases';
import { countUnstoredObjectBlocks, visitPage } from './pages';
import type { PreviousSnapshot } from './previous-snapshot';
import type { RootObject } from './roots';
import { resolveExplicitRoots, searchWorkspace, topVisibleAncestor, workspaceRoots } from './roots';
import { finishSyncedBlocks } from './synced-blocks';
import { writeLinkedViews } from './views';
import { CheckpointTree, CheckpointWriter } from './checkpoint';
import { removeStrayObjects } from './own-tree';

export interface CrawlOptions {
  client: Client;
  limiter: RateLimiter;
  outputDir: string;
  /** Page or database ids (dashed); empty or undefined = everything the token can see. */
  roots?: string[] | undefined;
  comments?: CommentScope;
  /** The previous good snapshot of this source, restored; enables reuse of unchanged pages. */
  previous?: PreviousSnapshot | undefined;
  /**
   * Makes the crawl resumable: each page whose own tree is written is recorded in
   * `<dir>/checkpoint.jsonl`. With `resumeSince` (when the interrupted crawl started), what an
   * interrupted crawl into this same outputDir completed is reused in place; without, it starts over.
   */
  checkpoint?: { dir: string; resumeSince?: string | undefined } | undefined;
  /** Requests in flight at once; enough to keep the rate budget full despite latency. */
  concurrency?: number;
  signal?: AbortSignal | undefined;
  retryPolicy?: RetryPolicy | undefined;
  appVersion: string;
  /** The version the client is pinned to (default NOTION_API_VERSION); recorded in the manifest. */
  apiVersion?: NotionApiVersion | undefined;
  sourceKey: string;
  workspace: { id: string | null; name: string | null };
  onProgress?: (progress: CrawlProgress) => void;
  onRetry?: (label: string, failure: NotionFailure, delayMs: number) => void;
}

export interface CrawlProgress {
  phase: 'users' | 'search' | 'pages' | 'finishing';
  counts: CrawlCounts;
  /** Pages an interrupted crawl had completed, when this one resumes it (0 otherwise). */
  resumedPages: number;
  knownPages: number;
  apiCalls: number;
  rateLimitWaitMs: number;
  rateLimited: number;
  retries: number;
}

export interface CrawlResult {
  counts: CrawlCounts;
  apiCalls: number;
  callsByLabel: Record<string, number>;
  durationMs: number;
  incremental: boolean;
  unreachable: UnreachableEntry[];
  unsupportedBlocks: UnsupportedBlockEntry[];
  failedFiles: FailedFileEntry[];
  warnings: string[];
  roots: RootObject[];
  /**
   * index.json's entries as written, sorted by path, without their url and stats (null, absent):
   * what the job's catalog record and text index read, so it need not parse index.json back.
   */
  writtenIndex: IndexEntry[];
}

export class NothingSharedError extends Error {
  override readonly name = 'NothingSharedError';
  constructor() {
    super(
      'The integration cannot see any page. In Notion, open each page you want to back up, choose ••• → ' +
        'Connections, and add this integration (sub-pages are included automatically).',
    );
  }
}

/** Crawls the workspace (or the chosen roots) into `outputDir` in the snapshot format. */
export async function crawlWorkspace(options: CrawlOptions): Promise<CrawlResult> {
  // Search results waiting for their visit and finished index entries wait in files beside the
  // checkpoint (page-cache.ts, crawl-index.ts): memory stays flat with the workspace's size.
  const searchPages = new PageCache(options.checkpoint?.dir);
  const index = new CrawlIndex(options.checkpoint?.dir);
  let resumed: CheckpointTree | undefined;
  try {
    resumed = options.checkpoint?.resumeSince ? await CheckpointTree.load(options.checkpoint.dir, options.outputDir, options.checkpoint.resumeSince) : undefined;
    return await crawl(options, searchPages, index, resumed);
  } finally {
    searchPages.close();
    index.close();
    resumed?.close();
  }
}

async function crawl(options: CrawlOptions, searchPages: PageCache, index: CrawlIndex, resumed: CheckpointTree | undefined): Promise<CrawlResult> {
  const started = Date.now();
  const failure = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, failure.signal]) : failure.signal;
  const gateway = new NotionGateway(options.client, options.limiter, { signal, policy: options.retryPolicy, onRetry: options.onRetry });
  const pool = new PQueue({ concurrency: options.concurrency ?? 8 });
  const state = newCrawlState(searchPages, index);
  const checkpoint = options.checkpoint ? await CheckpointWriter.open(options.checkpoint.dir, { reset: resumed === undefined }) : undefined;
  let phase: CrawlProgress['phase'] = 'users';
  let firstError: unknown;

  const progress = (): CrawlProgress => {
    const limiterStats = options.limiter.getStats();
    const gatewayStats = gateway.getStats();
    return {
      phase,
      counts: { ...state.counts },
      resumedPages: resumed?.size ?? 0,
      knownPages: Math.max(state.knownPages, state.counts.pages + state.counts.rows),
      apiCalls: gatewayStats.apiCalls,
      rateLimitWaitMs: limiterStats.pausedMs,
      rateLimited: limiterStats.rateLimitedResponses,
      retries: gatewayStats.retries,
    };
  };
  const context: CrawlContext = {
    gateway,
    writer: new SnapshotWriter(options.outputDir),
    pool,
    signal,
    comments: options.comments ?? 'pages',
    apiVersion: options.apiVersion ?? NOTION_API_VERSION,
    state,
    reuse: [...(resumed ? [resumed] : []), ...(options.previous ? [options.previous] : [])],
    checkpoint,
    onProgress: () => options.onProgress?.(progress()),
    schedule: (task, dir) => {
      if (firstError !== undefined) return;
      pool.add(task, { priority: dir.split('/').length }).catch((error: unknown) => {
        if (firstError !== undefined) return;
        firstError = error;
        pool.clear();
        failure.abort(error);
      });
    },
  };
  const drain = async (): Promise<void> => {
    await pool.onIdle();
    if (firstError !== undefined) throw firstError;
    if (options.signal?.aborted) throw options.signal.reason;
  };
  const visitRoot = (root: RootObject): void => {
    context.schedule(
      () =>
        root.object === 'page'
          ? visitPage(context, { pageId: root.id, dir: root.id, parentId: null, isRow: false, referencedFrom: null })
          : visitDatabase(context, { databaseId: root.id, dir: root.id, parentId: null, referencedFrom: null }),
      root.id,
    );
  };

  await context.writer.ensureDir('');
  const users = await listUsers(context);
  state.counts.users = users.length;
  phase = 'search';
  await searchWorkspace(context);
  const explicitRoots = options.roots && options.roots.length > 0 ? options.roots : undefined;
  const roots = explicitRoots ? await resolveExplicitRoots(context, explicitRoots) : workspaceRoots(context);
  phase = 'pages';
  roots.forEach(visitRoot);
  await drain();
  if (!explicitRoots) {
    // Shared pages the walk did not reach: their parent is not shared, or search left the parent out.
    for (const id of state.searchPages.ids()) {
      const page = state.searchPages.peek(id);
      if (!page || state.visited.has(page.id)) continue;
      const root = await topVisibleAncestor(context, page);
      if (state.visited.has(root.id)) continue;
      roots.push(root);
      visitRoot(root);
      await drain();
    }
    for (const databaseId of [...state.searchDataSources.keys()].sort()) {
      if (state.visited.has(databaseId)) continue;
      const root: RootObject = { id: databaseId, object: 'database' };
      roots.push(root);
      visitRoot(root);
      await drain();
    }
  }
  await finishSyncedBlocks(context, drain);
  await writeLinkedViews(context);
  // What the interrupted crawl stored of pages since deleted or moved goes.
  if (resumed) await removeStrayObjects(options.outputDir, new Set(state.index.paths()));
  if (state.index.size === 0) throw new NothingSharedError();
  countUnstoredObjectBlocks(context);

  phase = 'finishing';
  const finishedAt = new Date();
  const gatewayStats = gateway.getStats();
  const sortById = <T extends { id: string }>(list: T[]) => list.sort((a, b) => a.id.localeCompare(b.id));
  const content: ContentEntry[] = roots
    .filter((root) => state.index.has(root.id))
    .map((root) => ({ parent: { page_id: '/' }, id: root.id, object: root.object }));
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    app: { name: 'notion-plakar', version: options.appVersion },
    notionApiVersion: context.apiVersion,
    workspace: options.workspace,
    source: { key: options.sourceKey, roots: explicitRoots ?? 'all' },
    mode: options.previous ? 'incremental' : 'full',
    basedOn: options.previous?.snapshotId ?? null,
    startedAt: new Date(started).toISOString(),
    finishedAt: finishedAt.toISOString(),
    options: { comments: options.comments ?? 'pages' },
    counts: { ...state.counts, apiCalls: gatewayStats.apiCalls },
    unreachable: sortById([...state.unreachable.all()]),
    unsupportedBlocks: [...state.unsupportedBlocks.all()].sort((a, b) => a.blockId.localeCompare(b.blockId)),
    failedFiles: [...state.failedFiles.all()].sort((a, b) => a.ref.localeCompare(b.ref)),
    warnings: state.warnings,
    syncedBlocks: [...state.syncedBlocks.all()].sort((a, b) => a.path.localeCompare(b.path)),
  };
  // What only the crawl needed goes before index.json is written, the peak of a full crawl.
  state.visited.clear();
  const { kept: writtenIndex, entries } = state.index.sortedByPath(summaryOf);
  await context.writer.writeRootFiles({ content, index: entries, users, manifest });
  options.onProgress?.(progress());
  return {
    counts: { ...state.counts },
    apiCalls: gatewayStats.apiCalls,
    callsByLabel: gatewayStats.callsByLabel,
    durationMs: finishedAt.getTime() - started,
    incremental: options.previous !== undefined,
    unreachable: manifest.unreachable,
    unsupportedBlocks: manifest.unsupportedBlocks,
    failedFiles: manifest.failedFiles,
    warnings: state.warnings,
    roots,
    writtenIndex,
  };
}

/** An entry as the job keeps it (no url, no stats), normalised as index.json has it. */
function summaryOf(entry: IndexEntry): IndexEntry {
  const { url: _url, stats: _stats, ...summary } = entry;
  return normaliseNotionObject({ ...summary, url: null });
}

async function listUsers(context: CrawlContext): Promise<StoredUser[]> {
  try {
    return await context.gateway.collect('users.list', (client, cursor) =>
      client.users.list({ start_cursor: cursor, page_size: 100 }),
    );
  } catch (error) {
    if (isUnreadable(error)) {
      context.state.warnings.push(
        'Users were not backed up: this token cannot list workspace users (personal access tokens and ' +
          'integrations without "Read user information" cannot).',
      );
      return [];
    }
    throw error;
  }
}
