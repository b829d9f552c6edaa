import path from 'node:path';
import { PlakarError } from './errors';

/** Where a store is and how its snapshots are named: the parts of PlakarStore that need no plakar. */
export const FULL_SNAPSHOT_ID = /^[0-9a-f]{64}$/;

/** The directory of a local store (a plain path or an fs: URI); undefined for remote or @alias stores. */
export function localStorePath(location: string): string | undefined {
  if (location.startsWith('@')) return undefined;
  if (location.startsWith('fs://')) return path.resolve(location.slice('fs://'.length));
  if (location.startsWith('fs:')) return path.resolve(location.slice('fs:'.length));
  const isWindowsDrive = /^[a-z]:[\\/]/i.test(location);
  if (!isWindowsDrive && /^[a-z][a-z0-9+.-]*:/i.test(location)) return undefined; // s3://, sftp://, ptar:, …
  return path.resolve(location);
}

export function normaliseStoreLocation(location: string): string {
  const local = localStorePath(location.trim());
  return local ?? location.trim();
}

export function assertFullId(id: string): void {
  if (!FULL_SNAPSHOT_ID.test(id)) {
    throw new PlakarError('snapshot-not-found', `Refusing to use "${id}": a full 64-character snapshot id is required.`, '', null);
  }
}

/** `<id>:<path>`; an empty path means the snapshot's source directory. */
export function snapshotPath(snapshotId: string, pathInSnapshot: string): string {
  const clean = pathInSnapshot.replace(/^\/+/, '');
  return clean === '' ? snapshotId : `${snapshotId}:${clean}`;
}
