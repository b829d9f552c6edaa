import path from 'node:path';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { backUpThroughBridge, expect, navigateTo, prepareAppState, saveLightAndDarkScreenshots, test } from '../fixtures';
import { heading } from './wizard-helpers';

const { ids } = richWorkspaceFacts;

test('what changed in a page between two backups, word by word', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(240_000);
  const { page } = await launchApp();
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [ids.home] });
  await backUpThroughBridge(page);
  emulator.admin.setClockOffsetMs(10 * 60_000);
  const [added] = emulator.admin.appendBlocks(ids.childPages[0], [{ paragraph: { rich_text: [{ type: 'text', text: { content: 'Ship on Monday' } }] } }]);
  await backUpThroughBridge(page);
  emulator.admin.setClockOffsetMs(20 * 60_000);
  emulator.admin.updateBlock(added ?? '', { paragraph: { rich_text: [{ type: 'text', text: { content: 'Ship on Friday' } }] } });
  await backUpThroughBridge(page);

  await navigateTo(page, 'Snapshots');
  const newest = page.getByTestId('snapshot-list').getByTestId('snapshot-row').first();
  await newest.getByText('What changed', { exact: true }).click();
  await newest.getByRole('button', { name: 'What changed in Level 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What changed in “Level 1”' })).toBeVisible();
  const diff = page.getByTestId('page-diff');
  await expect(diff.locator('del')).toHaveText('Monday', { timeout: 30_000 });
  await expect(diff.locator('ins')).toHaveText('Friday');
  await expect(page.getByRole('status').filter({ hasText: 'changed' })).toContainText('1 changed');
  await saveLightAndDarkScreenshots(page, testInfo, 'page-diff');

  // The same comparison from the page's versions.
  await page.getByRole('button', { name: 'All snapshots', exact: true }).click();
  await newest.getByText('What changed', { exact: true }).click();
  await newest.getByRole('button', { name: 'Versions of Level 1' }).click();
  await expect(page.getByTestId('page-versions').getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: /^What changed in the version of .*, from the version before$/ }).first().click();
  await expect(page.getByTestId('page-diff').locator('ins')).toHaveText('Friday', { timeout: 30_000 });
});

test('a deleted page is found by search across snapshots and restored from its last version; a mass deletion is flagged', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(300_000);
  const app = await launchApp();
  const { page } = app;
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [ids.home] });
  const first = await backUpThroughBridge(page);

  // In Notion: "Level 4" is deleted; then a backup.
  emulator.admin.setClockOffsetMs(10 * 60_000);
  emulator.admin.deletePage(ids.childPages[3]);
  await backUpThroughBridge(page);

  // Then most of the task rows go at once: the next backup is flagged.
  const tree = await page.evaluate(async (snapshotId) => window.backupApp?.getSnapshotTree({ snapshotId }), first);
  const rows = tree?.ok && tree.value.status === 'ok' ? tree.value.entries.filter((entry) => entry.isRow).slice(0, 30) : [];
  expect(rows.length).toBe(30);
  emulator.admin.setClockOffsetMs(20 * 60_000);
  for (const row of rows) emulator.admin.deletePage(row.id);
  await backUpThroughBridge(page);
  await expect.poll(async () => (await app.notifications()).map((shown) => shown.title)).toContain('Many pages disappeared from Notion');

  await navigateTo(page, 'Snapshots');
  const timeline = page.getByTestId('snapshot-list');
  const newest = timeline.getByTestId('snapshot-row').first();
  await expect(newest).toContainText('Many pages disappeared');
  await expect(newest.getByTestId('snapshot-changes')).toContainText('−30 removed', { timeout: 30_000 });
  await expect(timeline.getByTestId('snapshot-row').nth(1).getByTestId('snapshot-changes')).toContainText('−1 removed', { timeout: 30_000 });
  await expect(timeline.getByTestId('snapshot-row').nth(2)).toContainText('First snapshot of these pages', { timeout: 30_000 });
  await saveLightAndDarkScreenshots(page, testInfo, 'snapshot-timeline');

  // What changed, by title; a title leads to the page's versions.
  await timeline.getByTestId('snapshot-row').nth(1).getByText('What changed', { exact: true }).click();
  await expect(timeline.getByRole('button', { name: 'Versions of Level 4' })).toBeVisible();

  // Search across snapshots: the deleted page first, with where it was last seen.
  const find = page.getByTestId('find-in-snapshots');
  await find.getByLabel('Title or text').fill('four levels down');
  await find.getByRole('button', { name: 'Find' }).click();
  const textMatches = find.getByTestId('text-matches');
  await expect(textMatches).toContainText('Four levels down.', { timeout: 30_000 });
  await expect(textMatches).toContainText('Not in the newest snapshot');
  await saveLightAndDarkScreenshots(page, testInfo, 'snapshot-search');
  await find.getByLabel('Title or text').fill('level 4');
  await find.getByRole('button', { name: 'Find' }).click();
  await expect(find.getByRole('heading', { name: 'By title' })).toBeVisible({ timeout: 30_000 });
  await find.getByRole('button', { name: 'Versions of Level 4' }).first().click();

  await expect(page.getByRole('heading', { level: 1, name: 'Versions of “Level 4”' })).toBeVisible();
  const versions = page.getByTestId('page-versions');
  await expect(versions.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('This page is not in the newest snapshot')).toBeVisible();
  await saveLightAndDarkScreenshots(page, testInfo, 'page-versions');

  // Preview that version, then restore it from there.
  await versions.getByRole('button', { name: /^Preview the version of/ }).click();
  await expect(page.getByTestId('page-preview').getByRole('heading', { name: 'Level 4' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Versions of this page', exact: true }).click();
  await versions.getByRole('button', { name: /^Restore the version of/ }).click();

  await expect(heading(page, 'Restore: What')).toBeFocused();
  await expect(page.getByLabel('Only some pages')).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Choose a page').selectOption({ label: '🏠 Home' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Restore: Check')).toBeFocused();
  await expect(page.getByTestId('dry-run')).toContainText('Level 4', { timeout: 60_000 });
  const level4Copies = () => emulator.admin.dump().pages.filter((item) => !item.inTrash && JSON.stringify(item.properties).includes('"Level 4"')).length;
  const before = level4Copies();
  await page.getByTestId('dry-run').getByRole('button', { name: 'Restore now' }).click();
  await expect(page.getByTestId('restore-outcome').getByRole('heading', { name: 'Restore finished' })).toBeVisible({ timeout: 120_000 });
  expect(level4Copies()).toBe(before + 1);
});
