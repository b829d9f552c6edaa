import type { BackupChanges } from '../../../shared/ipc/app-schemas';
import type { PlakarStore } from '../plakar/store';
import type { SnapshotListEntry } from '../plakar/parse';
import type { CatalogRecord, SnapshotCatalog } from '../snapshot/catalog';
import type { IndexEntry } from '../snapshot/format';
import { catalogRecordOf } from '../snapshot/catalog';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { compareRecords, isMassDeletion } from '../snapshot/snapshot-history';
import type { ReusableText } from '../snapshot/text-index';
import { TextIndex, unchangedPages } from '../snapshot/text-index';
import { openStoredSnapshot } from './stored-snapshot';

/** What a backup changed since the newest snapshot of the same source, as its job reports it. */
export type { BackupChanges };

const NAMED_TITLES = 5;

/** What a backup compares and indexes once its tree is crawled, before plakar stores it. */
export interface CrawledTreeFacts {
  /** What changed since the newest snapshot of the same source; undefined for the first one. */
  changes: BackupChanges | undefined;
  /** Set when the snapshot before could not be read: what changed is then unknown. */
  changesWarning: string | undefined;
  /** The tree's text, being indexed while plakar stores the tree. */
  textIndex: TextIndexRun;
}

/**
 * Compares a crawled tree with the newest snapshot of the same source, then starts indexing its text
 * (the pages unchanged since that snapshot keep their text). That snapshot's record is read once for
 * both: from the catalog, else from a local copy of its tree, else from the store (index.json and
 * manifest.json only). 100,000 entries parsed twice were most of an incremental backup's peak.
 */
export async function compareAndIndexCrawledTree(options: {
  catalog: SnapshotCatalog;
  store: PlakarStore;
  workDir: string;
  /** The source's snapshots before this backup. */
  previous: readonly SnapshotListEntry[];
  /** The crawled tree (its snapshot id is not known yet). */
  reader: SnapshotReader;
  signal?: AbortSignal | undefined;
}): Promise<CrawledTreeFacts> {
  let before: CatalogRecord | undefined;
  let changes: BackupChanges | undefined;
  let changesWarning: string | undefined;
  const newest = [...options.previous].sort((a, b) => a.time.localeCompare(b.time)).at(-1);
  try {
    if (newest) {
      before = await options.catalog.load(newest.id, async () => (await openStoredSnapshot(options.store, options.workDir, newest.id)).reader);
      changes = changesBetween(before, catalogRecordOf('', options.reader));
    }
  } catch (error) {
    changesWarning = `what changed since the previous snapshot is unknown: ${error instanceof Error ? error.message : String(error)}`;
  }
  const index = TextIndex.inDataDir(options.workDir);
  // Only the ids of the unchanged pages outlive this call, not the record before.
  const reusable = before ? index.reusableFrom(before.snapshotId, unchangedPages(before, options.reader)) : Promise.resolve(undefined);
  return { changes, changesWarning, textIndex: startTextIndex({ index, reader: options.reader, reusable, signal: options.signal }) };
}

function changesBetween(before: CatalogRecord, crawled: CatalogRecord): BackupChanges {
  const changes = compareRecords(before, crawled);
  return {
    since: before.snapshotId,
    added: changes.added.length,
    removed: changes.removed.length,
    edited: changes.edited.length,
    massDeletion: isMassDeletion(before.entries.length, changes.removed.length),
    removedTitles: changes.removed.slice(0, NAMED_TITLES).map((page) => page.title),
  };
}

/**
 * The tree crawled into `treeDir`, opened with the index the crawl wrote (summaries, not read back from
 * index.json: 100,000 entries parsed again would double the job's memory). Its catalog record is made
 * from it twice, to compare and once stored, rather than held while plakar stores the tree.
 */
export async function openTree(treeDir: string, writtenIndex: IndexEntry[]): Promise<SnapshotReader> {
  return SnapshotReader.openWithIndex(directorySource(treeDir), writtenIndex);
}

export interface TextIndexOutcome {
  /**
   * Pages indexed, pages read (the rest kept the text of the snapshot before), the time reading them
   * took (beside plakar), and how long the backup waited for it once plakar had stored the tree (what
   * indexing adds to the backup).
   */
  build: { pages: number; read: number; ms: number; addedMs: number } | null;
  warning?: string;
}

/** The text index being built beside plakar: `finish` files it under the snapshot's id. */
export interface TextIndexRun {
  finish: (snapshotId: string) => Promise<TextIndexOutcome>;
  settled: Promise<unknown>;
}

/**
 * Starts adding a crawled tree to the text index (reusing the text of the pages unchanged since the
 * snapshot before, when this machine indexed it) while plakar stores the same tree; `finish` files it
 * under the snapshot's id. A failure is a warning: the backup is made.
 */
function startTextIndex(options: { index: TextIndex; reader: SnapshotReader; reusable: Promise<ReusableText | undefined>; signal?: AbortSignal | undefined }): TextIndexRun {
  const started = Date.now();
  const { index } = options;
  const warning = (error: unknown) => `searching this snapshot's text is not possible: ${error instanceof Error ? error.message : String(error)}`;
  let workMs = 0;
  const preparing = options.reusable
    .then((reusable) => index.prepare(options.reader, reusable, options.signal))
    .then((prepared) => {
      workMs = Date.now() - started;
      return prepared;
    });
  const settled = preparing.catch(() => undefined);
  return {
    settled,
    async finish(snapshotId) {
      const waiting = Date.now();
      try {
        const prepared = await preparing;
        await index.commit(snapshotId, prepared);
        return { build: { pages: prepared.pages.size, read: prepared.read, ms: workMs, addedMs: Date.now() - waiting } };
      } catch (error) {
        return { build: null, warning: warning(error) };
      }
    },
  };
}
