import path from 'node:path';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { backUpThroughBridge, expect, navigateTo, prepareAppState, saveLightAndDarkScreenshots, saveScreenshot, test } from '../fixtures';
import { heading } from './wizard-helpers';

test('browsing a snapshot by title, searching it and previewing a page', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(240_000);
  const { page } = await launchApp();
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [richWorkspaceFacts.ids.home] });
  await backUpThroughBridge(page);

  await navigateTo(page, 'Snapshots');
  await expect(heading(page, 'Snapshots')).toBeVisible();
  const list = page.getByTestId('snapshot-list');
  await expect(list.getByTestId('snapshot-row')).toHaveCount(1);
  await expect(list).toContainText('Full');
  await expect(list).toContainText('First snapshot of these pages');
  await list.getByRole('button', { name: /^Open the snapshot of/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Snapshot of/ })).toBeFocused({ timeout: 30_000 });
  const summary = page.getByTestId('snapshot-summary');
  // The statistics are one line above the tree; opened, they show the counts and the warnings.
  await expect(summary.locator('summary')).toContainText(/What this snapshot holds: \d+ pages? · .*\d+ warnings?/);
  await expect(page.getByTestId('snapshot-warnings')).toBeHidden();
  await summary.locator('summary').click();
  await expect(summary).toContainText('Database rows');
  await expect(summary).toContainText(/Notion API version: \d{4}-\d{2}-\d{2}/);
  await expect(summary).toContainText('Database views');
  await expect(page.getByTestId('snapshot-warnings')).toContainText('of a type the Notion API does not provide');

  // The tree shows titles; top-level entries are open.
  const tree = page.getByRole('list', { name: 'Pages and databases in this snapshot' });
  await expect(tree.getByRole('button', { name: 'Home', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'Level 1', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'Level 4', exact: true })).toHaveCount(0);

  // Search keeps the ancestors of a match.
  await page.getByLabel('Search by title').fill('level 4');
  await expect(tree.getByRole('button', { name: 'Level 4', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'Level 3', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'Home', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'Long page', exact: true })).toHaveCount(0);
  await page.getByLabel('Search by title').fill('');

  // Keyboard only: collapse with Space, open a page with Enter.
  await tree.getByRole('button', { name: 'Collapse Home' }).focus();
  await page.keyboard.press('Space');
  await expect(tree.getByRole('button', { name: 'Level 1', exact: true })).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(tree.getByRole('button', { name: 'Level 1', exact: true })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(tree.getByRole('button', { name: 'Home', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  const preview = page.getByTestId('page-preview');
  await expect(preview.getByRole('heading', { name: 'Home' })).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByRole('heading', { name: 'Welcome to the Notion emulator' })).toBeVisible();
  await expect(preview.getByRole('checkbox', { name: 'Done item' })).toBeChecked();
  await expect(preview.getByRole('checkbox', { name: 'Open item' })).not.toBeChecked();
  await expect(preview.getByText('Code (typescript)')).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'Grace' })).toBeVisible();
  await expect(preview.getByRole('img', { name: 'A Notion-hosted image' })).toBeVisible();
  await saveLightAndDarkScreenshots(page, testInfo, 'snapshot-browse');

  // A linked database stands where it is on the page, with the database it shows and its views.
  const linked = preview.getByTestId('preview-linked-database');
  await expect(linked).toContainText('Linked view of Tasks');
  await expect(linked.getByRole('list', { name: 'Views of Tasks' })).toContainText('Linked tasks');
  await saveScreenshot(page, testInfo, 'snapshot-linked-view', linked);

  // A child page in the preview opens that page.
  await preview.getByRole('button', { name: 'Level 1' }).click();
  await expect(page.getByTestId('page-preview').getByRole('heading', { name: 'Level 1' })).toBeVisible({ timeout: 30_000 });

  // A database shows its views in tab order.
  await tree.getByRole('button', { name: /^Tasks \d+ rows$/ }).click();
  const views = page.getByTestId('page-preview').getByRole('list', { name: 'Views of Tasks' });
  await expect(views).toContainText('Open tasks', { timeout: 30_000 });
  await expect(views.getByRole('listitem')).toHaveCount(4);
  await saveLightAndDarkScreenshots(page, testInfo, 'snapshot-database-views');

  // "Restore…" leads to the wizard with this snapshot chosen.
  await page.getByRole('button', { name: 'Restore…' }).click();
  await expect(heading(page, 'Restore: What')).toBeFocused();
});
