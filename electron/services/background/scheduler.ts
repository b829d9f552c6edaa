import type { JobStart } from '../../../shared/ipc/app-schemas';
import type { BackupSchedule, JobTrigger, ScheduleStatus } from '../../../shared/schedule';
import { decide, upcomingRuns } from '../../engine/schedule/schedule';
import type { Clock } from '../clock';
import type { JobHistory, JobRecord } from './job-history';
import type { JobRunner } from './job-runner';
import type { NotificationCenter } from './notifications';
import type { SchedulerActivity } from './schedule-status';
import { describeScheduleStatus } from './schedule-status';
import type { AppSettings } from '../settings';

/** Retries of a failed scheduled backup, in minutes after the failure. */
export const RETRY_DELAYS_MINUTES = [5, 15, 45];
/** Waits between checks while Notion is unreachable, in minutes (the last one repeats). */
export const NOTION_WAIT_MINUTES = [1, 2, 5, 10, 15];
/**
 * The scheduler never sleeps longer than this: timers follow the monotonic clock, so a changed wall
 * clock or a sleeping laptop is noticed at the next wake-up at the latest.
 */
const MAX_SLEEP_MS = 5 * 60_000;
const STALE_REMINDER_MS = 24 * 3_600_000;

export type NotionReachability = 'reachable' | 'unreachable' | 'refused';

export interface SchedulerDeps {
  settings: AppSettings;
  history: JobHistory;
  jobs: JobRunner;
  clock: Clock;
  timeZone: () => string;
  /** The user's locale for dates in the status sentences; en-GB when absent. */
  locale?: () => string | undefined;
  notifications: NotificationCenter;
  launchBackup(trigger: JobTrigger): Promise<JobStart>;
  launchCheck(trigger: JobTrigger): Promise<JobStart>;
  probeNotion(): Promise<NotionReachability>;
  isOnBattery(): boolean;
  onStatus(status: ScheduleStatus): void;
}

const SCHEDULED: ReadonlySet<JobTrigger> = new Set(['scheduled', 'catch-up', 'retry']);

/**
 * Runs backups on the user's plan. Every decision goes through the pure `decide()`; this class only
 * keeps what it needs to remember (last runs, pending retry, what it is waiting for) and re-asks on a
 * timer, on wake-up, on power changes, after settings changes and after every job.
 */
export class BackupScheduler {
  private timer: { cancel(): void } | undefined;
  private stopped = true;
  private ticking: Promise<void> | undefined;
  private again = false;
  private lastBackup: JobRecord | null = null;
  private lastSuccess: JobRecord | null = null;
  private lastCheckAt: Date | null = null;
  /** A backup that started (or could not start) and has no record yet: it counts as an attempt. */
  private attemptAt: Date | null = null;
  private retry: { at: Date; attempt: number } | null = null;
  /** The attempt number of the last retry launched. */
  private retryAttempt = 0;
  private notionWaits = 0;
  private activity: SchedulerActivity = { kind: 'idle' };
  private staleNotifiedAt: Date | null = null;
  private startedAt: Date | null = null;
  private clockSetBackAt: Date | null = null;

  constructor(private readonly deps: SchedulerDeps) {}

  async start(): Promise<void> {
    const records = await this.deps.history.list(200);
    this.lastBackup = records.find((record) => record.kind === 'backup') ?? null;
    this.lastSuccess = records.find((record) => record.kind === 'backup' && record.outcome.status === 'succeeded') ?? null;
    const lastCheck = records.find((record) => record.kind === 'check' && record.outcome.status === 'succeeded');
    this.lastCheckAt = lastCheck ? new Date(lastCheck.startedAt) : null;
    this.startedAt = this.deps.clock.now();
    this.stopped = false;
    await this.tick();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }

  /** After sleep, a settings change or a power change: decide again now. */
  poke(): Promise<void> {
    return this.tick();
  }

  status(): ScheduleStatus {
    const { settings } = this.deps;
    const now = this.deps.clock.now();
    const current = settings.get();
    const reference = this.reference();
    const activity = this.currentActivity();
    const upcoming = upcomingRuns(current.schedule.plan, now, reference, this.deps.timeZone(), 5);
    return describeScheduleStatus({
      plan: current.schedule.plan,
      pausedUntil: current.schedule.pausedUntil ? new Date(current.schedule.pausedUntil) : null,
      nextRunAt: this.retry && this.retry.at < (upcoming[0] ?? this.retry.at) ? this.retry.at : (upcoming[0] ?? null),
      upcoming,
      activity,
      lastBackup: this.lastBackup,
      lastSuccess: this.lastSuccess,
      configuredAt: current.onboardingCompletedAt ? new Date(current.onboardingCompletedAt) : null,
      staleAfterDays: current.schedule.staleAfterDays,
      now,
      timeZone: this.deps.timeZone(),
      locale: this.deps.locale?.(),
    });
  }

