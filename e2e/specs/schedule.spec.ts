import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { backUpThroughBridge, expect, navigateTo, newestLoggedJob, prepareAppState, saveScreenshot, test } from '../fixtures';
import { heading } from './wizard-helpers';

/** A local time today (the app and the test share the time zone), as an ISO string with offset. */
function localTodayAt(hours: number, minutes: number, seconds: number): string {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes, seconds).toISOString();
}

test('schedule settings: a weekly plan with its next runs, invalid plans refused, launch at login', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(120_000);
  const xdgConfig = path.join(scratchDir, 'xdg-config');
  const app = await launchApp({ XDG_CONFIG_HOME: xdgConfig });
  const { page } = app;
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store') });

  await navigateTo(page, 'Settings');
  await expect(heading(page, 'Settings')).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Daily' })).toBeChecked();
  await page.getByRole('radio', { name: 'Weekly' }).check();
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
    await page.getByRole('checkbox', { name: day, exact: true }).setChecked(day === 'Monday' || day === 'Wednesday');
  }
  await page.getByLabel('Time of day').fill('18:30');
  // The preview is asked from main 300 ms after the last edit; until it arrives the previous plan's
  // runs stay on screen, dimmed and aria-busy. Wait for this plan's own runs, not just for 5 items.
  const nextRuns = page.getByRole('list', { name: 'Next runs' });
  await expect(nextRuns).toHaveAttribute('aria-busy', 'false');
  await expect(nextRuns.getByRole('listitem')).toHaveText(Array.from({ length: 5 }, () => /(Mon|Wed)\b.*(18:30|6:30\sPM)/));
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' }).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'schedule-settings', page.getByTestId('settings-schedule'));

  // No day chosen: explained, and nothing saved.
  await page.getByRole('checkbox', { name: 'Monday', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Wednesday', exact: true }).uncheck();
  await expect(page.getByText('Choose at least one day.').first()).toBeVisible();
  await page.reload();
  await navigateTo(page, 'Settings');
  await expect(page.getByRole('radio', { name: 'Weekly' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Wednesday', exact: true })).toBeChecked();
  await expect(page.getByLabel('Time of day')).toHaveValue('18:30');

  // Open at login: on Linux, an XDG autostart entry that starts the app quietly in the tray. Browser
  // mode has no login item (it runs as a service), so it does not offer one.
  if (app.target === 'chromium') {
    await expect(page.getByRole('checkbox', { name: 'Open at login' })).toHaveCount(0);
    return;
  }
  await page.getByRole('checkbox', { name: 'Open at login' }).check();
  const entry = path.join(xdgConfig, 'autostart', 'notion-kloset-backup.desktop');
  await expect.poll(() => readFile(entry, 'utf8').catch(() => '')).toContain('--hidden');
  await page.getByRole('checkbox', { name: 'Open at login' }).uncheck();
  await expect.poll(() => readFile(entry, 'utf8').catch(() => 'removed')).toBe('removed');
});

test('pause for an hour from Home, then resume', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = await launchApp();
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [richWorkspaceFacts.ids.orphanPage] });
  await backUpThroughBridge(page);

  const schedule = page.getByRole('region', { name: 'Backup schedule' });
  await expect(schedule).toContainText('Next backup');
  await expect(page.getByTestId('home-health')).toContainText(/Protected · last backup (just now|1 min ago)/);
  await saveScreenshot(page, testInfo, 'home-schedule');
  await schedule.getByRole('button', { name: 'Pause for 1 hour' }).click();
  await expect(schedule).toContainText('paused until');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Backup schedule' })).toContainText('paused until');
  await page.getByRole('region', { name: 'Backup schedule' }).getByRole('button', { name: 'Resume backups' }).click();
  await expect(page.getByRole('region', { name: 'Backup schedule' })).toContainText('Next backup');
});

test('a scheduled backup runs at its time, notifies, and is in the history', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(180_000);
  // The default plan is daily at 02:00: start the app's clock shortly before.
  const app = await launchApp({ NOTION_PLAKAR_TEST_NOW: localTodayAt(1, 59, 30) });
  const { page } = app;
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [richWorkspaceFacts.ids.orphanPage] });
  await navigateTo(page, 'Settings');
  await page.getByRole('radio', { name: 'All results' }).check();
  await expect(page.getByRole('radio', { name: 'All results' })).toBeChecked();
  await navigateTo(page, 'Home');

  await expect.poll(async () => (await app.notifications()).map((item) => item.title), { timeout: 120_000, intervals: [1000] }).toContain('Backup finished');
  const shown = await app.notifications();
  const index = shown.findIndex((item) => item.title === 'Backup finished');
  expect(shown[index]?.body).toMatch(/pages/);
  await expect(page.getByTestId('home-health')).toContainText(/last backup/i);

  // Clicking the notification opens the snapshots.
  await app.clickNotification(index);
  await expect(heading(page, 'Snapshots')).toBeVisible();

  await navigateTo(page, 'Logs');
  const job = await newestLoggedJob(page, 'Scheduled');
  await expect(job).toContainText('Succeeded');
});

test('a due backup waits while Notion is unreachable, and says so', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(120_000);
  const app = await launchApp({ NOTION_PLAKAR_TEST_NOW: localTodayAt(1, 59, 40) });
  const { page } = app;
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store') });
  await emulator.admin.setFaults({ probability: 1, kinds: ['service_unavailable'], routes: ['GET /v1/users/me'] });

  const schedule = page.getByRole('region', { name: 'Backup schedule' });
  await expect(schedule).toContainText('waiting for Notion to be reachable', { timeout: 60_000 });
  // Nothing ran: no snapshot, no history entry.
  await navigateTo(page, 'Logs');
  await expect(page.getByTestId('job')).toHaveCount(0);
  await emulator.admin.setFaults(null);
});

test('retention: preview what goes, remove exactly that, keep the rest', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = await launchApp();
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [richWorkspaceFacts.ids.orphanPage] });
  const made = [await backUpThroughBridge(page), await backUpThroughBridge(page), await backUpThroughBridge(page)];

  await navigateTo(page, 'Settings');
  await page.getByRole('spinbutton', { name: 'Keep last' }).fill('1');
  for (const name of ['Keep daily', 'Keep weekly', 'Keep monthly']) await page.getByRole('spinbutton', { name }).fill('0');
  await page.getByRole('button', { name: 'Preview retention' }).click();
  const toRemove = page.getByRole('list', { name: 'Snapshots to remove' });
  await expect(toRemove.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Snapshots to keep' }).getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'Remove 2 snapshots…' }).click();
  await saveScreenshot(page, testInfo, 'retention-preview', page.getByTestId('settings-retention'));
  await page.getByRole('button', { name: 'Remove 2 snapshots', exact: true }).click();
  await expect(page.getByTestId('retention-result')).toContainText('Removed 2 snapshots', { timeout: 60_000 });

  const remaining = await page.evaluate(async () => {
    const list = await window.backupApp?.listSnapshots();
    return list?.ok && list.value.status === 'ok' ? list.value.snapshots.map((snapshot) => snapshot.id) : [];
  });
  // The newest stays; the two older ones (by full id) are gone.
  expect(remaining).toHaveLength(1);
  expect(made).toContain(remaining[0]);
});
