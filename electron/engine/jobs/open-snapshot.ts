import { mkdir } from 'node:fs/promises';
import type { PlakarStore } from '../plakar/store';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { selectiveSnapshotSource } from '../snapshot/selective-source';
import { removeTree } from '../fs/remove-tree';

/**
 * The snapshot a restore or export job reads, in `tree` (inside the job's staging folder). With a
 * selection of pages, only what is read is fetched from the store (selective-source.ts): restoring
 * one page of a large snapshot costs that page, not the snapshot. A whole snapshot, or one without
 * an index (made by plakar's official connector), is restored whole: one plakar command instead of
 * one per object.
 */
export async function openSnapshotForJob(
  store: PlakarStore,
  snapshotId: string,
  tree: string,
  selection: readonly string[] | undefined,
  signal: AbortSignal | undefined,
): Promise<SnapshotReader> {
  if (selection && selection.length > 0) {
    await mkdir(tree, { recursive: true, mode: 0o700 });
    const reader = await SnapshotReader.open(selectiveSnapshotSource(store, snapshotId, tree, selection));
    if (!reader.isOfficialConnector) return reader;
    await removeTree(tree);
  }
  await store.restore(snapshotId, tree, { signal });
  return SnapshotReader.open(directorySource(tree));
}
