import type { BackupChanges } from '../../../shared/ipc/app-schemas';
import type { PlakarStore } from '../plakar/store';
import type { SnapshotListEntry } from '../plakar/parse';
import type { EntryVersion, SnapshotCatalog } from '../snapshot/catalog';
import type { IndexEntry } from '../snapshot/format';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { compareEntries, isEdited, isMassDeletion } from '../snapshot/snapshot-history';
import type { ReusableText } from '../snapshot/text-index';
import { keepsItsText, TextIndex } from '../snapshot/text-index';
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
 * (the pages unchanged since that snapshot keep their text). That snapshot's entries are read once,
 * an entry at a time, and walked once beside the tree's: from the catalog, else from a local copy of
 * its tree, else from the store (index.json and manifest.json only).
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
  let comparison: TreeComparison | undefined;
  let changesWarning: string | undefined;
  const newest = [...options.previous].sort((a, b) => a.time.localeCompare(b.time)).at(-1);
  try {
    if (newest) {
      const before = await options.catalog.versionsOf(newest.id, async () => (await openStoredSnapshot(options.store, options.workDir, newest.id)).reader);
      comparison = compareWithTree(newest.id, before, options.reader);
    }
  } catch (error) {
    changesWarning = `what changed since the previous snapshot is unknown: ${error instanceof Error ? error.message : String(error)}`;
  }
  const index = TextIndex.inDataDir(options.workDir);
  const reusable = newest && comparison ? index.reusableFrom(newest.id, comparison.unchanged) : Promise.resolve(undefined);
  return { changes: comparison?.changes, changesWarning, textIndex: startTextIndex({ index, reader: options.reader, reusable, signal: options.signal }) };
}

interface TreeComparison {
  changes: BackupChanges;
  /** The pages that keep their text from the snapshot before (the tree's own id strings). */
  unchanged: Set<string>;
}

/** One walk of the tree beside the snapshot before: what changed, and which pages keep their text. */
function compareWithTree(since: string, before: readonly EntryVersion[], tree: SnapshotReader): TreeComparison {
  const changes: BackupChanges = { since, added: 0, removed: 0, edited: 0, massDeletion: false, removedTitles: [] };
  const unchanged = new Set<string>();
  compareEntries(before, tree.index(), {
    added: () => (changes.added += 1),
    inBoth: (entry, previous) => {
      if (isEdited(previous, entry)) changes.edited += 1;
      if (keepsItsText(previous, entry)) unchanged.add(entry.id);
    },
    removed: (entry) => {
      changes.removed += 1;
      if (changes.removedTitles.length < NAMED_TITLES) changes.removedTitles.push(entry.title);
    },
  });
  changes.massDeletion = isMassDeletion(before.length, changes.removed);
  return { changes, unchanged };
}

/**
 * The tree crawled into `treeDir`, opened with the index the crawl wrote (summaries, not read back from
 * index.json: 100,000 entries parsed again would double the job's memory). It is compared with the
 * snapshot before as it is, and its catalog record is written from it once stored, never held.
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
