import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow } from 'electron';
import { app } from 'electron';
import { createAppServices } from '../services/app-services';
import { resolveServiceConfig } from '../services/config';
import { createFileLogger } from '../services/logger';
import { registerIpcHandlers } from './ipc';
import { APP_ORIGIN, handleAppScheme, registerAppSchemeAsPrivileged } from './protocol';
import { hardenApp } from './security';
import { electronServiceDeps } from './platform-services';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const PRODUCT_NAME = 'Notion Kloset Backup';

// Tests and portable setups choose their own data dir; it must be set before the app is ready.
if (process.env.NOTION_PLAKAR_DATA_DIR) app.setPath('userData', path.resolve(process.env.NOTION_PLAKAR_DATA_DIR));
app.setName(PRODUCT_NAME);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const isAppUrl = (url: string): boolean =>
  url.startsWith(`${APP_ORIGIN}/`) || (devServerUrl !== undefined && url.startsWith(devServerUrl));

let mainWindow: BrowserWindow | undefined;
const trustedIds = new Set<number>();

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({
      preloadPath: path.join(here, '../preload/index.cjs'),
      rendererUrl,
      title: PRODUCT_NAME,
      devTools: !app.isPackaged,
    });
    const id = mainWindow.webContents.id;
    trustedIds.add(id);
    mainWindow.on('closed', () => {
      trustedIds.delete(id);
      mainWindow = undefined;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemeAsPrivileged();
  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
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
    const deps = electronServiceDeps(config, () => mainWindow);
    registerIpcHandlers(createAppServices(deps), { ids: trustedIds, isTrustedUrl: isAppUrl }, {
      error: (message, error) => logger.error({ err: error }, message),
    });
    showMainWindow();
  });
}
