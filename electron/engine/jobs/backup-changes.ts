import type { BackupChanges } from '../../../shared/ipc/app-schemas';
import type { PlakarStore } from '../plakar/store';
import type { SnapshotListEntry } from '../plakar/parse';
import type { CatalogRecord, SnapshotCatalog } from '../snapshot/catalog';
import { catalogRecordOf } from '../snapshot/catalog';
import { localFirstSource, plakarSource } from '../snapshot/plakar-source';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { compareRecords, isMassDeletion } from '../snapshot/snapshot-history';
import type { TextIndexBuild } from '../snapshot/text-index';
import { TextIndex } from '../snapshot/text-index';
import { localCopyOf } from './backup-mirror';

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
  const before = await options.catalog.load(newest.id, async () => {
    const fromStore = plakarSource(options.store, newest.id);
    const copy = await localCopyOf(options.workDir, options.store.location, newest.id);
    return SnapshotReader.open(copy ? localFirstSource(copy, fromStore) : fromStore);
  });
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
 * The tree crawled into `treeDir`, opened, and its catalog record (to be filed under its snapshot id
 * once stored).
 */
export async function openTree(treeDir: string): Promise<{ reader: SnapshotReader; record: CatalogRecord }> {
  const reader = await SnapshotReader.open(directorySource(treeDir));
  return { reader, record: catalogRecordOf('', reader) };
}

/**
 * Adds the stored tree to the text index, reusing the text of the pages unchanged since `since`
 * (the snapshot before) when this machine indexed it. A failure is a warning: the backup is made.
 */
export async function indexText(options: {
  workDir: string;
  snapshotId: string;
  reader: SnapshotReader;
  since: string | undefined;
  catalog: SnapshotCatalog;
}): Promise<{ build: TextIndexBuild & { ms: number }; warning?: undefined } | { build?: undefined; warning: string }> {
  const started = Date.now();
  try {
    const index = TextIndex.inDataDir(options.workDir);
    const [record, pages] = options.since ? await Promise.all([options.catalog.get(options.since), index.pagesOf(options.since)]) : [undefined, undefined];
    const build = await index.add(options.snapshotId, options.reader, record && pages ? { record, pages } : undefined);
    return { build: { ...build, ms: Date.now() - started } };
  } catch (error) {
    return { warning: `searching this snapshot's text is not possible: ${error instanceof Error ? error.message : String(error)}` };
  }
}
