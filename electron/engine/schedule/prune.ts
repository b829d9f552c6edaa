import { lockStoreForJob } from '../jobs/leftover-backup';
import type { PlakarStore } from '../plakar/store';
import { FULL_SNAPSHOT_ID } from '../plakar/store-location';
import type { SnapshotListEntry } from '../plakar/parse';
import type { RetentionPlan, RetentionPolicy } from './retention';
import { planRetention } from './retention';

export interface PruneOptions {
  store: PlakarStore;
  policy: RetentionPolicy;
  /** The backup source (see sourceKey): only its snapshots are considered. */
  source: string;
  timeZone: string;
  /** The app's data directory: the store lock lives under it. */
  workDir: string;
  /**
   * The ids the user agreed to remove after a preview. Only ids that are both confirmed and still in
   * the fresh plan are removed, so a snapshot made since the preview is never removed unseen.
   */
  confirmedIds?: readonly string[];
}

export interface PruneResult {
  plan: RetentionPlan;
  removed: SnapshotListEntry[];
  /** Confirmed ids the fresh plan now keeps (or that no longer exist): left alone. */
  skipped: string[];
}

/** Applies a retention policy to the app's own snapshots of one source, removing by full id only. */
export async function pruneSnapshots(options: PruneOptions): Promise<PruneResult> {
  const { lease } = await lockStoreForJob(options.workDir, options.store, 'retention');
  try {
    const plan = planRetention(await options.store.listSnapshots(), options.policy, options.timeZone, options.source);
    const confirmed = options.confirmedIds ? new Set(options.confirmedIds) : undefined;
    const removed = plan.remove.filter((snapshot) => !confirmed || confirmed.has(snapshot.id));
    const planned = new Set(plan.remove.map((snapshot) => snapshot.id));
    const skipped = [...(confirmed ?? [])].filter((id) => !planned.has(id));
    // Defence in depth: planRetention only returns full ids, and plakar is never given a prefix.
    if (removed.some((snapshot) => !FULL_SNAPSHOT_ID.test(snapshot.id))) throw new Error('Refusing to remove a snapshot by a short id.');
    if (removed.length > 0 && plan.keep.length === 0) throw new Error('Refusing to remove every snapshot of this source.');
    if (removed.length > 0) await options.store.remove(removed.map((snapshot) => snapshot.id));
    return { plan, removed, skipped };
  } finally {
    await lease.release();
  }
}
