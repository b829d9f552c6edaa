import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from '@playwright/test';
import type { AppEnv, AppUnderTest } from './app-under-test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The real app: the built main process in the Electron binary (under xvfb-run on Linux CI). */
export async function launchElectronTarget(env: AppEnv): Promise<AppUnderTest> {
  const app = await electron.launch({
    args: [path.join(root, 'out/main/index.js')],
    cwd: root,
    env: { ...(process.env as Record<string, string>), ...env },
  });
  // Record notifications in the main process instead of showing them (xvfb has no notification daemon).
  await app.evaluate(({ Notification }) => {
    const shown: Electron.Notification[] = [];
    (globalThis as unknown as { __shownNotifications: Electron.Notification[] }).__shownNotifications = shown;
    Notification.isSupported = () => true;
    Notification.prototype.show = function show(this: Electron.Notification) {
      shown.push(this);
    };
  });
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1120, height: 780 });
  return {
    target: 'electron',
    page,
    notifications: () =>
      app.evaluate(() =>
        (globalThis as unknown as { __shownNotifications: Electron.Notification[] }).__shownNotifications.map((item) => ({ title: item.title, body: item.body })),
      ),
    clickNotification: (index) =>
      app.evaluate((_electron, at) => {
        (globalThis as unknown as { __shownNotifications: Electron.Notification[] }).__shownNotifications[at]?.emit('click');
      }, index),
    // The window's close button only hides it now: quit the app itself.
    close: () => app.close(),
  };
}
