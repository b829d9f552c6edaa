import Conf from 'conf';
import { RequestRefusedError } from '../../shared/ipc/dispatch';
import type { AppCore } from '../services/app-services';
import { createAppCore } from '../services/app-services';
import type { Clock } from '../services/clock';
import type { ServiceConfig } from '../services/config';
import { localeFromEnv } from '../services/config';
import { JobRunner } from '../services/background/job-runner';
import type { AppLogger } from '../services/logger';
import type { AppNotification } from '../services/service-context';
import { SecretVault } from '../services/secrets';
import type { SettingsBackend } from '../services/settings';
import { AppSettings, SETTINGS_STORE_OPTIONS } from '../services/settings';
import type { AppServer } from './app-server';
import { startAppServer } from './app-server';
import { BrowserDialogs } from './browser-dialogs';
import { fileKeyCipher } from './file-key-cipher';

export interface BrowserModeOptions {
  config: ServiceConfig;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  logger: AppLogger;
  /** Where notifications go: the terminal for `notion-plakar ui`, a recorder in the e2e target. */
  notify: (notification: AppNotification, onClick: () => void) => void;
  clock?: Clock;
  homeDir?: string;
  /** The dialogs served on the localhost origin; the e2e target passes one that records what it asked. */
  dialogs?: BrowserDialogs;
}

export interface BrowserMode {
  server: AppServer;
  core: AppCore;
  dialogs: BrowserDialogs;
  /** Cancels a running job and pending dialogs, stops the scheduler and the server. */
  stop(): Promise<void>;
}

const NO_LOGIN_ITEM =
  'In browser mode the app runs as long as `notion-plakar ui` does: to start it with the computer, run it as a service (README, "Running on a server").';

/**
 * The whole app without Electron: the same services, scheduler and contract as the desktop app,
 * served to a browser by `notion-plakar ui` (docs/architecture.md, "Browser mode").
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const { config } = options;
  const settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: config.dataDir }) as unknown as SettingsBackend);
  const dialogs = options.dialogs ?? new BrowserDialogs({ homeDir: options.homeDir });
  const jobs = new JobRunner();
  const core = createAppCore({
    config,
    settings,
    vault: new SecretVault(config.dataDir, fileKeyCipher(config.dataDir), () => settings.get().acceptInsecureSecretStorage),
    jobs,
    clock: options.clock,
    locale: localeFromEnv(process.env),
    dialogs,
    logger: options.logger,
    platform: {
      notify: options.notify,
      isOnBattery: () => false,
      // The page does not offer it; a call anyway gets the way that works.
      setLaunchAtLogin: (enabled) => {
        if (enabled) throw new RequestRefusedError(NO_LOGIN_ITEM);
      },
    },
  });
  const started = await startAppServer({
    port: options.port,
    rendererDir: options.rendererDir,
    handlers: core.handlers,
    dialogs,
    logger: { error: (message, error) => options.logger.error({ err: error }, message) },
  });
  // Every event reaches every open page. Events from before the server started had no page to go to.
  core.events.onAny((event, payload) => started.broadcast(event, payload));
  dialogs.onChange((pending) => core.events.emit('dialogs', { pending }));
  await core.start();
  return {
    server: started,
    core,
    dialogs,
    async stop() {
      dialogs.cancelAll();
      core.stop();
      await core.cancelRunningJob();
      await started.close();
    },
  };
}

