import { mkdir } from 'node:fs/promises';
import type { JobFinishedEvent } from '../../shared/ipc/app-schemas';
import type { ContractHandlers } from '../../shared/ipc/contract';
import type { ScheduleStatus } from '../../shared/schedule';
import { checkNotionToken, isTransientTokenProblem } from '../engine/notion/token-check';
import { detectPlakar } from '../engine/plakar/detect';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { appPlakarDirs } from './config';
import type { RunningJob } from './job-runner';
import type { AppSettings } from './settings';
import { launchBackup, launchIntegrityCheck } from './job-launchers';
import { jobServices } from './job-services';
import { NotificationCenter } from './notifications';
import { BackupScheduler } from './scheduler';
import type { NotionReachability } from './scheduler';
import { scheduleServices } from './schedule-services';
import { choiceServices } from './choice-services';
import { onboardingServices } from './onboarding-services';
import { JobHistory } from './job-history';
import type { JobRecord } from './job-history';
import { restoreServices } from './restore-services';
import { settingsServices } from './settings-services';
import { snapshotServices } from './snapshot-services';
import type { EmitEvent, ServiceDeps } from './service-context';
import { ServiceContext } from './service-context';

/** The running application minus its windows: IPC handlers, the scheduler, notifications. */
export interface AppCore {
  handlers: ContractHandlers;
  scheduler: BackupScheduler;
  notifications: NotificationCenter;
  settings: AppSettings;
  clock: Clock;
  runningJob(): RunningJob | null;
  cancelRunningJob(): void;
  /** Starts automatic backups (the app and the e2e harness do; unit tests of handlers do not). */
  start(): Promise<void>;
  stop(): void;
  /** "Back up now" from the tray. */
  backUpNow(): Promise<void>;
}

/**
 * The application service layer: one implementation of every IPC method, in plain Node. The Electron
 * IPC wrapper and the e2e Chromium bridge both call exactly these handlers.
 */
export function createAppCore(deps: ServiceDeps, options: { openWindow?: () => void; windowFocused?: () => boolean } = {}): AppCore {
  const clock = deps.clock ?? systemClock;
  const history = new JobHistory(deps.config.dataDir, clock);
  const notifications = new NotificationCenter(
    deps.settings,
    deps.platform?.notify,
    (target) => {
      options.openWindow?.();
      deps.emit('navigate', target);
    },
    options.windowFocused,
  );
  // Every job event also goes into the history the logs screen shows, then to the scheduler.
  const context = new ServiceContext({
    ...deps,
    clock,
    emit: recordingEmitter(deps.emit, history, (record) => void scheduler.jobFinished(record)),
  });
  deps.jobs.onStarted((job) => history.started(job.jobId, job.trigger));
  deps.jobs.onEnded(() => void scheduler.poke());
  let lastStatus = '';
  const scheduler = new BackupScheduler({
    settings: deps.settings,
    history,
    jobs: deps.jobs,
    clock,
    timeZone: () => context.timeZone(),
    notifications,
    launchBackup: (trigger) => launchBackup(context, { full: false, trigger }),
    launchCheck: (trigger) => launchIntegrityCheck(context, trigger),
    probeNotion: () => probeNotion(context),
    isOnBattery: () => deps.platform?.isOnBattery?.() ?? false,
    onStatus: (status: ScheduleStatus) => {
      const serialised = JSON.stringify(status);
      if (serialised === lastStatus) return;
      lastStatus = serialised;
      deps.emit('scheduleStatus', status);
    },
  });
  const { config } = deps;
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

    async detectPlakar() {
      const dirs = appPlakarDirs(config);
      await mkdir(dirs.cacheHome, { recursive: true, mode: 0o700 });
      const chosen = deps.settings.get().plakarPath ?? config.plakarBin;
      return detectPlakar({ explicitPath: chosen, pathEnv: config.searchPath, dirs });
    },

    async validateNotionToken({ token }) {
      return checkNotionToken({ token, baseUrl: context.notionApiUrl() });
    },


    ...onboardingServices(context),
    ...choiceServices(context),
    ...jobServices(context),
    ...snapshotServices(context),
    ...restoreServices(context),
    ...settingsServices(context, history),
    ...scheduleServices(context, scheduler),
  };
  return {
    handlers,
    scheduler,
    notifications,
    settings: deps.settings,
    clock,
    runningJob: () => deps.jobs.running(),
    cancelRunningJob: () => {
      const running = deps.jobs.running();
      if (running) deps.jobs.cancel(running.jobId);
    },
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    async backUpNow() {
      const start = await launchBackup(context, { full: false, trigger: 'tray' });
      if (start.status === 'refused') notifications.problem('Backup did not start', start.message, { screen: 'home', jobId: null });
    },
  };
}

/** Can the scheduler reach Notion now? A refused token is not "unreachable": the job reports it. */
async function probeNotion(context: ServiceContext): Promise<NotionReachability> {
  let token: string;
  try {
    token = await context.token();
  } catch {
    return 'refused';
  }
  const check = await checkNotionToken({ token, baseUrl: context.notionApiUrl() });
  if (check.status === 'valid') return 'reachable';
  return isTransientTokenProblem(check.problem) ? 'unreachable' : 'refused';
}

const PHASES: Record<string, string> = {
  connecting: 'Connecting to Notion',
  'checking-store': 'Opening the store',
  'restoring-previous': 'Reading the previous snapshot',
  crawling: 'Reading Notion',
  storing: 'Writing the snapshot',
  finished: 'Finished',
};

function recordingEmitter(emit: EmitEvent, history: JobHistory, recorded: (record: JobRecord) => void): EmitEvent {
  return (event, payload) => {
    if (event === 'jobProgress') {
      const progress = payload as { jobId: string; kind: string; progress?: { phase: string } };
      if (progress.progress) history.log(progress.jobId, PHASES[progress.progress.phase] ?? progress.progress.phase);
    } else if (event === 'jobFinished') {
      void history.finished(payload as JobFinishedEvent).then(recorded);
    }
    emit(event, payload);
  };
}
