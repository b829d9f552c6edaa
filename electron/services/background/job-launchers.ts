import type { JobFinishedEvent, JobStart } from '../../../shared/ipc/app-schemas';
import type { RetentionPolicy } from '../../../shared/schedule';
import type { JobTrigger } from '../../../shared/schedule';
import type { BackupPhase } from '../../../shared/jobs';
import { countsSummary, plural } from '../../../shared/plural';
import { sourceKey } from '../../engine/jobs/backup-plan';
import { runBackupJob } from '../../engine/jobs/backup-job';
import type { JobErrorDescription } from '../../engine/jobs/job-errors';
import { changesSummary } from '../../../shared/change-summary';
import { describeJobError } from '../../engine/jobs/job-errors';
import type { PlakarStore } from '../../engine/plakar/store';
import { pruneSnapshots } from '../../engine/schedule/prune';
import { NotConfiguredError } from '../service-context';
import type { ServiceContext } from '../service-context';
import type { ValidTokenCheck } from '../../engine/notion/token-check';

/**
 * A job's end when it threw: cancelled, or failed with the plain-language description. `retryable`
 * overrides the description's when the job knows better (a snapshot may exist; nothing to retry).
 */
export function failureOutcome(
  description: JobErrorDescription,
  overrides: { retryable?: boolean; cancelledMessage?: string } = {},
): JobFinishedEvent['outcome'] {
  if (description.kind === 'cancelled') return { status: 'cancelled', message: overrides.cancelledMessage ?? description.message };
  return {
    status: 'failed',
    kind: description.plakarKind ?? description.kind,
    message: description.message,
    retryable: overrides.retryable ?? description.retryable,
  };
}

const BUSY = 'Another job is running. Wait for it to finish, or cancel it.';

/** Why a job could not start, or undefined when it can (one job at a time; store and token set up). */
async function prerequisites(context: ServiceContext, needsToken: boolean): Promise<{ refused: JobStart } | { store: PlakarStore; token: string }> {
  if (context.deps.jobs.running()) return { refused: { status: 'refused', message: BUSY } };
  try {
    return { store: await context.store(), token: needsToken ? await context.token() : '' };
  } catch (error) {
    if (error instanceof NotConfiguredError) return { refused: { status: 'refused', message: error.message } };
    throw error;
  }
}

/** Phases after which plakar may already have recorded the snapshot: a retry could duplicate it. */
const SNAPSHOT_MAY_EXIST: ReadonlySet<BackupPhase> = new Set(['storing', 'finished']);

/**
 * Starts a backup job (from the window, the tray or the scheduler) and reports its end as a
 * jobFinished event. Automatic retention runs after a successful backup when the user turned it on.
 */
export async function launchBackup(
  context: ServiceContext,
  options: { full: boolean; trigger: JobTrigger; tokenChecked?: ValidTokenCheck | undefined },
): Promise<JobStart> {
  const { jobs, settings } = context.deps;
  const { events } = context;
  const ready = await prerequisites(context, true);
  if ('refused' in ready) return ready.refused;
  const { store, token } = ready;
  const { roots, advanced, schedule, retention, notion } = settings.get();
  const jobId = jobs.start(
    'backup',
    async (id, signal) => {
      let phase: BackupPhase = 'connecting';
      let kept: { storedPages: number } | undefined;
      try {
        const result = await runBackupJob({
          token,
          tokenChecked: options.tokenChecked,
          notionApiUrl: context.notionApiUrl(),
          notionApiVersion: context.config.notionApiVersion,
          requestsPerSecond: advanced.requestsPerSecond,
          comments: advanced.comments,
          localCopy: advanced.localCopy,
          store,
          workDir: context.config.dataDir,
          roots,
          full: options.full,
          fullEveryDays: schedule.fullEveryDays,
          appVersion: context.config.version,
          signal,
          onResumable: (info) => (kept = info),
          onProgress: (progress) => {
            phase = progress.phase;
            events.emit('jobProgress', { jobId: id, kind: 'backup', progress });
          },
        });
        const counts = result.crawl.counts;
        const warnings = [
          ...result.warnings,
          ...result.crawl.unreachable.map((item) => `${item.object} ${item.id} could not be read: ${item.reason}`),
          ...result.crawl.failedFiles.map((file) => `a file in page ${file.pageId} could not be downloaded: ${file.reason}`),
        ];
        let retentionNote = '';
        if (retention.automatic) {
          // A failed clean-up never fails the backup it follows: it becomes a warning.
          try {
            const pruned = await pruneSnapshots({
              store,
              policy: retention,
              source: sourceKey(notion.workspaceId, roots),
              timeZone: context.timeZone(),
              workDir: context.config.dataDir,
            });
            if (pruned.removed.length > 0) retentionNote = ` Retention removed ${plural(pruned.removed.length, 'older snapshot', 'older snapshots')}.`;
          } catch (error) {
            warnings.push(`retention was not applied: ${describeJobError(error, 'browse').message}`);
          }
        }
        events.emit('jobFinished', {
          jobId: id,
          kind: 'backup',
          outcome: {
            status: 'succeeded',
            snapshotId: result.snapshotId,
            summary: `${countsSummary({ pages: counts.pages, databases: counts.databases, rows: counts.rows, blocks: counts.blocks, files: counts.files })}${result.changes ? `; ${changesSummary(result.changes)}` : ''}${retentionNote ? `.${retentionNote}` : ''}`,
            ...(result.changes ? { changes: result.changes } : {}),
            warnings,
            counts: {
              pages: counts.pages,
              databases: counts.databases,
              rows: counts.rows,
              blocks: counts.blocks,
              files: counts.files,
              comments: counts.comments,
            },
          },
        });
      } catch (error) {
        const description = describeJobError(error, 'backup');
        const resumeNote = kept ? ` ${resumableNote(kept.storedPages)}` : '';
        events.emit('jobFinished', {
          jobId: id,
          kind: 'backup',
          outcome: failureOutcome({ ...description, message: `${description.message}${resumeNote}` }, { retryable: description.retryable && !SNAPSHOT_MAY_EXIST.has(phase) }),
        });
      }
    },
    options.trigger,
  );
  return jobId ? { status: 'started', jobId } : { status: 'refused', message: BUSY };
}

