import path from 'node:path';
import { expect, saveLightAndDarkScreenshots, saveScreenshot, test } from '../fixtures';
import { acceptInsecureStorage, connectNotion, heading, PASSPHRASE, passPlakarStep, submitNotionToken } from './wizard-helpers';

test('the first-run wizard leads a new user to a finished first backup', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(90_000);
  const { page } = await launchApp();

  // 1. plakar
  await expect(page.getByRole('navigation', { name: 'Setup steps' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'plakar' }).first()).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('plakar-check')).toContainText('is installed');
  await saveScreenshot(page, testInfo, 'wizard-1-plakar');
  await passPlakarStep(page);

  // 2. the store, behind the loud warning about insecure secret storage
  await saveScreenshot(page, testInfo, 'wizard-2-secret-storage-warning');
  await acceptInsecureStorage(page);
  await expect(page.getByLabel('Create a new store')).toBeChecked();
  await expect(page.getByText(/any plakar location works, for example s3:\/\//)).toBeVisible();
  await page.getByLabel('Store location').fill(path.join(scratchDir, 'NotionBackups'));
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await expect(page.getByText('Strength: too short.')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await expect(page.getByText('Strength: strong.')).toBeVisible();
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  // Not confirming that the passphrase is saved stops the form with a clear message.
  await page.getByRole('button', { name: 'Create the store' }).click();
  await expect(page.getByText('Confirm that you saved the passphrase')).toBeVisible();
  await expect(page.getByLabel('I have saved my passphrase somewhere safe')).toBeFocused();
  await page.keyboard.press('Space');
  await saveScreenshot(page, testInfo, 'wizard-2-store');
  await page.getByRole('button', { name: 'Create the store' }).click();

  // 3. Notion
  await expect(heading(page, 'Connect Notion')).toBeFocused({ timeout: 20_000 });
  await expect(page.getByText('••• → Connections').first()).toBeVisible();
  await submitNotionToken(page, emulator.tokens.full);
  await expect(page.getByTestId('token-ok')).toContainText('Connected to Emulator Rich Workspace');
  await saveLightAndDarkScreenshots(page, testInfo, 'wizard-3-notion');
  await page.getByRole('button', { name: 'Continue' }).click();

  // 4. what to protect: a tree with search and checkboxes, usable from the keyboard
  await expect(heading(page, 'Choose what to protect')).toBeFocused();
  await expect(page.getByLabel('Everything the integration can see (recommended)')).toBeChecked();
  await page.getByLabel('Only the pages I choose').check();
  const tree = page.getByRole('list', { name: 'Pages and databases' });
  await expect(tree.getByRole('checkbox', { name: 'Home', exact: true })).toBeVisible();
  await page.getByLabel('Search by title').fill('without its');
  await expect(tree.getByRole('checkbox', { name: 'Home', exact: true })).toHaveCount(0);
  const orphan = tree.getByRole('checkbox', { name: 'Shared without its parent' });
  await orphan.focus();
  await page.keyboard.press('Space');
  await expect(orphan).toBeChecked();
  await page.getByLabel('Search by title').fill('');
  const child = tree.getByRole('checkbox', { name: /Child of the orphan/ });
  await expect(child).toBeChecked();
  await expect(child).toBeDisabled();
  await expect(tree).toContainText('included with its parent');
  await expect(page.getByText('1 item selected')).toBeVisible();
  await saveScreenshot(page, testInfo, 'wizard-4-pages');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // 5. first backup
  await expect(heading(page, 'Your first backup')).toBeFocused();
  await expect(page.getByText('1 chosen page or database')).toBeVisible();
  await expect(page.getByText(/Every day at (02:00|2:00\sAM)/)).toBeVisible();
  await saveScreenshot(page, testInfo, 'wizard-5-first-backup');
  await page.getByRole('button', { name: 'Start the first backup' }).click();

  await expect(heading(page, 'Backup finished')).toBeVisible({ timeout: 60_000 });
  await expect(heading(page, 'Backup finished')).toBeFocused();
  const summary = page.getByTestId('backup-summary');
  await expect(summary).toContainText(/2 pages, 0 databases, 0 rows, \d+ blocks?, \d+ files?/);
  await expect(summary).toContainText(/Snapshot [0-9a-f]{12}/);
  await saveScreenshot(page, testInfo, 'backup-summary');

  // Home: the last backup from the store, where it is, and what needs attention
  await summary.getByRole('button', { name: 'Back to home' }).click();
  await expect(heading(page, 'Your backups')).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByTestId('last-backup')).toContainText('full backup');
  await expect(page.getByTestId('last-backup')).toContainText('1 snapshot in the store');
  await expect(page.getByTestId('home-health')).toContainText(/Protected · last backup (just now|1 min ago) · next /);
  await expect(page.getByText(path.join(scratchDir, 'NotionBackups'))).toBeVisible();
  await expect(page.getByText(/stored without a secure key store \(basic_text\)|encrypted with a key kept in a file beside them/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeVisible();
  await saveLightAndDarkScreenshots(page, testInfo, 'home');

  // "Back up now": the second backup reuses the first one.
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(heading(page, 'Backup finished')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('backup-summary').getByRole('button', { name: 'Back to home' }).click();
  await expect(page.getByTestId('last-backup')).toContainText('incremental backup');
  await expect(page.getByTestId('last-backup')).toContainText('2 snapshots in the store');
});

test('an interrupted setup resumes at the first unfinished step', async ({ launchApp, emulator, scratchDir }) => {
  const dataDir = path.join(scratchDir, 'resume-data');
  const first = await launchApp({ NOTION_PLAKAR_DATA_DIR: dataDir });
  await passPlakarStep(first.page);
  await acceptInsecureStorage(first.page);
  await first.page.getByLabel('Store location').fill(path.join(scratchDir, 'store'));
  await first.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await first.page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await first.page.getByLabel('I have saved my passphrase somewhere safe').check();
  await first.page.getByRole('button', { name: 'Create the store' }).click();
  await connectNotion(first.page, emulator.tokens.full);

  const second = await launchApp({ NOTION_PLAKAR_DATA_DIR: dataDir });
  await expect(heading(second.page, 'Choose what to protect')).toBeVisible();
});
