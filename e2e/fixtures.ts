import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import type { RunningEmulator } from '../testkit/notion-emulator';
import { startNotionEmulator } from '../testkit/notion-emulator';
import { plakarBinUnderTest } from '../testkit/plakar-standin';
import { waitForProcessesToLeave } from './lingering-processes';
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
    // The apps are closed by now (launchApp's teardown runs first), but plakar processes they started
    // and plakar's `cached` helper (a daemon in its own session, real plakar only) may still write
    // under the data dir for a few seconds: removing the folder meanwhile failed with ENOTEMPTY
    // (data-0/plakar). Wait until no process uses it, then remove it once.
    try {
      await waitForProcessesToLeave(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
 * Saves a screenshot (of the page, or of one part of it) with the test's results, and into docs/screenshots/ when SAVE_SCREENSHOTS=1
 * (`npm run screenshots`), so the docs always show the current UI.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string, part?: Locator): Promise<void> {
  const file = `${name}.png`;
  const shoot = (target: string) => (part ? part.screenshot({ path: target }) : page.screenshot({ path: target, fullPage: true }));
  await shoot(testInfo.outputPath(file));
  if (process.env.SAVE_SCREENSHOTS === '1') {
    await mkdir(path.join(root, 'docs/screenshots'), { recursive: true });
    await shoot(path.join(root, 'docs/screenshots', file));
  }
}

/** Saves `name` in the light theme and `name-dark` in the dark one, and leaves the page light. */
export async function saveLightAndDarkScreenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await saveScreenshot(page, testInfo, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, testInfo, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Options for {@link prepareAppState}. */
export interface PreparedState {
  token: string;
  storeDir: string;
  /** Pages and databases to back up; empty = everything. */
  roots?: string[];
  /** The app's Notion rate limit (the emulator runs without one); 50 keeps UI tests short. */
  requestsPerSecond?: number;
}

/**
 * Sets the app up without the UI (secrets, Notion, a new encrypted store, what to back up, onboarding
 * done), through the same bridge the renderer uses, then reloads so the app shows its main screens.
 */
export async function prepareAppState(page: Page, options: PreparedState): Promise<void> {
  await page.waitForFunction(() => Boolean(window.backupApp));
  const problem = await page.evaluate(async ({ token, storeDir, roots, requestsPerSecond }) => {
    const api = window.backupApp;
    if (!api) return 'no bridge';
    // Main asks for both in native dialogs; the harness's stand-in user says yes (see the targets).
    await api.acceptInsecureSecretStorage();
    const connected = await api.connectNotion({ token });
    if (!connected.ok || connected.value.status !== 'valid') return `connectNotion: ${JSON.stringify(connected)}`;
    const store = await api.setupStore({ mode: 'create', location: storeDir, passphrase: 'correct horse battery staple 42', plaintext: false });
    if (!store.ok || store.value.status !== 'ready') return `setupStore: ${JSON.stringify(store)}`;
    await api.setBackupRoots({ ids: roots });
    await api.updateAdvancedSettings({ requestsPerSecond, comments: 'pages', localCopy: true });
    await api.confirmPassphraseSaved();
    await api.completeOnboarding();
    return null;
  }, { token: options.token, storeDir: options.storeDir, roots: options.roots ?? [], requestsPerSecond: options.requestsPerSecond ?? 50 });
  expect(problem).toBeNull();
  await page.reload();
}

/**
 * Runs a backup through the bridge and waits until its snapshot is listed and the job has ended (it
 * goes on after plakar stored the snapshot: search index, local copy, retention); returns the snapshot id.
 */
export async function backUpThroughBridge(page: Page, timeout = 120_000): Promise<string> {
  const before = await page.evaluate(async () => {
    const list = await window.backupApp?.listSnapshots();
    return list?.ok && list.value.status === 'ok' ? list.value.snapshots.length : 0;
  });
  const started = await page.evaluate(async () => window.backupApp?.startBackup({ full: false }));
  expect(started).toMatchObject({ ok: true, value: { status: 'started' } });
  let id: string | null = null;
  await expect
    .poll(
      async () => {
        id = await page.evaluate(async (count) => {
          const list = await window.backupApp?.listSnapshots();
          if (!list?.ok || list.value.status !== 'ok' || list.value.snapshots.length <= count) return null;
          return [...list.value.snapshots].sort((a, b) => Date.parse(b.time) - Date.parse(a.time))[0]?.id ?? null;
        }, before);
        return id;
      },
      { timeout, intervals: [500, 1000] },
    )
    .not.toBeNull();
  await expect
    .poll(async () => page.evaluate(async () => {
      const state = await window.backupApp?.getAppState();
      return state?.ok ? state.value.runningJob : 'unknown';
    }), { timeout, intervals: [200, 500] })
    .toBeNull();
  return id ?? '';
}

/** The usual start of a snapshot spec: the app set up, one backup made, the Snapshots screen open. */
export async function snapshotsAfterOneBackup(page: Page, options: PreparedState): Promise<string> {
  await prepareAppState(page, options);
  const snapshotId = await backUpThroughBridge(page);
  await navigateTo(page, 'Snapshots');
  return snapshotId;
}

/** Clicks an entry of the app's main navigation ("Home", "Snapshots", "Settings", "Logs"). */
export async function navigateTo(page: Page, name: 'Home' | 'Snapshots' | 'Settings' | 'Logs'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).or(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }),
  ).click();
}

/**
 * On the Logs screen, the newest job once it shows `text`: the history is written right after the
 * job ends, so this refreshes until it is there.
 */
export async function newestLoggedJob(page: Page, text: string): Promise<Locator> {
  const job = page.getByTestId('job').first();
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(job).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return job;
}
