import { PlakarError } from '../plakar/errors';
import type { PlakarStore } from '../plakar/store';
import type { SnapshotSource } from './snapshot-source';
import { directorySource } from './reader';
import { checkSnapshotName, checkSnapshotPath } from './untrusted';

/**
 * Reads snapshot files straight out of the store (`plakar cat`, `plakar ls`), one at a time: what the
 * snapshot browser needs to show a tree and a page without restoring the whole snapshot.
 */
export function plakarSource(store: PlakarStore, snapshotId: string): SnapshotSource {
  return {
    async readBytes(relativePath) {
      try {
        return await store.readFile(snapshotId, checkSnapshotPath(relativePath, 'A read'));
      } catch (error) {
        if (error instanceof PlakarError && error.kind === 'snapshot-not-found') return undefined;
        throw error;
      }
    },
    async listDirectory(relativePath) {
      try {
        const entries = await store.listDirectory(snapshotId, checkSnapshotPath(relativePath, 'A listing', true));
        return entries.map((entry) => ({ name: checkSnapshotName(entry.name, `The folder ${relativePath || '/'}`), isDirectory: entry.isDirectory }));
      } catch (error) {
        if (error instanceof PlakarError && error.kind === 'snapshot-not-found') return [];
        throw error;
      }
    },
  };
}

/**
 * Reads from a local copy of the snapshot's tree when there is one (the newest backup, see
 * jobs/backup-mirror.ts), and from the store for anything the copy lacks, so a copy replaced by a
 * backup in the middle of a read costs plakar calls, never a wrong answer.
 */
export function localFirstSource(localTree: string, fallback: SnapshotSource): SnapshotSource {
  const local = directorySource(localTree);
  return {
    async readBytes(relativePath) {
      return (await local.readBytes(relativePath)) ?? fallback.readBytes(relativePath);
    },
    async listDirectory(relativePath) {
      const items = await local.listDirectory(relativePath);
      return items.length > 0 ? items : fallback.listDirectory(relativePath);
    },
  };
}
