import path from 'node:path';
import type { AppState } from '../../shared/ipc/app-schemas';
import { createNotionClient } from '../engine/notion/client';
import { NotionGateway } from '../engine/notion/gateway';
import { limiterForToken } from '../engine/notion/rate-limiter';
import { PlakarStore } from '../engine/plakar/store';
import { AppEvents } from './app-events';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { ServiceConfig } from './config';
import { appPlakarDirs } from './config';
import type { JobRunner } from './background/job-runner';
import { PlakarResolver } from './plakar-resolver';
import type { FolderPurpose, NativeDialogs } from './native-dialogs';
import { HandedOutFolders, refusingDialogs } from './native-dialogs';
import type { SecretVault } from './secrets';
import type { AppSettings } from './settings';
import { SUPPORTED_PLAKAR_RANGE } from '../../shared/plakar-support';
import type { AppLogger } from './logger';

/** What the services need from their surroundings: Electron's in the app, plain Node in tests. */
export interface ServiceDeps {
  config: ServiceConfig;
  settings: AppSettings;
  vault: SecretVault;
  jobs: JobRunner;
  /** The system clock unless a test controls time. */
  clock?: Clock;
  /** What only the desktop shell can do; absent in plain Node (tests, the harness's defaults). */
  platform?: Partial<PlatformHooks>;
  /** The user's IANA time zone; defaults to the system's. */
  timeZone?: string;
  /** The user's locale (dates in the scheduler's sentences, the tray); en-GB when absent. */
  locale?: string;
  /** Native dialogs opened by main (Electron's `dialog`); absent = every question answered "no". */
  dialogs?: NativeDialogs;
  /** The app's own log (pino, redacted): start-up, jobs started and ended, failures. */
  logger?: AppLogger;
}

/** A notification for the OS; `target` is the screen a click opens. */
export interface AppNotification {
  kind: 'failure' | 'alert' | 'success' | 'stale' | 'info';
  title: string;
  body: string;
  target: { screen: 'home' | 'snapshots' | 'settings' | 'logs'; jobId: string | null };
}

export interface PlatformHooks {
  /** Shows an OS notification; `onClick` opens the app on the notification's target. */
  notify(notification: AppNotification, onClick: () => void): void;
  isOnBattery(): boolean;
  /** Registers (or removes) the app as a login item that starts quietly in the tray. */
  setLaunchAtLogin(enabled: boolean): Promise<void> | void;
  /** Opens a folder in the system's file manager; resolves to an error message, or '' once opened. */
  openFolder(path: string): Promise<string>;
}

export class NotConfiguredError extends Error {
  override readonly name = 'NotConfiguredError';
}

/** Shared helpers of the service modules. */
export class ServiceContext {
  /** Folders main handed out through a native dialog (the only paths it takes back unconfirmed). */
  readonly folders = new HandedOutFolders();
  /** The plakar the app runs, detected once (and again when the choice or the binary changes). */
  readonly plakar: PlakarResolver;

  /** `events`: the app core's bus, which the jobs report their progress and end on. */
  constructor(
    readonly deps: ServiceDeps,
    readonly events: AppEvents = new AppEvents(),
  ) {
    this.plakar = new PlakarResolver(deps.config, () => deps.settings.get().plakarPath);
  }

  get dialogs(): NativeDialogs {
    return this.deps.dialogs ?? refusingDialogs;
  }

  /**
   * May main use this folder (or plakar location) that came back from the renderer? Yes when main
   * handed it out; otherwise only when the user confirms that exact location in a native dialog.
   */
  async confirmFolder(purpose: FolderPurpose, location: string): Promise<boolean> {
    if (this.folders.has(purpose, location)) return true;
    const confirmed = await this.dialogs.confirm(
      purpose === 'store'
        ? {
            message: 'Use this location for your backup store?',
            detail: `${location}\n\nYour Notion backups will be written there. Choose “Use this location” only if you typed it yourself.`,
            confirmLabel: 'Use this location',
            cancelLabel: 'Cancel',
          }
        : {
            message: 'Write the pages into this folder?',
            detail: `${location}\n\nThe restored pages will be written as files there. Choose “Write here” only if you typed it yourself.`,
            confirmLabel: 'Write here',
            cancelLabel: 'Cancel',
          },
    );
    if (confirmed && path.isAbsolute(location)) this.folders.add(purpose, location);
    return confirmed;
  }

  get config(): ServiceConfig {
    return this.deps.config;
  }

  get clock(): Clock {
    return this.deps.clock ?? systemClock;
  }

  timeZone(): string {
    return this.deps.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /**
   * Where the Notion token is sent: https://api.notion.com, or NOTION_API_URL from the environment
   * (the emulator, a proxy, demo mode). Never from the settings file or the renderer (docs/security.md).
   */
  notionApiUrl(): string {
    return this.deps.config.notionApiUrl;
  }

  /** The plakar binary: chosen in the app, else PLAKAR_BIN, else found on PATH. */
  async plakarBinary(): Promise<string | undefined> {
    const detection = await this.plakar.resolve();
    return detection.status === 'found' ? detection.path : undefined;
  }

  async store(location?: string, passphrase?: string | null): Promise<PlakarStore> {
    const bin = await this.plakarBinary();
    if (!bin) throw new NotConfiguredError(`plakar is not installed (or too old). Install plakar ${SUPPORTED_PLAKAR_RANGE}.`);
    const configured = this.deps.settings.get().store;
    const storeLocation = location ?? configured?.location;
    if (!storeLocation) throw new NotConfiguredError('No store is set up yet.');
    // Consent to an unencrypted store is the user's explicit choice: "not encrypted" when setting it
    // up (passphrase null), recorded as encrypted: false for the configured store.
    const isConfigured = location === undefined || location === configured?.location;
    const allowPlaintext = passphrase === null || (passphrase === undefined && isConfigured && configured?.encrypted === false);
    return new PlakarStore({
      bin,
      dirs: appPlakarDirs(this.config),
      location: storeLocation,
      passphrase: passphrase === undefined ? await this.deps.vault.read('store-passphrase') : (passphrase ?? undefined),
      allowPlaintext,
    });
  }

  async token(): Promise<string> {
    const token = await this.deps.vault.read('notion-token');
    if (!token) throw new NotConfiguredError('Connect Notion first.');
    return token;
  }

  async gateway(signal?: AbortSignal): Promise<NotionGateway> {
    const token = await this.token();
    const { requestsPerSecond } = this.deps.settings.get().advanced;
    return new NotionGateway(createNotionClient({ token, baseUrl: this.notionApiUrl() }), limiterForToken(token, { requestsPerSecond, burst: 10 }), {
      signal,
    });
  }

  async state(): Promise<AppState> {
    const settings = this.deps.settings.get();
    return {
      settings,
      hasNotionToken: await this.deps.vault.has('notion-token'),
      hasStorePassphrase: await this.deps.vault.has('store-passphrase'),
      secretStorage: { backend: this.deps.vault.backend, secure: this.deps.vault.secure },
      onboardingComplete: settings.onboardingCompletedAt !== null,
      runningJob: this.deps.jobs.running(),
    };
  }
}
