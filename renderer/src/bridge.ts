import type { BackupAppApi } from '../../shared/ipc/client';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the e2e bridge (Chromium harness). */
    readonly backupApp?: BackupAppApi;
  }
}

export function getBackupApp(): BackupAppApi {
  const api = window.backupApp;
  if (!api) throw new Error('The app bridge is missing: the renderer was opened outside the app.');
  return api;
}