  /** A job's record was written: remember it, notify, plan a retry or an integrity check. */
  async jobFinished(record: JobRecord): Promise<void> {
    if (record.kind === 'check' && record.outcome.status === 'succeeded') this.lastCheckAt = new Date(record.startedAt);
    if (record.kind !== 'backup') {
      this.deps.notifications.jobFinished(record);
      return this.tick();
    }
    this.lastBackup = record;
    this.attemptAt = null;
    if (this.activity.kind === 'blocked') this.activity = { kind: 'idle' };
    let extra = '';
    if (record.outcome.status === 'succeeded') {
      this.lastSuccess = record;
      this.retry = null;
      this.staleNotifiedAt = null;
    } else if (record.outcome.status === 'failed' && SCHEDULED.has(record.trigger)) {
      const attempt = record.trigger === 'retry' ? this.retryAttempt + 1 : 1;
      const delay = RETRY_DELAYS_MINUTES[attempt - 1];
      if (record.outcome.retryable && delay !== undefined) {
        this.retry = { at: new Date(this.deps.clock.now().getTime() + delay * 60_000), attempt };
        extra = ` It will be retried in ${delay} minutes.`;
      } else {
        this.retry = null;
        if (record.outcome.retryable) extra = ` It failed ${RETRY_DELAYS_MINUTES.length + 1} times; the next scheduled backup will try again.`;
      }
    }
    this.deps.notifications.jobFinished(record, extra);
    const checkEvery = this.deps.settings.get().schedule.checkEveryDays;
    const checkDue = !this.lastCheckAt || this.deps.clock.now().getTime() - this.lastCheckAt.getTime() >= checkEvery * 86_400_000;
    if (record.outcome.status === 'succeeded' && SCHEDULED.has(record.trigger) && checkEvery > 0 && checkDue) {
      // Its record arrives through jobFinished like any other job.
      await this.deps.launchCheck('scheduled');
    }
    return this.tick();
  }

  /** The next runs of `plan` as this scheduler would count them (the settings' preview). */
  upcoming(plan: BackupSchedule, count = 5): Date[] {
    return upcomingRuns(plan, this.deps.clock.now(), this.reference(), this.deps.timeZone(), count);
  }

  /**
   * The last backup's end (a backup running across a scheduled time covers it), or the start of one
   * that has no record yet.
   */
  private reference(): Date | null {
    const dates = [this.attemptAt, this.lastBackup ? new Date(this.lastBackup.finishedAt) : null].filter((date): date is Date => date !== null);
    if (dates.length === 0) return null;
    const latest = new Date(Math.max(...dates.map((date) => date.getTime())));
    const now = this.deps.clock.now();
    // A run recorded "in the future" (the clock was wrong, then set back) must not stop the schedule
    // until the clock catches up: count from when the scheduler first saw it so.
    if (latest > now) {
      this.clockSetBackAt ??= now;
      return this.clockSetBackAt;
    }
    this.clockSetBackAt = null;
    return latest;
  }

  /**
   * What decide() counts missed times from. Never backed up: a daily or weekly plan counts from the
   * setup (or from this start), so its first time is due when it comes and stays due while it waits
   * for a job, power or Notion; without this, "never ran" always meant "wait for the next time".
   */
  private since(plan: BackupSchedule): Date | null {
    const reference = this.reference();
    if (reference || plan.kind === 'interval' || plan.kind === 'manual') return reference;
    const configured = this.deps.settings.get().onboardingCompletedAt;
    return configured ? new Date(configured) : this.startedAt;
  }

  private currentActivity(): SchedulerActivity {
    const running = this.deps.jobs.running();
    if (running) return this.activity.kind === 'waiting-for-job' ? this.activity : { kind: 'running', what: running.kind };
    if (this.activity.kind === 'running') return this.retry ? this.retryActivity(this.retry) : { kind: 'idle' };
    return this.activity;
  }

  private retryActivity(retry: { at: Date; attempt: number }): SchedulerActivity {
    return { kind: 'retry-pending', at: retry.at, attempt: retry.attempt, of: RETRY_DELAYS_MINUTES.length };
  }

