import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow } from 'electron';
import { app, dialog, powerMonitor } from 'electron';
import type { AppCore } from '../services/app-services';
import { createAppCore } from '../services/app-services';
import { resolveServiceConfig } from '../services/config';
import { createFileLogger } from '../services/logger';
import { limitHeapGrowth } from '../engine/heap-growth';
import { TrayService } from '../desktop/tray-service';
import { registerIpcHandlers } from './ipc';
import { electronServiceDeps, forwardEventsToWindow, startedAtLogin } from './platform-services';
import { APP_ORIGIN, handleAppScheme, registerAppSchemeAsPrivileged } from './protocol';
import { hardenApp } from './security';
import { electronTrayFactory } from './tray';
import { createMainWindow } from './window';

limitHeapGrowth();
const here = path.dirname(fileURLToPath(import.meta.url));
const PRODUCT_NAME = 'Notion Kloset Backup';

// Tests and portable setups choose their own data dir; it must be set before the app is ready.
if (process.env.NOTION_PLAKAR_DATA_DIR) app.setPath('userData', path.resolve(process.env.NOTION_PLAKAR_DATA_DIR));
app.setName(PRODUCT_NAME);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const isAppUrl = (url: string): boolean =>
  url.startsWith(`${APP_ORIGIN}/`) || (devServerUrl !== undefined && url.startsWith(devServerUrl));

const TRAY_LOCATION: Record<string, string> = {
  darwin: 'in the menu bar at the top right of the screen',
  win32: 'in the notification area at the bottom right (it may be behind the ^ arrow)',
};

let mainWindow: BrowserWindow | undefined;
let core: AppCore | undefined;
let tray: TrayService | undefined;
let quitting = false;
const trustedIds = new Set<number>();

function showMainWindow(): BrowserWindow {
  if (!mainWindow || mainWindow.isDestroyed()) {
    const window = createMainWindow({
      preloadPath: path.join(here, '../preload/index.cjs'),
      rendererUrl,
      title: PRODUCT_NAME,
      devTools: !app.isPackaged,
    });
    mainWindow = window;
    const id = window.webContents.id;
    trustedIds.add(id);
    // Closing the window keeps the app (and its schedule) running in the tray.
    window.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      window.hide();
      explainTrayOnce();
    });
    window.on('closed', () => {
      trustedIds.delete(id);
      mainWindow = undefined;
    });
    return window;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  return mainWindow;
}

/** The first time the window goes away, say where the app went. */
function explainTrayOnce(): void {
  if (!core) return;
  const settings = core.settings;
  if (settings.get().trayHintShown) return;
  settings.update({ trayHintShown: true });
  core.notifications.info(
    `${PRODUCT_NAME} is still running`,
    `It keeps running ${TRAY_LOCATION[process.platform] ?? 'in the system tray'} so scheduled backups happen. Quit from the tray icon’s menu.`,
  );
}

async function confirmQuit(): Promise<boolean> {
  const running = core?.runningJob();
  if (!running) return true;
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: ['Keep running', `Cancel the ${running.kind} and quit`],
    defaultId: 0,
    cancelId: 0,
    message: `A ${running.kind} is running.`,
    detail: running.kind === 'backup' ? 'If you quit now, no snapshot is recorded; the next backup starts over.' : 'If you quit now, it stops where it is.',
  });
  if (response !== 1) return false;
  // Waits (a few seconds at most) so plakar is stopped and the staging folder removed before quitting.
  await core?.cancelRunningJob();
  return true;
}

function quit(): void {
  void confirmQuit().then((confirmed) => {
    if (!confirmed) return;
    quitting = true;
    core?.stop();
    tray?.destroy();
    app.quit();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemeAsPrivileged();
  app.on('second-instance', () => showMainWindow());
  app.on('activate', () => showMainWindow());
  // The tray keeps the app alive; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });

  void app.whenReady().then(async () => {
    const config = resolveServiceConfig(process.env, {
      productName: PRODUCT_NAME,
      version: app.getVersion(),
      electronVersion: process.versions.electron ?? null,
      chromeVersion: process.versions.chrome ?? null,
      defaultDataDir: app.getPath('userData'),
    });
    const logger = createFileLogger(config.dataDir, 'main');
    logger.info({ version: config.version, dataDir: config.dataDir }, 'starting');
    hardenApp(isAppUrl);
    handleAppScheme(path.join(here, '../renderer'));
    const deps = { ...electronServiceDeps(config, () => mainWindow), logger, locale: app.getSystemLocale() };
    const appCore = createAppCore(deps, {
      // The core then sends the window a "navigate" event with the screen to open.
      openWindow: () => void showMainWindow(),
      windowFocused: () => mainWindow?.isFocused() === true,
    });
    core = appCore;
    forwardEventsToWindow(appCore.events, () => mainWindow);
    registerIpcHandlers(appCore.handlers, { ids: trustedIds, isTrustedUrl: isAppUrl }, {
      error: (message, error) => logger.error({ err: error }, message),
    });

    const trayService = new TrayService(
      PRODUCT_NAME,
      electronTrayFactory,
      {
        backUpNow: () => void appCore.backUpNow(),
        pause: (kind) => void appCore.pauseSchedule(kind),
        resume: () => void appCore.resumeSchedule(),
        open: () => showMainWindow(),
        setLaunchAtLogin: (enabled) => void appCore.setLaunchAtLogin(enabled),
        setNotifications: (mode) => void appCore.setNotifications(mode),
        quit,
      },
      appCore.clock,
    );
    tray = trayService;
    const settings = deps.settings.get();
    trayService.update({ status: appCore.scheduler.status(), running: null, launchAtLogin: settings.launchAtLogin, notifications: settings.notifications });
    trayService.follow(appCore.events);
    deps.settings.onChange((next) => trayService.settingsChanged({ launchAtLogin: next.launchAtLogin, notifications: next.notifications }));

    // Wake-ups, unlocks and power changes can make a run due (or possible): decide again.
    const decideAgain = () => void appCore.scheduler.poke();
    powerMonitor.on('resume', decideAgain);
    powerMonitor.on('unlock-screen', decideAgain);
    powerMonitor.on('on-ac', decideAgain);
    powerMonitor.on('on-battery', decideAgain);

    if (startedAtLogin(process.argv)) {
      logger.info('started at login: staying in the tray');
      if (!settings.trayHintShown) explainTrayOnce();
    } else {
      showMainWindow();
    }
    await appCore.start();
  });
}
