import path from 'node:path';
import { expect, saveLightAndDarkScreenshots, test } from '../fixtures';
import { heading, setUpAndStartBackup } from './wizard-helpers';

test('a running backup shows its progress and can be cancelled', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(90_000);
  const { page } = await launchApp();
  // Everything, at the app's default 3 requests per second: long enough to watch and cancel.
  await setUpAndStartBackup(page, path.join(scratchDir, 'store'), emulator.tokens.full);

  await expect(page.getByText('Reading your pages from Notion…')).toBeVisible({ timeout: 20_000 });
  const stats = page.getByTestId('progress-stats');
  await expect(stats).toContainText('Notion API calls');
  await expect(page.getByRole('progressbar', { name: 'Pages backed up' })).toBeVisible();
  await expect(page.getByText(/\d+ of \d+ pages/)).toBeVisible();
  await expect(page.getByTestId('eta')).toHaveText('estimating…');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Backup (running)' })).toHaveAttribute('aria-current', 'page');
  await saveLightAndDarkScreenshots(page, testInfo, 'backup-progress');

  // Home while it runs says so, and leads back to the progress.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Home' }).click();
  await expect(heading(page, 'Your backups')).toBeFocused();
  await expect(page.getByText('A backup is running.')).toBeVisible();
  await page.getByRole('button', { name: 'View progress' }).click();

  // Cancelled once pages are stored: they are kept, and the next backup resumes from them.
  await expect(page.getByText(/^([3-9]|\d{2,}) of \d+ pages and rows$/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel backup' }).click();
  await expect(heading(page, 'Backup cancelled')).toBeVisible({ timeout: 20_000 });
  const failure = page.getByTestId('backup-failure');
  await expect(failure).toContainText('Cancelled. No snapshot was recorded.');
  await expect(failure).toContainText(/read so far (is|are) kept: the next backup continues from there/);
  await page.getByRole('button', { name: 'Back to home' }).click();
  await expect(page.getByTestId('last-backup')).toHaveText('No snapshot in the store yet.');
  await expect(page.getByTestId('home-health')).toContainText(/No backup yet: the last one was cancelled (just now|1 min ago)/);

  await page.getByRole('button', { name: 'Back up now' }).first().click();
  await expect(page.getByTestId('resuming')).toContainText(/Resuming the backup that was interrupted: \d+ pages? (was|were) already stored/, { timeout: 30_000 });
  await saveLightAndDarkScreenshots(page, testInfo, 'backup-resuming');
  await page.getByRole('button', { name: 'Cancel backup' }).click();
  await expect(heading(page, 'Backup cancelled')).toBeVisible({ timeout: 20_000 });
});

test('Notion going down mid-backup fails clearly, records nothing and offers to try again', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(150_000);
  const { page } = await launchApp();
  await setUpAndStartBackup(page, path.join(scratchDir, 'store'), emulator.tokens.full);
  // Once pages are being read, every Notion request fails.
  await expect(page.getByText(/^[1-9]\d* of \d+ pages and rows$/)).toBeVisible({ timeout: 30_000 });
  emulator.admin.setFaults({ probability: 1, kinds: ['service_unavailable'] });
  await expect(heading(page, 'Backup failed')).toBeVisible({ timeout: 100_000 });
  const failure = page.getByTestId('backup-failure');
  await expect(failure).toContainText('Notion is not answering reliably (HTTP 503)');
  await expect(failure).toContainText('No snapshot was recorded.');
  await expect(failure.getByRole('button', { name: 'Try again' })).toBeVisible();
  await saveLightAndDarkScreenshots(page, testInfo, 'backup-failed');

  emulator.admin.setFaults(null);
  await failure.getByRole('button', { name: 'Back to home' }).click();
  await expect(page.getByTestId('last-backup')).toHaveText('No snapshot in the store yet.');
  await expect(page.getByTestId('home-health')).toContainText(/Backup failed (just now|1 min ago): .*Notion is not answering reliably/);
});
