import type { PlakarStore } from '../plakar/store';
import { localFirstSource, plakarSource } from '../snapshot/plakar-source';
import { PrefetchingSource } from '../snapshot/prefetch-source';
import { SnapshotReader } from '../snapshot/reader';
import { localCopyOf } from './backup-mirror';

/**
 * A snapshot of the store, opened for reading: from the backup's local copy when this machine has
 * that snapshot's tree, else from the store, its root files read in one plakar command.
 * `prefetching` is the store-backed source, for reading a page's files in one command too.
 */
export async function openStoredSnapshot(store: PlakarStore, workDir: string, snapshotId: string): Promise<{ reader: SnapshotReader; prefetching?: PrefetchingSource }> {
  const fromStore = plakarSource(store, snapshotId);
  const copy = await localCopyOf(workDir, store.location, snapshotId);
  if (copy) {
    const stillCurrent = async () => (await localCopyOf(workDir, store.location, snapshotId)) === copy;
    return { reader: await SnapshotReader.open(localFirstSource(copy, fromStore, stillCurrent)) };
  }
  const prefetching = new PrefetchingSource(store, snapshotId, fromStore);
  // What opening reads, in one command (a snapshot of another tool lacks some: then one by one).
  await prefetching.prefetch(['content.json', 'manifest.json', 'index.json']);
  return { reader: await SnapshotReader.open(prefetching), prefetching };
}
