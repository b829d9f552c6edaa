import { mkdir } from 'node:fs/promises';
import type { ContractHandlers } from '../../shared/ipc/contract';
import { checkNotionToken } from '../engine/notion/token-check';
import { detectPlakar } from '../engine/plakar/detect';
import { appPlakarDirs } from './config';
import { jobServices } from './job-services';
import { onboardingServices } from './onboarding-services';
import { JobHistory } from './job-history';
import { restoreServices } from './restore-services';
import { settingsServices } from './settings-services';
import { snapshotServices } from './snapshot-services';
import type { EmitEvent, ServiceDeps } from './service-context';
import { ServiceContext } from './service-context';

/**
 * The application service layer: one implementation of every IPC method, in plain Node. The Electron
 * IPC wrapper and the e2e Chromium bridge both call exactly these handlers.
 */
export function createAppServices(deps: ServiceDeps): ContractHandlers {
  const history = new JobHistory(deps.config.dataDir);
  // Every job event also goes into the history the logs screen shows.
  const context = new ServiceContext({ ...deps, emit: recordingEmitter(deps.emit, history) });
  deps.jobs.onStarted((job) => history.started(job.jobId));
  const { config } = deps;
  return {
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
    ...jobServices(context, config.version),
    ...snapshotServices(context),
    ...restoreServices(context),
    ...settingsServices(context, history),
  };
}

const PHASES: Record<string, string> = {
  connecting: 'Connecting to Notion',
  'checking-store': 'Opening the store',
  'restoring-previous': 'Reading the previous snapshot',
  crawling: 'Reading Notion',
  storing: 'Writing the snapshot',
  finished: 'Finished',
};

function recordingEmitter(emit: EmitEvent, history: JobHistory): EmitEvent {
  return (event, payload) => {
    if (event === 'jobProgress') {
      const progress = payload as { jobId: string; kind: string; progress?: { phase: string } };
      if (progress.progress) history.log(progress.jobId, PHASES[progress.progress.phase] ?? progress.progress.phase);
    } else if (event === 'jobFinished') {
      void history.finished(payload as Parameters<JobHistory['finished']>[0]);
    }
    emit(event, payload);
  };
}
