/**
 * Runs inside the page in the Chromium harness, in place of the Electron preload: it builds the very
 * same `window.backupApp` API (createBackupAppApi) over a Playwright binding instead of ipcRenderer.
 * Bundled by esbuild at harness start and injected with page.addInitScript.
 */
import { createBackupAppApi } from '../../shared/ipc/client';

type Listener = (payload: unknown) => void;

interface HarnessWindow {
  __backupAppInvoke(channel: string, input: unknown): Promise<unknown>;
  __backupAppDeliverEvent?: (channel: string, payload: unknown) => void;
}

const harness = window as unknown as HarnessWindow & Window;
const listeners = new Map<string, Set<Listener>>();

harness.__backupAppDeliverEvent = (channel, payload) => {
  listeners.get(channel)?.forEach((listener) => listener(payload));
};

Object.defineProperty(window, 'backupApp', {
  configurable: false,
  writable: false,
  value: createBackupAppApi({
    invoke: (channel, input) => harness.__backupAppInvoke(channel, input),
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      return () => {
        set.delete(listener);
      };
    },
  }),
});
