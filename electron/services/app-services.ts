import { mkdir } from 'node:fs/promises';
import type { ContractHandlers } from '../../shared/ipc/contract';
import { checkNotionToken } from '../engine/notion/token-check';
import { detectPlakar } from '../engine/plakar/detect';
import { appPlakarDirs } from './config';
import { jobServices } from './job-services';
import { onboardingServices } from './onboarding-services';
import { restoreServices } from './restore-services';
import { snapshotServices } from './snapshot-services';
import type { ServiceDeps } from './service-context';
import { ServiceContext } from './service-context';

/**
 * The application service layer: one implementation of every IPC method, in plain Node. The Electron
 * IPC wrapper and the e2e Chromium bridge both call exactly these handlers.
 */
export function createAppServices(deps: ServiceDeps): ContractHandlers {
  const context = new ServiceContext(deps);
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
  };
}
