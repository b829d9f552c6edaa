import type { BackupAppApi } from '../../shared/ipc/client';
import { createWebSocketBridge } from './web-bridge';

declare global {
  interface Window {
    /** Provided by the Electron preload, or by installBrowserBridge in browser mode (`notion-plakar ui`). */
    readonly backupApp?: BackupAppApi;
  }
}

let browserMode = false;

/**
 * Outside Electron (no preload ran), the page was served by `notion-plakar ui`: it gets the same
 * `window.backupApp` over the server's WebSocket. Called once, before the app renders.
 */
export function installBrowserBridge(): void {
  if (window.backupApp) return;
  browserMode = true;
  Object.defineProperty(window, 'backupApp', { configurable: false, writable: false, value: createWebSocketBridge(window.location) });
}

export function getBackupApp(): BackupAppApi {
  const api = window.backupApp;
  if (!api) throw new Error('The app bridge is missing: the renderer was opened outside the app.');
  return api;
}

/** True when the page is served by `notion-plakar ui` rather than shown in the desktop app. */
export function inBrowserMode(): boolean {
  return browserMode;
}
