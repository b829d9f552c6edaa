import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import type { RunningEmulator } from '../testkit/notion-emulator';
import { startNotionEmulator } from '../testkit/notion-emulator';
import { plakarBinUnderTest } from '../testkit/plakar-standin';
import type { AppEnv, AppUnderTest } from './targets/app-under-test';
import { launchChromiumTarget } from './targets/chromium-target';
import { launchElectronTarget } from './targets/electron-target';
import { selectTarget } from './targets/select-target';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface E2EFixtures {
  /** A Notion emulator with the rich fixture workspace, no rate limit (UI tests are not about pacing). */
  emulator: RunningEmulator;
  /** Launches the app on the selected target; defaults point it at the emulator and the plakar under test. */
  launchApp: (overrides?: Partial<AppEnv>) => Promise<AppUnderTest>;
  /** A scratch directory for the test (data dirs, fake binaries). */
  scratchDir: string;
}

export const test = base.extend<E2EFixtures>({
  // eslint-disable-next-line no-empty-pattern
  scratchDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'notion-plakar-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  // eslint-disable-next-line no-empty-pattern
  emulator: async ({}, use) => {
    const emulator = await startNotionEmulator({ rateLimit: false });
    await use(emulator);
    await emulator.close();
  },

  launchApp: async ({ emulator, scratchDir }, use) => {
    const launched: AppUnderTest[] = [];
    await use(async (overrides = {}) => {
      const env: AppEnv = {
        NOTION_API_URL: emulator.url,
        PLAKAR_BIN: plakarBinUnderTest(),
        NOTION_PLAKAR_DATA_DIR: path.join(scratchDir, `data-${launched.length}`),
        ...overrides,
      };
      const app = selectTarget() === 'electron' ? await launchElectronTarget(env) : await launchChromiumTarget(env);
      launched.push(app);
      return app;
    });
    for (const app of launched) await app.close();
  },
});

export { expect };
export { writeVersionOnlyPlakar } from '../testkit/version-only-plakar';

/**
 * Saves a screenshot with the test's results, and into docs/screenshots/ when SAVE_SCREENSHOTS=1
 * (`npm run screenshots`), so the docs always show the current UI.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = `${name}.png`;
  await page.screenshot({ path: testInfo.outputPath(file), fullPage: true });
  if (process.env.SAVE_SCREENSHOTS === '1') {
    await mkdir(path.join(root, 'docs/screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'docs/screenshots', file), fullPage: true });
  }
}
