import path from 'node:path';
import type { BackupProgress } from '../../../shared/jobs';
import type { CommentScope } from '../notion/crawler/context';
import type { CrawlResult } from '../notion/crawler';
import { crawlWorkspace } from '../notion/crawler';
import { PreviousSnapshot } from '../notion/crawler/previous-snapshot';
import { gatewayForJob } from '../notion/gateway';
import type { RetryPolicy } from '../notion/retry';
import { checkNotionTokenThrough, isTransientTokenProblem } from '../notion/token-check';
import type { ValidTokenCheck } from '../notion/token-check';
import { isDiskFull } from '../plakar/errors';
import type { PlakarStore } from '../plakar/store';
import { backupTags, chooseMode, sourceKey, APP_TAG } from './backup-plan';
import { ProgressReporter } from './backup-progress';
import { createStaging } from './staging';
import { BackupMirror, discardAllMirrors } from './backup-mirror';
import { lockStoreForJob } from './leftover-backup';
import type { BackupChanges } from './backup-changes';
import type { TextIndexOutcome, TextIndexRun } from './backup-changes';
import { compareAndIndexCrawledTree, openTree } from './backup-changes';
import { SnapshotCatalog } from '../snapshot/catalog';
import { MASS_DELETION_TAG } from '../snapshot/snapshot-history';
import type { NotionApiVersion } from '../notion/client';
import { NOTION_API_VERSION } from '../notion/client';
import type { ResumableCrawl } from './resumable-staging';
import { checkpointedPages, discardResumableCrawl, openResumableCrawl } from './resumable-staging';
import { backupDiskNeed, checkDiskForBackup } from './disk-space';
import { removeTree } from '../fs/remove-tree';

export interface BackupJobOptions {
  token: string;
  /** This token's check, made moments ago (the scheduler's probe): the job does not ask Notion again. */
  tokenChecked?: ValidTokenCheck | undefined;
  notionApiUrl?: string | undefined;
  /** The Notion API version every request is pinned to (default: NOTION_API_VERSION). */
  notionApiVersion?: NotionApiVersion | undefined;
  requestsPerSecond?: number;
  burst?: number;
  concurrency?: number;
  comments?: CommentScope;
  retryPolicy?: RetryPolicy;
  store: PlakarStore;
  /** The app's data directory: staging and store locks live under it. */
  workDir: string;
  roots?: string[];
  full?: boolean;
  fullEveryDays?: number;
  /**
   * Keep a private local copy of the tree this backup stored (default true), so the next
   * incremental backup need not restore the previous snapshot from the store. False also removes
   * the copies kept so far.
   */
  localCopy?: boolean;
  extraTags?: string[];
  appVersion: string;
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
  /**
   * The backup failed or was cancelled after storing pages, which are kept (privately, in `dir`) for
   * the next backup of the same source and settings to resume from.
   */
  onResumable?: (kept: { dir: string; storedPages: number }) => void;
  now?: () => Date;
}

export interface BackupJobResult {
  snapshotId: string;
  mode: 'full' | 'incremental';
  basedOn: string | null;
  sourceKey: string;
  /** What the crawl found; its index is not kept (it can list 100,000 entries). */
  crawl: Omit<CrawlResult, 'writtenIndex'>;
  storeBytesWritten: number | null;
  /** What changed since the newest snapshot of the same source; null for the first one. */
  changes: BackupChanges | null;
  /** The snapshot's text added to the search index (null when that failed; see the warnings). */
  textIndex: TextIndexOutcome['build'];
  durationMs: number;
  warnings: string[];
}

/** The token was refused, or Notion could not be reached to check it: nothing was written. */
export class NotionAccessError extends Error {
  override readonly name = 'NotionAccessError';

  constructor(
    message: string,
    /** Notion was unreachable, slow or busy rather than refusing the token: trying later may work. */
    readonly transient = false,
  ) {
    super(message);
  }
}

