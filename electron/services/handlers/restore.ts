import type { RestoreLoss } from '../../../shared/restore-losses';
import type { ContractHandlers } from '../../../shared/ipc/contract';
import type { JobSubject } from '../../../shared/ipc/app-schemas';
import { parseNotionId } from '../../../shared/notion-ids';
import { countsSummary } from '../../../shared/plural';
import { ExportTargetNotEmptyError } from '../../engine/export';
import { runExportJob } from '../../engine/jobs/export-job';
import { describeJobError } from '../../engine/jobs/job-errors';
import { runRestoreJob } from '../../engine/jobs/restore-job';
import type { PlakarStore } from '../../engine/plakar/store';
import type { JobHistory } from '../background/job-history';
import { failureOutcome } from '../background/job-launchers';
import type { AppEvents } from '../app-events';
import type { ServiceContext } from '../service-context';
import { NotConfiguredError } from '../service-context';

type RestoreHandlers = Pick<ContractHandlers, 'startRestore' | 'showExportFolder'>;

function failed(events: AppEvents, jobId: string, kind: 'restore' | 'export', error: unknown, subject: JobSubject): void {
  if (error instanceof ExportTargetNotEmptyError) {
    events.emit('jobFinished', { jobId, kind, subject, outcome: { status: 'failed', kind: 'folder-not-empty', message: error.message, retryable: false } });
    return;
  }
  events.emit('jobFinished', { jobId, kind, subject, outcome: failureOutcome(describeJobError(error, kind)) });
}

/** When the snapshot was taken, as plakar lists it (null if the list cannot be read: the job reports its own errors). */
function snapshotTimeOf(store: PlakarStore, snapshotId: string): Promise<string | null> {
  return store.listSnapshots().then(
    (snapshots) => snapshots.find((snapshot) => snapshot.id === snapshotId)?.time ?? null,
    () => null,
  );
}

/** The restore wizard's last step: into Notion (or a dry run of it), or into a folder; then the folder written. */
export function restoreServices(context: ServiceContext, history: Pick<JobHistory, 'list'>): RestoreHandlers {
  const { jobs, settings } = context.deps;
  const { events } = context;

  return {
    async startRestore({ snapshotId, selection, destination, dryRun }) {
      let store;
      try {
        store = await context.store();
      } catch (error) {
        if (error instanceof NotConfiguredError) return { status: 'refused', message: error.message };
        throw error;
      }
      if (destination.kind === 'notion') {
        const targetPageId = parseNotionId(destination.page);
        if (!targetPageId) return { status: 'refused', message: 'Paste the link of a Notion page (or its id) to restore into.' };
        let token: string;
        try {
          token = await context.token();
        } catch (error) {
          if (error instanceof NotConfiguredError) return { status: 'refused', message: error.message };
          throw error;
        }
        const jobId = jobs.start('restore', async (id, signal) => {
          // Asked once the job is over: two plakar processes at once would contend for the store's cache.
          const subject = async (title: string | null): Promise<JobSubject> => ({
            snapshotId,
            snapshotTime: await snapshotTimeOf(store, snapshotId),
            target: { kind: 'notion', pageId: targetPageId, title },
            dryRun,
          });
          try {
            const result = await runRestoreJob({
              token,
              notionApiUrl: context.notionApiUrl(),
              notionApiVersion: context.config.notionApiVersion,
              requestsPerSecond: settings.get().advanced.requestsPerSecond,
              store,
              snapshotId,
              targetPageId,
              selection,
              dryRun,
              workDir: context.config.dataDir,
              signal,
              onProgress: (created) => events.emit('jobProgress', { jobId: id, kind: 'restore', created }),
            });
            const created = result.created;
            events.emit('jobFinished', {
              jobId: id,
              kind: 'restore',
              subject: await subject(result.targetTitle),
              outcome: {
                status: 'succeeded',
                snapshotId,
                summary: countsSummary(created),
                warnings: result.warnings,
                url: result.rootUrl,
                restore: {
                  dryRun,
                  created,
                  requests: result.requests,
                  estimatedSeconds: result.estimatedSeconds,
                  resumed: result.resumed,
                  losses: uniqueLosses(result.losses),
                },
              },
            });
          } catch (error) {
            failed(events, id, 'restore', error, await subject(null));
          }
        });
        return jobId ? { status: 'started', jobId } : { status: 'refused', message: 'Another job is running. Wait for it to finish, or cancel it.' };
      }

      // The folder must be one main handed out (its folder dialog) or that the user confirms now.
      if (!(await context.confirmFolder('export', destination.dir))) {
        return { status: 'refused', message: 'Choose the folder with “Choose…”, or confirm the folder you typed.' };
      }
      const jobId = jobs.start('export', async (id, signal) => {
        const subject = async (): Promise<JobSubject> => ({
          snapshotId,
          snapshotTime: await snapshotTimeOf(store, snapshotId),
          target: { kind: 'folder', dir: destination.dir, format: destination.format },
          dryRun: false,
        });
        try {
          const result = await runExportJob({
            store,
            snapshotId,
            targetDir: destination.dir,
            format: destination.format,
            selection,
            merge: destination.merge,
            workDir: context.config.dataDir,
            signal,
            onProgress: (done, total) => events.emit('jobProgress', { jobId: id, kind: 'export', done, total }),
          });
          events.emit('jobFinished', {
            jobId: id,
            kind: 'export',
            subject: await subject(),
            outcome: {
              status: 'succeeded',
              snapshotId,
              summary: `${countsSummary({ pages: result.pages, databases: result.databases, files: result.files })} written to ${result.targetDir}`,
              warnings: result.warnings,
            },
          });
        } catch (error) {
          failed(events, id, 'export', error, await subject());
        }
      });
      return jobId ? { status: 'started', jobId } : { status: 'refused', message: 'Another job is running. Wait for it to finish, or cancel it.' };
    },

    async showExportFolder({ jobId }) {
      const openFolder = context.deps.platform?.openFolder;
      if (!openFolder) return { status: 'unavailable' };
      // The folder is the one main recorded for that export job: a renderer cannot name another path.
      const target = (await history.list(Number.POSITIVE_INFINITY)).find((record) => record.jobId === jobId && record.kind === 'export')?.subject?.target;
      if (target?.kind !== 'folder') return { status: 'problem', message: 'This export is not in the history.' };
      const problem = await openFolder(target.dir);
      return problem ? { status: 'problem', message: problem } : { status: 'opened' };
    },
  };
}

/** One line per distinct loss (the same loss can be met more than once, e.g. on a resumed run). */
function uniqueLosses(losses: ReadonlyArray<{ kind: RestoreLoss['kind']; detail: string }>): RestoreLoss[] {
  const seen = new Set<string>();
  return losses.filter((loss) => !seen.has(loss.detail) && seen.add(loss.detail)).map((loss) => ({ kind: loss.kind, detail: loss.detail }));
}
