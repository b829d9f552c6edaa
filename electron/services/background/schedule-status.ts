import type { BackupSchedule, Health, ScheduleStatus } from '../../../shared/schedule';
import type { JobRecord } from './job-history';

/** What the scheduler is doing right now (kept by BackupScheduler, described here). */
export type SchedulerActivity =
  | { kind: 'idle' }
  | { kind: 'running'; what: JobRecord['kind'] }
  | { kind: 'waiting-for-job' }
  | { kind: 'waiting-for-notion'; nextTry: Date }
  | { kind: 'waiting-for-power' }
  | { kind: 'retry-pending'; at: Date; attempt: number; of: number }
  | { kind: 'blocked'; message: string };

export interface ScheduleStatusInput {
  plan: BackupSchedule;
  pausedUntil: Date | null;
  nextRunAt: Date | null;
  upcoming: Date[];
  activity: SchedulerActivity;
  lastBackup: JobRecord | null;
  lastSuccess: JobRecord | null;
  /** When the user finished setting up (no success yet counts from there). */
  configuredAt: Date | null;
  staleAfterDays: number;
  now: Date;
  timeZone: string;
  /** The user's locale for the dates in the sentences (their 12- or 24-hour clock); en-GB when unknown. */
  locale?: string | undefined;
}

const RUNNING_LABEL: Record<JobRecord['kind'], string> = {
  backup: 'A backup is running.',
  restore: 'A restore is running; backups wait for it.',
  export: 'An export is running; backups wait for it.',
  check: 'The store’s integrity is being checked.',
  retention: 'Old snapshots are being removed.',
};

export function formatWhen(date: Date, timeZone: string, locale = 'en-GB'): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(date);
  }
}

/** The status shown on Home, in Settings and in the tray: a pure function of the scheduler's state. */
export function describeScheduleStatus(input: ScheduleStatusInput): ScheduleStatus {
  const { activity, now, timeZone } = input;
  const when = (date: Date) => formatWhen(date, timeZone, input.locale);
  const paused = input.pausedUntil && input.pausedUntil > now ? input.pausedUntil : null;
  const staleSince = input.lastSuccess ? new Date(input.lastSuccess.startedAt) : input.configuredAt;
  const staleDays = staleSince ? Math.floor((now.getTime() - staleSince.getTime()) / 86_400_000) : 0;
  const stale =
    staleSince && staleDays >= input.staleAfterDays
      ? {
          days: staleDays,
          message: input.lastSuccess
            ? `No backup has succeeded for ${staleDays} days (last success ${when(staleSince)}).`
            : `No backup has succeeded since the app was set up ${staleDays} days ago.`,
        }
      : null;

  let state: ScheduleStatus['state'];
  let detail: string;
  switch (activity.kind) {
    case 'running':
      state = 'running';
      detail = RUNNING_LABEL[activity.what];
      break;
    case 'waiting-for-job':
      state = 'waiting-for-job';
      detail = 'A backup is due; it starts when the current job finishes.';
      break;
    case 'waiting-for-notion':
      state = 'waiting-for-notion';
      detail = `A backup is due; waiting for Notion to be reachable (next try ${when(activity.nextTry)}).`;
      break;
    case 'waiting-for-power':
      state = 'waiting-for-power';
      detail = 'A backup is due; it starts when the computer is plugged in.';
      break;
    case 'retry-pending':
      state = 'retry-pending';
      detail = `The last backup failed; retrying at ${when(activity.at)} (retry ${activity.attempt} of ${activity.of}).`;
      break;
    default:
      if (paused) {
        state = 'paused';
        detail = `Automatic backups are paused until ${when(paused)}.`;
      } else if (input.plan.kind === 'manual') {
        state = 'manual';
        detail = 'Automatic backups are off: back up from Home or the tray.';
      } else {
        state = 'scheduled';
        detail = input.nextRunAt ? `Next backup ${when(input.nextRunAt)}.` : 'No backup is scheduled.';
      }
      if (activity.kind === 'blocked') detail = `The scheduled backup could not start: ${activity.message} ${detail}`;
  }

  const lastFailed = input.lastBackup?.outcome.status === 'failed' || activity.kind === 'blocked';
  const lastWarnings = input.lastSuccess?.outcome.status === 'succeeded' ? input.lastSuccess.outcome.warnings.length : 0;
  const massDeletion = input.lastSuccess?.outcome.status === 'succeeded' && input.lastSuccess.outcome.changes?.massDeletion === true;
  let health: Health = 'idle';
  if (activity.kind === 'running') health = 'running';
  else if (lastFailed) health = 'failed';
  else if (stale || lastWarnings > 0 || massDeletion || activity.kind === 'waiting-for-notion') health = 'warning';

  const lastBackup = input.lastBackup;
  return {
    plan: input.plan,
    health,
    state,
    detail,
    pausedUntil: paused?.toISOString() ?? null,
    nextRunAt: paused || input.plan.kind === 'manual' ? null : (input.nextRunAt?.toISOString() ?? null),
    upcoming: input.upcoming.map((date) => date.toISOString()),
    lastSuccess: input.lastSuccess
      ? {
          at: input.lastSuccess.finishedAt,
          pages: input.lastSuccess.outcome.status === 'succeeded' ? (input.lastSuccess.outcome.counts?.pages ?? null) : null,
          warnings: lastWarnings,
          massDeletion,
        }
      : null,
    lastRun: lastBackup
      ? {
          at: lastBackup.finishedAt,
          status: lastBackup.outcome.status,
          message: lastBackup.outcome.status === 'succeeded' ? lastBackup.outcome.summary : lastBackup.outcome.message,
        }
      : null,
    stale,
  };
}