  /** Serialised: a tick that arrives while one runs makes it run once more. */
  private tick(): Promise<void> {
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      do {
        this.again = false;
        await this.evaluate();
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async evaluate(): Promise<void> {
    this.timer?.cancel();
    if (this.stopped) return;
    const { settings, clock } = this.deps;
    const now = clock.now();
    const { schedule } = settings.get();
    const pausedUntil = schedule.pausedUntil ? new Date(schedule.pausedUntil) : null;

    let trigger: JobTrigger | undefined;
    let wakeAt: Date | undefined;
    const decision = decide(schedule.plan, { lastSuccessAt: null, lastAttemptAt: this.since(schedule.plan), pausedUntil }, now, this.deps.timeZone());
    const paused = decision.action === 'wait' && decision.reason === 'paused';
    if (this.retry && !paused && this.retry.at <= now) trigger = 'retry';
    else if (decision.action === 'run-now') trigger = decision.reason === 'catch-up' ? 'catch-up' : 'scheduled';
    if (decision.action === 'wait') wakeAt = decision.until;
    if (this.retry && !paused && (!wakeAt || this.retry.at < wakeAt)) wakeAt = this.retry.at;

    if (trigger) {
      wakeAt = await this.tryToRun(trigger, now);
    } else if (this.retry && !paused) {
      this.activity = this.retryActivity(this.retry);
    } else if (this.activity.kind !== 'blocked') {
      // A backup that could not start stays reported (health "failed") until a backup runs or is tried again.
      this.activity = { kind: 'idle' };
    }
    this.publish(now);
    if (this.stopped) return;
    const delay = Math.min(MAX_SLEEP_MS, Math.max(1000, (wakeAt?.getTime() ?? Number.POSITIVE_INFINITY) - clock.now().getTime()));
    this.timer = clock.setTimeout(() => void this.tick(), delay);
  }

  /** Starts a due backup unless something must be waited for; returns when to look again. */
  private async tryToRun(trigger: JobTrigger, now: Date): Promise<Date | undefined> {
    const { settings, jobs, clock } = this.deps;
    if (jobs.running()) {
      // The job's end pokes the scheduler.
      this.activity = { kind: 'waiting-for-job' };
      return undefined;
    }
    if (settings.get().schedule.skipOnBattery && this.deps.isOnBattery()) {
      this.activity = { kind: 'waiting-for-power' };
      return undefined;
    }
    // The 5-minute safety wake-up (or a poke) before the next try keeps the back-off: no new probe yet.
    if (this.activity.kind === 'waiting-for-notion' && this.activity.nextTry > clock.now()) return this.activity.nextTry;
    const reachability = await this.deps.probeNotion();
    if (reachability === 'unreachable') {
      const minutes = NOTION_WAIT_MINUTES[Math.min(this.notionWaits, NOTION_WAIT_MINUTES.length - 1)] ?? 15;
      this.notionWaits += 1;
      const nextTry = new Date(clock.now().getTime() + minutes * 60_000);
      this.activity = { kind: 'waiting-for-notion', nextTry };
      return nextTry;
    }
    this.notionWaits = 0;
    const start = await this.deps.launchBackup(trigger);
    if (start.status === 'refused' && jobs.running()) {
      // A job started meanwhile: a pending retry stays pending.
      this.activity = { kind: 'waiting-for-job' };
      return undefined;
    }
    if (trigger === 'retry' && this.retry) {
      // Remembered for the retry's own result: `retry` is cleared now, so it cannot count the attempts.
      this.retryAttempt = this.retry.attempt;
      this.retry = null;
    }
    if (start.status === 'refused') {
      // Not set up (no store, no token): count it as an attempt so it is not retried in a loop.
      this.attemptAt = now;
      this.activity = { kind: 'blocked', message: start.message };
      this.deps.notifications.problem('Scheduled backup could not start', start.message, { screen: 'settings', jobId: null });
      return undefined;
    }
    this.attemptAt = now;
    this.activity = { kind: 'running', what: 'backup' };
    return undefined;
  }

  /** Tells the app the status, and reminds the user (at most daily) when backups have gone stale. */
  private publish(now: Date): void {
    const status = this.status();
    const remindedRecently = this.staleNotifiedAt && now.getTime() - this.staleNotifiedAt.getTime() < STALE_REMINDER_MS;
    if (status.stale && !remindedRecently) {
      this.staleNotifiedAt = now;
      this.deps.notifications.stale(status.stale.message);
    }
    this.deps.onStatus(status);
  }
}
