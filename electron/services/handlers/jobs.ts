import type { ContractHandlers } from '../../../shared/ipc/contract';
import { APP_TAG, snapshotMode } from '../../engine/jobs/backup-plan';
import { describeJobError } from '../../engine/jobs/job-errors';
import { MASS_DELETION_TAG } from '../../engine/snapshot/snapshot-history';
import { launchBackup } from '../background/job-launchers';
import type { ServiceContext } from '../service-context';
import type { SnapshotLibrary } from '../snapshot-library';

type JobHandlers = Pick<ContractHandlers, 'startBackup' | 'cancelJob' | 'listSnapshots'>;

/** Backups (and later restores and exports) run in the background; progress and the end arrive as events. */
export function jobServices(context: ServiceContext, library: SnapshotLibrary): JobHandlers {
  const { jobs } = context.deps;

  return {
    async startBackup({ full }) {
      return launchBackup(context, { full, trigger: 'manual' });
    },

    async cancelJob({ jobId }) {
      return { cancelled: jobs.cancel(jobId) };
    },

    async listSnapshots() {
      try {
        // Asked for by the user: a fresh listing, which the timeline's questions that follow reuse.
        library.forgetListing();
        const snapshots = await library.list();
        return {
          status: 'ok',
          snapshots: snapshots.map((snapshot) => ({
            id: snapshot.id,
            time: snapshot.time,
            sizeBytes: snapshot.sizeBytes,
            tags: snapshot.tags,
            mode: snapshotMode(snapshot.tags),
            ours: snapshot.tags.includes(APP_TAG),
            massDeletion: snapshot.tags.includes(MASS_DELETION_TAG),
          })),
        };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'backup').message };
      }
    },
  };
}
