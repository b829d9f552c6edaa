import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { expect, navigateTo, saveScreenshot, snapshotsAfterOneBackup, test } from '../fixtures';
import { heading } from './wizard-helpers';

const { ids } = richWorkspaceFacts;
const notionUrl = (id: string, title: string) => `https://www.notion.so/${title}-${id.replace(/-/g, '')}`;

/** Set up with only the orphan page (two small pages) backed up, then open the wizard from the list. */
async function openWizard(page: Page, token: string, storeDir: string): Promise<void> {
  await snapshotsAfterOneBackup(page, { token, storeDir, roots: [ids.orphanPage] });
  await page.getByTestId('snapshot-list').getByRole('button', { name: /^Restore from the snapshot of/ }).click();
  await expect(heading(page, 'Restore: What')).toBeFocused();
}


test('restores into Notion after a dry run, with a link to the restored page', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(240_000);
  const { page } = await launchApp();
  await openWizard(page, emulator.tokens.full, path.join(scratchDir, 'store'));
  const before = emulator.admin.dump().pages.length;

  await expect(page.getByLabel('The whole snapshot')).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Restore: Where')).toBeFocused();
  await expect(page.getByLabel('Into Notion, under an existing page')).toBeChecked();
  // The target comes from the pages the integration can see.
  await page.getByLabel('Choose a page').selectOption({ label: '🏠 Home' });
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page, 'Restore: Check')).toBeFocused();
  const dryRun = page.getByTestId('dry-run');
  await expect(dryRun.getByTestId('dry-run-counts')).toContainText('Pages', { timeout: 60_000 });
  await expect(dryRun.getByTestId('dry-run-counts').getByText('2', { exact: true }).first()).toBeVisible();
  await expect(dryRun).toContainText(/requests? to Notion, about/);
  expect(emulator.admin.dump().pages.length).toBe(before);
  await saveScreenshot(page, testInfo, 'restore-dry-run');

  await dryRun.getByRole('button', { name: 'Restore now' }).click();
  const outcome = page.getByTestId('restore-outcome');
  await expect(outcome.getByRole('heading', { name: 'Restore finished' })).toBeVisible({ timeout: 120_000 });
  await expect(outcome.getByRole('link', { name: 'Open in Notion' })).toHaveAttribute('href', /^https:\/\//);
  expect(emulator.admin.dump().pages.length).toBeGreaterThan(before);
  await saveScreenshot(page, testInfo, 'restore-finished');
});

test('the dry run lists, by kind, what a restore cannot bring back as it was', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(240_000);
  const { page } = await launchApp();
  // Pages that live inside a toggle, a column and a synced block: Notion creates pages under pages only.
  await snapshotsAfterOneBackup(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [ids.nestedPagesHolder] });
  await page.getByTestId('snapshot-list').getByRole('button', { name: /^Restore from the snapshot of/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Choose a page').selectOption({ label: '🏠 Home' });
  await page.getByRole('button', { name: 'Continue' }).click();

  const losses = page.getByTestId('restore-warnings');
  await expect(losses).toContainText('What cannot be restored', { timeout: 60_000 });
  const moved = losses.locator('details', { hasText: 'Pages placed beside the block that held them (4)' });
  await moved.locator('summary').click();
  await expect(moved).toContainText('"Page in a toggle" lived inside a toggle');
  await expect(moved).toContainText('"Page in a column" lived inside a column');
  await saveScreenshot(page, testInfo, 'restore-dry-run-losses');
});

test('restores into a folder as Markdown', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(240_000);
  const app = await launchApp();
  const { page } = app;
  await openWizard(page, emulator.tokens.full, path.join(scratchDir, 'store'));
  const target = path.join(scratchDir, 'export');

  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Into a folder on this computer').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Enter the folder to write into.')).toBeVisible();
  // The folder comes from main's dialog; main then writes there without asking again.
  await app.answerDialogs({ kind: 'folder', path: target });
  await page.getByRole('button', { name: 'Choose the folder for the pages' }).click();
  await expect(page.getByLabel('Folder', { exact: true })).toHaveValue(target);
  await expect(page.getByLabel('Markdown')).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(heading(page, 'Restore: Check')).toBeFocused();
  await page.getByRole('button', { name: 'Write the files' }).click();
  await expect(page.getByTestId('restore-outcome').getByRole('heading', { name: 'Restore finished' })).toBeVisible({ timeout: 120_000 });
  // Browser mode has no file manager to open the folder in (docs/security.md).
  await expect(page.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
  const files = await readdir(target, { recursive: true });
  expect(files.some((file) => file.endsWith('.md'))).toBe(true);
  expect((await app.askedDialogs()).filter((asked) => asked.kind !== 'confirm' || asked.message.includes('folder'))).toEqual([
    { kind: 'folder', title: 'Choose a folder for the restored pages' },
  ]);
});

