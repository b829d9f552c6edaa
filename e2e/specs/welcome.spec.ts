import { invokeChannels } from '../../shared/ipc/channels';
import { expect, saveLightAndDarkScreenshots, test } from '../fixtures';

test('the welcome screen explains the app and shows the version', async ({ launchApp }, testInfo) => {
  const { page } = await launchApp();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
  await expect(page.getByText(/versioned, encrypted backups of your Notion pages/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Before we start' })).toBeVisible();
  await expect(page.getByText(/^Version \d+\.\d+\.\d+/)).toBeVisible();
  await expect(page.getByTestId('plakar-check')).toContainText('is installed');
  await saveLightAndDarkScreenshots(page, testInfo, 'welcome');
});

test('the renderer has no Node or Electron internals, only the named bridge', async ({ launchApp }) => {
  const { page } = await launchApp();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    methods: Object.keys(window.backupApp ?? {}).sort(),
  }));
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.methods).toEqual([...Object.keys(invokeChannels), 'on'].sort());
});

test('main rejects malformed input from the renderer', async ({ launchApp }) => {
  const { page } = await launchApp();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const result = await page.evaluate(() =>
    (window.backupApp as unknown as { validateNotionToken(input: unknown): Promise<unknown> }).validateNotionToken({
      token: 42,
    }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
});
