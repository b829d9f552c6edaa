/**
 * A BackupScheduler wired as createAppCore wires it (real settings, history, job runner and
 * notification center; a ManualClock; fake launchers whose jobs end when a test says so), for the
 * scheduler's unit tests.
 */
import { rm } from 'node:fs/promises';
import Conf from 'conf';
import type { JobFinishedEvent, JobStart } from '../../shared/ipc/app-schemas';
import type { BackupSchedule, JobTrigger, NotificationMode, ScheduleSettings, ScheduleStatus } from '../../shared/schedule';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../shared/schedule';
import { ManualClock } from '../manual-clock';
import { scratchDir } from './crawl';
import type { JobRecord } from '../../electron/services/background/job-history';
import { JobHistory } from '../../electron/services/background/job-history';
import type { JobKind, StartedJob } from '../../electron/services/background/job-runner';
import { JobRunner } from '../../electron/services/background/job-runner';
import { NotificationCenter } from '../../electron/services/background/notifications';
import type { NotionReachability } from '../../electron/services/background/scheduler';
import { BackupScheduler } from '../../electron/services/background/scheduler';
import type { AppNotification } from '../../electron/services/service-context';
import { AppSettings, SETTINGS_STORE_OPTIONS } from '../../electron/services/settings';

export const PARIS = 'Europe/Paris';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Outcome = JobFinishedEvent['outcome'];
export const SUCCESS: Outcome = { status: 'succeeded', snapshotId: 'a'.repeat(64), summary: '1204 pages, 3 databases', warnings: [], counts: { pages: 1204 } };
export function failure(retryable: boolean, message = 'Notion did not answer in time.'): Outcome {
  return { status: 'failed', kind: retryable ? 'network' : 'passphrase-wrong', message, retryable };
}

export interface PastJob {
  at: string;
  outcome: Outcome;
  kind?: JobKind;
  trigger?: JobTrigger;
}

export interface HarnessOptions {
  /** The wall-clock time the app starts at (ISO). */
  now: string;
  plan?: BackupSchedule;
  schedule?: Partial<Omit<ScheduleSettings, 'plan'>>;
  notifications?: NotificationMode;
  /** When onboarding finished (ISO); default: an hour before `now`. */
  configuredAt?: string;
  /** Records already in the history when the app starts, oldest first. */
  history?: PastJob[];
}

/** What the outside world answers; tests change it between steps. */
export interface Environment {
  notion: NotionReachability;
  onBattery: boolean;
  /** When set, launchBackup refuses with this message (not set up). */
  refuse: string | null;
  /** Runs while Notion is being probed (to start a job in that moment, for instance). */
  onProbe?: () => void;
}

export interface Harness {
  dir: string;
  clock: ManualClock;
  settings: AppSettings;
  history: JobHistory;
  jobs: JobRunner;
  scheduler: BackupScheduler;
  env: Environment;
  /** Every notification shown, in order. */
  shown: AppNotification[];
  /** The trigger of every launchBackup call (started or refused). */
  launches: JobTrigger[];
  /** Every job the runner started. */
  started: StartedJob[];
  /** The trigger of every launchCheck call. */
  checks: JobTrigger[];
  /** When Notion was probed. */
  probes: Date[];
  statuses: ScheduleStatus[];
  /** Starts a job by hand (what the window's buttons do). */
  startJob(kind: JobKind, trigger?: JobTrigger): string;
  /** The running job ends with `outcome`; resolves once the scheduler has handled its record. */
  finish(outcome: Outcome): Promise<JobRecord>;
  /** Lets time pass in steps (timers fire; each step lets the scheduler's async work settle). */
  runFor(ms: number, step?: number): Promise<void>;
  runUntil(iso: string, step?: number): Promise<void>;
  /** The app quits and starts again on the same data directory and clock. */
  restart(): Promise<Harness>;
  close(): Promise<void>;
}

export async function flush(): Promise<void> {
  for (let index = 0; index < 3; index += 1) await new Promise((resolve) => setImmediate(resolve));
}

