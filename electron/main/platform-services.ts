import type { BrowserWindow } from 'electron';
import { Notification, app, powerMonitor, safeStorage, shell } from 'electron';
import ElectronStore from 'electron-store';
import type { AppEvents, Unsubscribe } from '../services/app-events';
import type { ServiceConfig } from '../services/config';
import { clockFor } from '../services/clock';
import { JobRunner } from '../services/background/job-runner';
import { START_HIDDEN_ARG, setLinuxAutostart } from '../desktop/login-item';
import type { SecretCipher } from '../services/secrets';
import { SecretVault } from '../services/secrets';
import type { PlatformHooks, ServiceDeps } from '../services/service-context';
import type { SettingsBackend } from '../services/settings';
import { AppSettings, SETTINGS_STORE_OPTIONS } from '../services/settings';
import { electronDialogs } from './dialogs';
import { sendEvent } from './ipc';

/** Electron's safeStorage; on Linux its "basic_text" fallback (a publicly known key) is not secure. */
export function safeStorageCipher(): SecretCipher {
  const backend =
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi';
  return {
    backend,
    secure: safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}

/** Notifications, power state and the login item, as Electron offers them on each system. */
export function electronPlatformHooks(productName: string): PlatformHooks {
  return {
    notify(notification, onClick) {
      if (!Notification.isSupported()) return;
      // The button shows on macOS; elsewhere a click on the notification does the same.
      const shown = new Notification({
        title: notification.title,
        body: notification.body,
        silent: notification.kind === 'success',
        actions: [{ type: 'button', text: 'Open' }],
      });
      shown.on('click', onClick);
      shown.on('action', onClick);
      shown.show();
    },
    isOnBattery: () => powerMonitor.isOnBatteryPower(),
    openFolder: (path) => shell.openPath(path),
    async setLaunchAtLogin(enabled) {
      if (process.platform === 'linux') {
        await setLinuxAutostart(enabled, {
          name: productName,
          exec: process.env.APPIMAGE ?? process.execPath,
        });
        return;
      }
      app.setLoginItemSettings({ openAtLogin: enabled, args: [START_HIDDEN_ARG] });
    },
  };
}

/** Started at login (quietly, in the tray) rather than by the user? */
export function startedAtLogin(argv: readonly string[]): boolean {
  if (argv.includes(START_HIDDEN_ARG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}

/** The service dependencies backed by Electron: electron-store, safeStorage, native dialogs. */
export function electronServiceDeps(config: ServiceConfig, window: () => BrowserWindow | undefined): ServiceDeps {
  const store = new ElectronStore({ ...SETTINGS_STORE_OPTIONS, cwd: config.dataDir } as ConstructorParameters<typeof ElectronStore>[0]);
  const settings = new AppSettings(store as unknown as SettingsBackend);
  return {
    config,
    settings,
    vault: new SecretVault(config.dataDir, safeStorageCipher(), () => settings.get().acceptInsecureSecretStorage),
    jobs: new JobRunner(),
    // Only development and test builds honour a test clock.
    clock: clockFor(app.isPackaged ? null : config.testNow),
    platform: electronPlatformHooks(config.productName),
    dialogs: electronDialogs(window),
  };
}

/** Sends every app event to the window, while there is one. */
export function forwardEventsToWindow(events: AppEvents, window: () => BrowserWindow | undefined): Unsubscribe {
  return events.onAny((event, payload) => {
    const target = window();
    if (target && !target.isDestroyed()) sendEvent(target.webContents, event, payload);
  });
}
