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
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1120, height: 780 });
  return {
    target: 'electron',
    page,
    close: () => app.close(),
  };
}
