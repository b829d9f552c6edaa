import type { ContractHandlers } from '../../shared/ipc/contract';
import type { NotificationMode, ScheduleStatus } from '../../shared/schedule';
import { checkNotionToken } from '../engine/notion/token-check';
import { AppEvents } from './app-events';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { JobRunner, RunningJob } from './background/job-runner';
import type { AppSettings } from './settings';
import { launchBackup, launchIntegrityCheck } from './background/job-launchers';
import { jobServices } from './handlers/jobs';
import { NotificationCenter } from './background/notifications';
import { BackupScheduler } from './background/scheduler';
import { scheduleControls, scheduleServices } from './handlers/schedule';
import { choiceServices } from './handlers/choices';
import { onboardingServices } from './handlers/onboarding';
import { JobHistory } from './background/job-history';
import { restoreServices } from './handlers/restore';
import { settingsServices } from './handlers/settings';
import { snapshotServices } from './handlers/snapshots';
import { historyServices } from './handlers/history';
import { SnapshotLibrary } from './snapshot-library';
import type { ServiceDeps } from './service-context';
import { ServiceContext } from './service-context';
import { NotionProbe } from './background/notion-probe';

/** The running application minus its windows: IPC handlers, the event bus, the scheduler, notifications. */
export interface AppCore {
  handlers: ContractHandlers;
  /** Every event the app emits; main forwards them to the window, browser mode to its pages. */
  events: AppEvents;
  scheduler: BackupScheduler;
  notifications: NotificationCenter;
  settings: AppSettings;
  clock: Clock;
  runningJob(): RunningJob | null;
  /** Cancels the running job and waits (a few seconds at most) until it has cleaned up after itself. */
  cancelRunningJob(waitMs?: number): Promise<void>;
  /** Starts automatic backups (the app and the e2e harness do; unit tests of handlers do not). */
  start(): Promise<void>;
  stop(): void;
  // What the tray does; the window does the same through the IPC handlers, on the same services.
  /** "Back up now": a refusal (not set up, a job running) becomes a notification. */
  backUpNow(): Promise<void>;
  pauseSchedule(kind: 'hour' | 'tomorrow'): Promise<ScheduleStatus>;
  resumeSchedule(): Promise<ScheduleStatus>;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  setNotifications(mode: NotificationMode): Promise<void>;
}

/**
 * The application service layer: one implementation of every IPC method, in plain Node. The Electron
 * IPC wrapper and the e2e Chromium bridge both call exactly these handlers.
 */
export function createAppCore(deps: ServiceDeps, options: { openWindow?: () => void; windowFocused?: () => boolean } = {}): AppCore {
  const clock = deps.clock ?? systemClock;
  const events = new AppEvents();
  const history = new JobHistory(deps.config.dataDir, clock);
  const notifications = new NotificationCenter(
    deps.settings,
    deps.platform?.notify,
    (target) => {
      options.openWindow?.();
      events.emit('navigate', target);
    },
    options.windowFocused,
  );
  const context = new ServiceContext({ ...deps, clock }, events);
  const library = new SnapshotLibrary(context);
  // Job events go into the history the logs screen shows; the scheduler hears of a job once it is recorded.
  history.follow(events);
  logJobs(deps, events);
  history.onRecorded((record) => void scheduler.jobFinished(record));
  deps.jobs.onStarted((job) => history.started(job.jobId, job.trigger));
  deps.jobs.onEnded(() => void scheduler.poke());
  const probe = new NotionProbe();
  let lastStatus = '';
  const scheduler = new BackupScheduler({
    settings: deps.settings,
    history,
    jobs: deps.jobs,
    clock,
    timeZone: () => context.timeZone(),
    locale: () => deps.locale,
    notifications,
    // The probe's check goes with the backup it let through: one token check per scheduled backup.
    launchBackup: async (trigger) => launchBackup(context, { full: false, trigger, tokenChecked: await probe.take(context) }),
    launchCheck: (trigger) => launchIntegrityCheck(context, trigger),
    probeNotion: () => probe.run(context),
    isOnBattery: () => deps.platform?.isOnBattery?.() ?? false,
    onStatus: (status: ScheduleStatus) => {
      const serialised = JSON.stringify(status);
      if (serialised === lastStatus) return;
      lastStatus = serialised;
      events.emit('scheduleStatus', status);
    },
  });
  const { config } = deps;
  const controls = scheduleControls(context, scheduler);
  const handlers: ContractHandlers = {
    async getAppInfo() {
      return {
        productName: config.productName,
        version: config.version,
        electronVersion: config.electronVersion,
        chromeVersion: config.chromeVersion,
        nodeVersion: process.versions.node,
        platform: process.platform,
        dataDir: config.dataDir,
        notionApiUrl: context.notionApiUrl(),
        demoMode: config.demoMode,
        demoToken: config.demoToken,
      };
    },

    detectPlakar: () => context.plakar.resolve(),

    async validateNotionToken({ token }) {
      return checkNotionToken({ token, baseUrl: context.notionApiUrl() });
    },


    ...onboardingServices(context),
    ...choiceServices(context),
    ...jobServices(context, library),
    ...snapshotServices(library),
    ...historyServices(library),
    ...restoreServices(context, history),
    ...settingsServices(context, history),
    ...scheduleServices(context, scheduler, controls),
  };
  return {
    handlers,
    events,
    scheduler,
    notifications,
    settings: deps.settings,
    clock,
    runningJob: () => deps.jobs.running(),
    cancelRunningJob: (waitMs = 4000) => cancelAndWait(deps.jobs, waitMs),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    async backUpNow() {
      const start = await launchBackup(context, { full: false, trigger: 'tray' });
      if (start.status === 'refused') notifications.problem('Backup did not start', start.message, { screen: 'home', jobId: null });
    },
    pauseSchedule: (kind) => controls.pause({ kind }),
    resumeSchedule: () => controls.resume(),
    setLaunchAtLogin: (enabled) => controls.setAppBehaviour({ launchAtLogin: enabled }),
    setNotifications: (mode) => controls.setAppBehaviour({ notifications: mode }),
  };
}

/** Each job's start and end in the app's own log (what it did, line by line, is in the history). */
function logJobs(deps: ServiceDeps, events: AppEvents): void {
  const { logger } = deps;
  if (!logger) return;
  deps.jobs.onStarted((job) => logger.info({ jobId: job.jobId, kind: job.kind, trigger: job.trigger }, 'job started'));
  events.on('jobFinished', ({ jobId, kind, outcome }) => {
    const fields = { jobId, kind, status: outcome.status };
    if (outcome.status === 'failed') logger.warn({ ...fields, message: outcome.message }, 'job failed');
    else logger.info(fields, 'job ended');
  });
}

async function cancelAndWait(jobs: JobRunner, waitMs: number): Promise<void> {
  const running = jobs.running();
  if (!running) return;
  const ended = new Promise<void>((resolve) => {
    jobs.onEnded(() => resolve());
    setTimeout(resolve, waitMs).unref();
  });
  jobs.cancel(running.jobId);
  await ended;
}