/** What a stopped backup kept for the next one (resumable-staging.ts). */
export function resumableNote(storedPages: number): string {
  return `The ${plural(storedPages, 'page', 'pages')} read so far ${storedPages === 1 ? 'is' : 'are'} kept: the next backup continues from there instead of starting over.`;
}

/** What a clean `plakar check` of `count` snapshots says (the job, and Settings' "Check integrity now"). */
export function integritySummary(count: number): string {
  return `plakar checked ${plural(count, 'snapshot', 'snapshots')}: no damage found.`;
}

/** `plakar check` of the whole store as a background job (scheduled, or from Settings). */
export async function launchIntegrityCheck(context: ServiceContext, trigger: JobTrigger): Promise<JobStart> {
  const ready = await prerequisites(context, false);
  if ('refused' in ready) return ready.refused;
  const { jobs } = context.deps;
  const { events } = context;
  const jobId = jobs.start(
    'check',
    async (id, signal) => {
      try {
        const results = await ready.store.check(undefined, { signal });
        events.emit('jobFinished', {
          jobId: id,
          kind: 'check',
          outcome: { status: 'succeeded', snapshotId: null, summary: integritySummary(results.length), warnings: [] },
        });
      } catch (error) {
        events.emit('jobFinished', {
          jobId: id,
          kind: 'check',
          outcome: failureOutcome(describeJobError(error, 'browse'), { retryable: false, cancelledMessage: 'The integrity check was cancelled.' }),
        });
      }
    },
    trigger,
  );
  return jobId ? { status: 'started', jobId } : { status: 'refused', message: BUSY };
}

/** Removes the confirmed snapshots a retention preview listed (only those the fresh plan still removes). */
export async function launchRetention(context: ServiceContext, policy: RetentionPolicy, confirmedIds: readonly string[]): Promise<JobStart> {
  const ready = await prerequisites(context, false);
  if ('refused' in ready) return ready.refused;
  const { jobs, settings } = context.deps;
  const { events } = context;
  const { notion, roots } = settings.get();
  const jobId = jobs.start('retention', async (id) => {
    try {
      const pruned = await pruneSnapshots({
        store: ready.store,
        policy,
        source: sourceKey(notion.workspaceId, roots),
        timeZone: context.timeZone(),
        workDir: context.config.dataDir,
        confirmedIds,
      });
      const count = pruned.removed.length;
      events.emit('jobFinished', {
        jobId: id,
        kind: 'retention',
        outcome: {
          status: 'succeeded',
          snapshotId: null,
          summary: `Removed ${plural(count, 'snapshot', 'snapshots')}; ${pruned.plan.keep.length.toLocaleString('en-US')} kept.`,
          warnings: pruned.skipped.map((skipped) => `snapshot ${skipped.slice(0, 12)} was kept: the policy keeps it now, or it no longer exists`),
        },
      });
    } catch (error) {
      events.emit('jobFinished', { jobId: id, kind: 'retention', outcome: failureOutcome(describeJobError(error, 'browse'), { retryable: false }) });
    }
  });
  return jobId ? { status: 'started', jobId } : { status: 'refused', message: BUSY };
}
