import type { ContractHandlers } from '../../shared/ipc/contract';
import { APP_TAG } from '../engine/jobs/backup-plan';
import { runBackupJob } from '../engine/jobs/backup-job';
import { describeJobError } from '../engine/jobs/job-errors';
import { NotConfiguredError } from './service-context';
import type { ServiceContext } from './service-context';

type JobHandlers = Pick<ContractHandlers, 'startBackup' | 'cancelJob' | 'listSnapshots'>;

/** Backups (and later restores and exports) run in the background; progress and the end arrive as events. */
export function jobServices(context: ServiceContext, appVersion: string): JobHandlers {
  const { jobs, emit, settings } = context.deps;

  return {
    async startBackup({ full }) {
      let store;
      let token: string;
      try {
        store = await context.store();
        token = await context.token();
      } catch (error) {
        if (error instanceof NotConfiguredError) return { status: 'refused', message: error.message };
        throw error;
      }
      const { roots, advanced } = settings.get();
      const jobId = jobs.start('backup', async (id, signal) => {
        try {
          const result = await runBackupJob({
            token,
            notionApiUrl: context.notionApiUrl(),
            requestsPerSecond: advanced.requestsPerSecond,
            comments: advanced.comments,
            store,
            workDir: context.config.dataDir,
            roots,
            full,
            appVersion,
            signal,
            onProgress: (progress) => emit('jobProgress', { jobId: id, kind: 'backup', progress }),
          });
          const counts = result.crawl.counts;
          emit('jobFinished', {
            jobId: id,
            kind: 'backup',
            outcome: {
              status: 'succeeded',
              snapshotId: result.snapshotId,
              summary: `${counts.pages} pages, ${counts.databases} databases, ${counts.rows} rows, ${counts.blocks} blocks, ${counts.files} files`,
              warnings: [
                ...result.warnings,
                ...result.crawl.unreachable.map((item) => `${item.object} ${item.id} could not be read: ${item.reason}`),
                ...result.crawl.failedFiles.map((file) => `a file in page ${file.pageId} could not be downloaded: ${file.reason}`),
              ],
            },
          });
        } catch (error) {
          const description = describeJobError(error, 'backup');
          emit('jobFinished', {
            jobId: id,
            kind: 'backup',
            outcome:
              description.kind === 'cancelled'
                ? { status: 'cancelled', message: description.message }
                : { status: 'failed', kind: description.plakarKind ?? description.kind, message: description.message, retryable: description.retryable },
          });
        }
      });
      return jobId ? { status: 'started', jobId } : { status: 'refused', message: 'Another job is running. Wait for it to finish, or cancel it.' };
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
          snapshots: snapshots.map((snapshot) => {
            const mode = snapshot.tags.find((tag) => tag.startsWith('mode='))?.slice('mode='.length);
            return {
              id: snapshot.id,
              time: snapshot.time,
              sizeBytes: snapshot.sizeBytes,
              tags: snapshot.tags,
              mode: mode === 'full' || mode === 'incremental' ? mode : null,
              ours: snapshot.tags.includes(APP_TAG),
            };
          }),
        };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'backup').message };
      }
    },
  };
}