/**
 * One backup: check the token and the store, crawl Notion into a private staging directory (reusing
 * the previous snapshot's unchanged pages), store it with plakar, clean up. Only one job per store
 * runs at a time; a failure or cancellation leaves no snapshot behind and no staging on disk.
 */
export async function runBackupJob(options: BackupJobOptions): Promise<BackupJobResult> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const { lease, note: leftoverNote } = await lockStoreForJob(options.workDir, options.store, 'backup');
  const reporter = new ProgressReporter(started, options.onProgress);
  let staging: string | undefined;
  let resumable: ResumableCrawl | undefined;
  let previousSnapshot: PreviousSnapshot | undefined;
  let textIndex: TextIndexRun | undefined;
  // Stops the text index when the backup fails or is cancelled; after a success it has finished anyway.
  const stopTextIndex = new AbortController();
  const stopOnCancel = () => stopTextIndex.abort();
  options.signal?.addEventListener('abort', stopOnCancel, { once: true });
  try {
    reporter.phase('connecting');
    const notion = gatewayForJob({
      token: options.token,
      baseUrl: options.notionApiUrl,
      apiVersion: options.notionApiVersion,
      requestsPerSecond: options.requestsPerSecond,
      burst: options.burst,
      policy: options.retryPolicy,
      signal: options.signal,
    });
    const check = options.tokenChecked ?? (await checkNotionTokenThrough(notion, { token: options.token, baseUrl: options.notionApiUrl }));
    if (check.status !== 'valid') throw new NotionAccessError(check.message, isTransientTokenProblem(check.problem));
    const workspace = { id: check.workspaceId, name: check.workspaceName };
    const roots = options.roots ?? [];
    const key = sourceKey(workspace.id, roots);

    reporter.phase('checking-store');
    const previous = await options.store.listSnapshots({ tags: [APP_TAG, `source=${key}`] });
    const decision = chooseMode({ requestedFull: options.full ?? false, previous, now: now(), fullEveryDays: options.fullEveryDays });
    reporter.setMode(decision.mode);

    const crawlSettings = { store: options.store.location, sourceKey: key, comments: options.comments ?? 'pages', notionApiVersion: options.notionApiVersion ?? NOTION_API_VERSION };
    // Before anything is staged: a backup the disk cannot hold says so now, not half-way (disk-space.ts).
    const diskNeed = await backupDiskNeed({
      workDir: options.workDir,
      previous,
      basedOn: decision.basedOn?.id,
      localCopy: options.localCopy !== false,
      crawl: crawlSettings,
    });
    await checkDiskForBackup(options.workDir, diskNeed);

    staging = await createStaging(options.workDir, 'backup');
    const mirror = options.localCopy === false ? undefined : new BackupMirror(options.workDir, options.store.location, key);
    if (options.localCopy === false) await discardAllMirrors(options.workDir);
    if (decision.basedOn) {
      const mirrored = await mirror?.treeOf(decision.basedOn.id);
      if (mirrored) {
        previousSnapshot = await PreviousSnapshot.load(mirrored, decision.basedOn.id, staging);
      }
      if (!previousSnapshot) {
        reporter.phase('restoring-previous');
        const previousDir = path.join(staging, 'previous');
        await options.store.restore(decision.basedOn.id, previousDir, { signal: options.signal });
        previousSnapshot = await PreviousSnapshot.load(previousDir, decision.basedOn.id, staging);
      }
      if (!previousSnapshot) reporter.setMode('full');
    }

    reporter.phase('crawling');
    resumable = await openResumableCrawl(options.workDir, crawlSettings, now());
    const treeDir = resumable.treeDir;
    const mode = previousSnapshot ? 'incremental' : 'full';
    const crawl = await crawlWorkspace({
      client: notion.client,
      limiter: notion.limiter,
      outputDir: treeDir,
      roots,
      comments: options.comments,
      previous: previousSnapshot,
      checkpoint: { dir: resumable.dir, resumeSince: resumable.resumeSince },
      concurrency: options.concurrency,
      signal: options.signal,
      retryPolicy: options.retryPolicy,
      appVersion: options.appVersion,
      apiVersion: options.notionApiVersion,
      sourceKey: key,
      workspace,
      onProgress: (progress) => reporter.crawl(progress),
    });
    previousSnapshot?.close();
    // The previous tree is no longer needed; free the disk before plakar reads the new one.
    await removeTree(path.join(staging, 'previous'));

    const catalog = SnapshotCatalog.inDataDir(options.workDir);
    const crawledTree = await openTree(treeDir, crawl.writtenIndex);
    // The text index reads the tree while plakar stores it (both only read it).
    const facts = await compareAndIndexCrawledTree({ catalog, store: options.store, workDir: options.workDir, previous, reader: crawledTree, signal: stopTextIndex.signal });
    const { changes, changesWarning } = facts;
    textIndex = facts.textIndex;

    reporter.phase('storing');
    const stored = await options.store.backup(treeDir, {
      tags: backupTags(key, mode, [...(changes?.massDeletion ? [MASS_DELETION_TAG] : []), ...(options.extraTags ?? [])]),
      signal: options.signal,
      onStarted: (child) => void lease.recordPlakar(child),
    });
    await catalog.putTree(stored.snapshotId, crawledTree).catch(() => undefined);
    const text = await textIndex.finish(stored.snapshotId);
    const localCopyWarning = await keepLocalCopy(mirror, treeDir, stored.snapshotId);
    await discardResumableCrawl(resumable);
    reporter.phase('finished');
    return {
      snapshotId: stored.snapshotId,
      mode,
      basedOn: previousSnapshot?.snapshotId ?? null,
      sourceKey: key,
      crawl: withoutIndex(crawl),
      storeBytesWritten: stored.result?.outBytes ?? null,
      changes: changes ?? null,
      textIndex: text.build,
      durationMs: Date.now() - started,
      warnings: [
        ...(leftoverNote ? [leftoverNote] : []),
        ...crawl.warnings,
        ...stored.warnings,
        ...(localCopyWarning ? [localCopyWarning] : []),
        ...(changesWarning ? [changesWarning] : []),
        ...(text.warning ? [text.warning] : []),
      ],
    };
  } catch (error) {
    if (resumable) await keepForResuming(resumable, error, options.onResumable);
    throw error;
  } finally {
    // The text index stops at its next page before the tree it reads goes.
    stopTextIndex.abort();
    options.signal?.removeEventListener('abort', stopOnCancel);
    await textIndex?.settled;
    previousSnapshot?.close();
    if (staging) await removeTree(staging);
    await lease.release();
  }
}

function withoutIndex({ writtenIndex: _index, ...crawl }: CrawlResult): Omit<CrawlResult, 'writtenIndex'> {
  return crawl;
}

/**
 * After a failure: the pages stored so far stay for the next backup to resume, unless there are none
 * or the disk is full (they would keep it full).
 */
async function keepForResuming(crawl: ResumableCrawl, error: unknown, onResumable: BackupJobOptions['onResumable']): Promise<void> {
  const storedPages = await checkpointedPages(crawl.dir);
  if (storedPages === 0 || isDiskFull(error)) {
    await discardResumableCrawl(crawl);
    return;
  }
  onResumable?.({ dir: crawl.dir, storedPages });
}

/** The copy is an optimisation: failing to keep it costs the next backup a restore, nothing else. */
async function keepLocalCopy(mirror: BackupMirror | undefined, treeDir: string, snapshotId: string): Promise<string | undefined> {
  if (!mirror) return undefined;
  try {
    await mirror.replaceWith(treeDir, snapshotId);
    return undefined;
  } catch (error) {
    await mirror.discard().catch(() => undefined);
    return `The local copy that speeds up the next backup could not be saved (${error instanceof Error ? error.message : String(error)}); the next backup will read the previous snapshot from the store instead.`;
  }
}
