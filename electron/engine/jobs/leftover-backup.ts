import path from 'node:path';
import { PlakarError } from '../plakar/errors';
import type { PlakarStore } from '../plakar/store';
import { acquireStoreLock, type StoreLease } from './store-lock';

/**
 * Locks a store for one job and settles what a killed predecessor left: its plakar backup, which
 * keeps running after its parent dies, is stopped (acquireStoreLock), and a snapshot it committed
 * anyway is kept only if `plakar check` passes (its staging folder was complete when plakar started,
 * so a committed snapshot is a whole backup unless plakar lost data, e.g. on a full disk); otherwise
 * it is removed. Returns the lease and a sentence for the job's warnings, if anything was found.
 */
export async function lockStoreForJob(
  workDir: string,
  store: PlakarStore,
  what: string,
): Promise<{ lease: StoreLease; note: string | undefined }> {
  const lease = await acquireStoreLock(path.join(workDir, 'locks'), store.location, what);
  if (!lease.leftover) return { lease, note: undefined };
  try {
    return { lease, note: await settleLeftoverBackup(store, lease.leftover.job, lease.leftover.since) };
  } catch (error) {
    await lease.release();
    throw error;
  }
}

async function settleLeftoverBackup(store: PlakarStore, job: string, since: string): Promise<string | undefined> {
  const [snapshot] = await store.listSnapshots({ job });
  const started = `A backup started at ${since} was interrupted when the app or CLI that ran it stopped`;
  if (!snapshot) return undefined;
  try {
    await store.check(snapshot.id);
    return `${started}, but plakar finished storing it: snapshot ${snapshot.id.slice(0, 8)} passed its check and is kept.`;
  } catch (error) {
    if (!(error instanceof PlakarError) || error.kind !== 'integrity') throw error;
    await store.remove([snapshot.id]);
    return `${started}; the snapshot plakar left (${snapshot.id.slice(0, 8)}) failed its check and was removed.`;
  }
}