async function seed(dir: string, jobs: readonly PastJob[]): Promise<void> {
  for (const [index, job] of jobs.entries()) {
    const clock = new ManualClock(new Date(job.at));
    const history = new JobHistory(dir, clock);
    const jobId = `past-${index}`;
    history.started(jobId, job.trigger ?? 'scheduled');
    clock.advance(5 * MINUTE);
    await history.finished({ jobId, kind: job.kind ?? 'backup', outcome: job.outcome });
  }
}

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const dir = await scratchDir('scheduler-');
  await seed(dir, options.history ?? []);
  const clock = new ManualClock(new Date(options.now));
  const settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dir }));
  settings.update({
    onboardingCompletedAt: options.configuredAt ?? new Date(clock.now().getTime() - HOUR).toISOString(),
    notifications: options.notifications ?? 'failures',
    schedule: { ...DEFAULT_SCHEDULE_SETTINGS, plan: options.plan ?? { kind: 'daily', time: '09:00' }, ...options.schedule },
  });
  const env: Environment = { notion: 'reachable', onBattery: false, refuse: null };
  const harness = await build(dir, clock, env);
  await harness.scheduler.start();
  await flush();
  return harness;
}

async function build(dir: string, clock: ManualClock, env: Environment): Promise<Harness> {
  const settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dir }));
  const history = new JobHistory(dir, clock);
  const jobs = new JobRunner();
  const shown: AppNotification[] = [];
  const launches: JobTrigger[] = [];
  const started: StartedJob[] = [];
  const checks: JobTrigger[] = [];
  const probes: Date[] = [];
  const statuses: ScheduleStatus[] = [];
  const ends = new Map<string, () => void>();
  const notifications = new NotificationCenter(settings, (notification) => shown.push(notification), () => undefined);

  const startJob = (kind: JobKind, trigger: JobTrigger = 'manual'): string | undefined =>
    jobs.start(kind, (jobId) => new Promise<void>((resolve) => ends.set(jobId, resolve)), trigger);
  const launched = (jobId: string | undefined): JobStart =>
    jobId ? { status: 'started', jobId } : { status: 'refused', message: 'Another job is running. Wait for it to finish, or cancel it.' };

  // The wiring of createAppCore: the history hears of starts, every job end pokes the scheduler.
  jobs.onStarted((job) => {
    started.push(job);
    history.started(job.jobId, job.trigger);
  });
  const scheduler: BackupScheduler = new BackupScheduler({
    settings,
    history,
    jobs,
    clock,
    timeZone: () => PARIS,
    notifications,
    async launchBackup(trigger) {
      launches.push(trigger);
      if (env.refuse) return { status: 'refused', message: env.refuse };
      return launched(startJob('backup', trigger));
    },
    async launchCheck(trigger) {
      checks.push(trigger);
      return launched(startJob('check', trigger));
    },
    async probeNotion() {
      probes.push(clock.now());
      env.onProbe?.();
      return env.notion;
    },
    isOnBattery: () => env.onBattery,
    onStatus: (status) => statuses.push(status),
  });
  jobs.onEnded(() => void scheduler.poke());

  const harness: Harness = {
    dir,
    clock,
    settings,
    history,
    jobs,
    scheduler,
    env,
    shown,
    launches,
    started,
    checks,
    probes,
    statuses,
    startJob(kind, trigger = 'manual') {
      const jobId = startJob(kind, trigger);
      if (!jobId) throw new Error('a job is already running');
      return jobId;
    },
    async finish(outcome) {
      const running = jobs.running();
      if (!running) throw new Error('no job is running');
      // As in the app: the jobFinished event is recorded (asynchronously), then the work settles.
      const recorded = history.finished({ jobId: running.jobId, kind: running.kind, outcome }).then(async (record) => {
        await scheduler.jobFinished(record);
        return record;
      });
      ends.get(running.jobId)?.();
      const record = await recorded;
      await flush();
      return record;
    },
    async runFor(ms, step = MINUTE) {
      for (let left = ms; left > 0; left -= step) {
        clock.advance(Math.min(step, left));
        await flush();
      }
    },
    async runUntil(iso, step = MINUTE) {
      const left = new Date(iso).getTime() - clock.now().getTime();
      if (left < 0) throw new Error(`${iso} is in the past`);
      await harness.runFor(left, step);
    },
    async restart() {
      scheduler.stop();
      const next = await build(dir, clock, env);
      await next.scheduler.start();
      await flush();
      return next;
    },
    async close() {
      scheduler.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
