import type { ContractHandlers } from '../../../shared/ipc/contract';
import { APP_TAG, snapshotMode } from '../../engine/jobs/backup-plan';
import { describeJobError } from '../../engine/jobs/job-errors';
import { launchBackup } from '../background/job-launchers';
import type { ServiceContext } from '../service-context';

type JobHandlers = Pick<ContractHandlers, 'startBackup' | 'cancelJob' | 'listSnapshots'>;

/** Backups (and later restores and exports) run in the background; progress and the end arrive as events. */
export function jobServices(context: ServiceContext): JobHandlers {
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
        const store = await context.store();
        const snapshots = await store.listSnapshots();
        return {
          status: 'ok',
          snapshots: snapshots.map((snapshot) => ({
            id: snapshot.id,
            time: snapshot.time,
            sizeBytes: snapshot.sizeBytes,
            tags: snapshot.tags,
            mode: snapshotMode(snapshot.tags),
            ours: snapshot.tags.includes(APP_TAG),
          })),
        };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'backup').message };
      }
    },
  };
}
