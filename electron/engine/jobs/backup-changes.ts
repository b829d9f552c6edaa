import type { BackupChanges } from '../../../shared/ipc/app-schemas';
import type { PlakarStore } from '../plakar/store';
import type { SnapshotListEntry } from '../plakar/parse';
import type { CatalogRecord, SnapshotCatalog } from '../snapshot/catalog';
import type { IndexEntry } from '../snapshot/format';
import { catalogRecordOf } from '../snapshot/catalog';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { compareRecords, isMassDeletion } from '../snapshot/snapshot-history';
import { TextIndex } from '../snapshot/text-index';
import { openStoredSnapshot } from './stored-snapshot';

/** What a backup changed since the newest snapshot of the same source, as its job reports it. */
export type { BackupChanges };

const NAMED_TITLES = 5;

/**
 * Compares a crawled tree, before plakar stores it, with the newest snapshot of the same source.
 * The previous snapshot's record comes from the catalog, else from a local copy of its tree, else
 * from the store (index.json and manifest.json only). Undefined when there is nothing to compare.
 */
export async function changesSincePrevious(options: {
  catalog: SnapshotCatalog;
  store: PlakarStore;
  workDir: string;
  /** The source's snapshots before this backup. */
  previous: readonly SnapshotListEntry[];
  /** The crawled tree's record (its snapshot id is not known yet). */
  crawled: CatalogRecord;
}): Promise<BackupChanges | undefined> {
  const newest = [...options.previous].sort((a, b) => a.time.localeCompare(b.time)).at(-1);
  if (!newest) return undefined;
  const before = await options.catalog.load(newest.id, async () => (await openStoredSnapshot(options.store, options.workDir, newest.id)).reader);
  const changes = compareRecords(before, options.crawled);
  return {
    since: newest.id,
    added: changes.added.length,
    removed: changes.removed.length,
    edited: changes.edited.length,
    massDeletion: isMassDeletion(before.entries.length, changes.removed.length),
    removedTitles: changes.removed.slice(0, NAMED_TITLES).map((page) => page.title),
  };
}

/**
 * The tree crawled into `treeDir`, opened with the index the crawl wrote (summaries, not read back from
 * index.json: 100,000 entries parsed again would double the job's memory), and its catalog record (to
 * be filed under its snapshot id once stored).
 */
export async function openTree(treeDir: string, writtenIndex: IndexEntry[]): Promise<{ reader: SnapshotReader; record: CatalogRecord }> {
  const reader = await SnapshotReader.openWithIndex(directorySource(treeDir), writtenIndex);
  return { reader, record: catalogRecordOf('', reader) };
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

/**
 * Starts adding a crawled tree to the text index (reusing the text of the pages unchanged since
 * `since`, the snapshot before, when this machine indexed it) while plakar stores the same tree;
 * `finish` files it under the snapshot's id. A failure is a warning: the backup is made.
 */
export function startTextIndex(options: { workDir: string; reader: SnapshotReader; since: string | undefined; catalog: SnapshotCatalog; signal?: AbortSignal | undefined }): {
  finish: (snapshotId: string) => Promise<TextIndexOutcome>;
  settled: Promise<unknown>;
} {
  const started = Date.now();
  const index = TextIndex.inDataDir(options.workDir);
  const warning = (error: unknown) => `searching this snapshot's text is not possible: ${error instanceof Error ? error.message : String(error)}`;
  let workMs = 0;
  const preparing = (async () => {
    const [record, pages] = options.since ? await Promise.all([options.catalog.get(options.since), index.pagesOf(options.since)]) : [undefined, undefined];
    const prepared = await index.prepare(options.reader, record && pages ? { record, pages } : undefined, options.signal);
    workMs = Date.now() - started;
    return prepared;
  })();
  const settled = preparing.catch(() => undefined);
  return {
    settled,
    async finish(snapshotId) {
      const waiting = Date.now();
      try {
        const prepared = await preparing;
        await index.commit(snapshotId, prepared);
        return { build: { pages: Object.keys(prepared.pages).length, read: prepared.read, ms: workMs, addedMs: Date.now() - waiting } };
      } catch (error) {
        return { build: null, warning: warning(error) };
      }
    },
  };
}
