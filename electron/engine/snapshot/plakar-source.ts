import { PlakarError } from '../plakar/errors';
import type { PlakarStore } from '../plakar/store';
import type { SnapshotSource } from './reader';

/**
 * Reads snapshot files straight out of the store (`plakar cat`, `plakar ls`), one at a time: what the
 * snapshot browser needs to show a tree and a page without restoring the whole snapshot.
 */
export function plakarSource(store: PlakarStore, snapshotId: string): SnapshotSource {
  return {
    async readBytes(relativePath) {
      try {
        return await store.readFile(snapshotId, relativePath);
      } catch (error) {
        if (error instanceof PlakarError && error.kind === 'snapshot-not-found') return undefined;
        throw error;
      }
    },
    async listDirectory(relativePath) {
      try {
        const entries = await store.listDirectory(snapshotId, relativePath);
        return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory }));
      } catch (error) {
        if (error instanceof PlakarError && error.kind === 'snapshot-not-found') return [];
        throw error;
      }
    },
  };
}
