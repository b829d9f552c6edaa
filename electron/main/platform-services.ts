import type { BrowserWindow } from 'electron';
import { safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { ServiceConfig } from '../services/config';
import { JobRunner } from '../services/job-runner';
import type { SecretCipher } from '../services/secrets';
import { SecretVault } from '../services/secrets';
import type { ServiceDeps } from '../services/service-context';
import type { SettingsBackend } from '../services/settings';
import { AppSettings, SETTINGS_STORE_OPTIONS } from '../services/settings';
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

/** The service dependencies backed by Electron: electron-store, safeStorage, events to the window. */
export function electronServiceDeps(config: ServiceConfig, window: () => BrowserWindow | undefined): ServiceDeps {
  const store = new ElectronStore({ ...SETTINGS_STORE_OPTIONS, cwd: config.dataDir } as ConstructorParameters<typeof ElectronStore>[0]);
  const settings = new AppSettings(store as unknown as SettingsBackend);
  return {
    config,
    settings,
    vault: new SecretVault(config.dataDir, safeStorageCipher(), () => settings.get().acceptInsecureSecretStorage),
    jobs: new JobRunner(),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
      const target = window();
      if (target && !target.isDestroyed()) sendEvent(target.webContents, event, payload);
    },
  };
}
