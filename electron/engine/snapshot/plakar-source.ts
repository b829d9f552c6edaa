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
 * backup in the middle of a read costs plakar calls, never a wrong answer. A file the copy lacks in a
 * folder it has is absent from the snapshot too while `stillCurrent` (checked after the read) says
 * the copy is still that snapshot's tree: the copy's record is removed before the copy changes.
 * Many optional files (files.json of a block folder, linked_views.json) are absent, and asking the
 * store for each costs a plakar command.
 */
export function localFirstSource(localTree: string, fallback: SnapshotSource, stillCurrent?: () => Promise<boolean>): SnapshotSource {
  const local = directorySource(localTree);
  return {
    async readBytes(relativePath) {
      const bytes = await local.readBytes(relativePath);
      if (bytes) return bytes;
      const folder = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/')) : '';
      if (stillCurrent && (await local.listDirectory(folder)).length > 0 && (await stillCurrent())) return undefined;
      return fallback.readBytes(relativePath);
    },
    async listDirectory(relativePath) {
      const items = await local.listDirectory(relativePath);
      return items.length > 0 ? items : fallback.listDirectory(relativePath);
    },
  };
}
