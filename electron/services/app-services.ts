import { mkdir } from 'node:fs/promises';
import type { ContractHandlers } from '../../shared/ipc/contract';
import { checkNotionToken } from '../engine/notion/token-check';
import { detectPlakar } from '../engine/plakar/detect';
import type { ServiceConfig } from './config';
import { appPlakarDirs } from './config';

/**
 * The application service layer: one implementation of every IPC method, in plain Node. The Electron
 * IPC wrapper and the e2e Chromium bridge both call exactly these handlers.
 */
export function createAppServices(config: ServiceConfig): ContractHandlers {
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
        notionApiUrl: config.notionApiUrl,
        demoMode: config.demoMode,
      };
    },

    async detectPlakar() {
      const dirs = appPlakarDirs(config);
      await mkdir(dirs.cacheHome, { recursive: true, mode: 0o700 });
      return detectPlakar({ explicitPath: config.plakarBin, pathEnv: config.searchPath, dirs });
    },

    async validateNotionToken({ token }) {
      return checkNotionToken({ token, baseUrl: config.notionApiUrl });
    },
  };
}