test('a target page not shared with the integration is refused with a clear message', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(240_000);
  const { page } = await launchApp();
  await openWizard(page, emulator.tokens.full, path.join(scratchDir, 'store'));

  await page.getByRole('button', { name: 'Continue' }).click();
  const pasted = page.getByLabel('Or paste the link of a Notion page');
  await pasted.fill('https://example.com/not-notion');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('That is not the link of a Notion page.')).toBeVisible();
  await expect(pasted).toHaveAttribute('aria-invalid', 'true');

  await pasted.fill(notionUrl(ids.unsharedPage, 'Unshared-page'));
  await page.getByRole('button', { name: 'Continue' }).click();
  const failure = page.getByTestId('dry-run-failure');
  await expect(failure).toContainText('The target page was not found', { timeout: 60_000 });
  await expect(failure).toContainText('Connections');
  await expect(page.getByRole('button', { name: 'Restore now' })).toHaveCount(0);
  await page.getByTestId('restore-wizard').getByRole('button', { name: 'Back', exact: true }).click();
  await expect(heading(page, 'Restore: Where')).toBeFocused();
});

test('restores one page from its preview, saying what will happen', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(240_000);
  const { page } = await launchApp();
  await snapshotsAfterOneBackup(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [ids.orphanPage] });
  await page.getByTestId('snapshot-list').getByRole('button', { name: /^Open the snapshot of/ }).click();
  const tree = page.getByRole('list', { name: 'Pages and databases in this snapshot' });
  await tree.getByRole('button', { name: 'Child of the orphan', exact: true }).click();
  await page.getByRole('button', { name: 'Restore this page…' }).click();

  // The wizard starts on this page alone; the whole snapshot is still one click away.
  await expect(heading(page, 'Restore: What')).toBeFocused();
  await expect(page.getByLabel('Only some pages or databases')).toBeChecked();
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(/needs its “Insert content” capability/)).toBeVisible();
  await page.getByLabel('Choose a page').selectOption({ label: '🏠 Home' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('restore-plan')).toContainText('Restore “Child of the orphan” as it was on');
  await expect(page.getByTestId('restore-plan')).toContainText('as a new page under 🏠 Home. Nothing that exists changes.');
  await expect(page.getByTestId('dry-run-counts')).toBeVisible({ timeout: 60_000 });

  // The log names the check a dry run, with its snapshot and its target.
  await navigateTo(page, 'Logs');
  const dryRunRow = page.getByTestId('job').filter({ hasText: 'Dry run' });
  await expect(dryRunRow).toHaveCount(1);
  await expect(dryRunRow).toContainText('🏠 Home');
  await expect(dryRunRow).toContainText(/[0-9a-f]{12} · /);
});

test('saves one page as Markdown from its preview', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(240_000);
  const app = await launchApp();
  const { page } = app;
  await snapshotsAfterOneBackup(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [ids.orphanPage] });
  await page.getByTestId('snapshot-list').getByRole('button', { name: /^Open the snapshot of/ }).click();
  await page.getByRole('list', { name: 'Pages and databases in this snapshot' }).getByRole('button', { name: 'Child of the orphan', exact: true }).click();
  await page.getByRole('button', { name: 'Save as Markdown…' }).click();

  // The page alone, into a folder, as Markdown: only the folder is left to choose.
  await expect(heading(page, 'Restore: What')).toBeFocused();
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Into a folder on this computer')).toBeChecked();
  await expect(page.getByLabel('Markdown')).toBeChecked();
  const target = path.join(scratchDir, 'saved');
  await app.answerDialogs({ kind: 'folder', path: target });
  await page.getByRole('button', { name: 'Choose the folder for the pages' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Write the files' }).click();
  await expect(page.getByTestId('restore-outcome').getByRole('heading', { name: 'Restore finished' })).toBeVisible({ timeout: 120_000 });
  const files = await readdir(target, { recursive: true });
  // The page, and the export's index page that links to it.
  expect(files.filter((file) => file.endsWith('.md')).sort()).toEqual(['Child of the orphan.md', 'index.md']);
});
