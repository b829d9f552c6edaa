import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { backUpThroughBridge, expect, navigateTo, prepareAppState, snapshotsAfterOneBackup, test } from '../fixtures';
import { heading } from './wizard-helpers';

const { ids } = richWorkspaceFacts;
const isMac = process.platform === 'darwin';
const command = (key: string) => `${isMac ? 'Meta' : 'Control'}+${key}`;

/** Presses Tab until `target` has the focus, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('shortcuts: Ctrl/⌘+, opens Settings, "/" and Ctrl/⌘+F find a page, Escape closes the restore wizard', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(180_000);
  const { page } = await launchApp();
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [ids.orphanPage] });
  await backUpThroughBridge(page);

  await page.keyboard.press(command(','));
  await expect(heading(page, 'Settings')).toBeVisible();

  await navigateTo(page, 'Snapshots');
  const find = page.getByTestId('find-in-snapshots').getByRole('searchbox', { name: 'Title' });
  await expect(page.getByTestId('snapshot-list').getByTestId('snapshot-row')).toHaveCount(1);
  await expect(find).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(find).toBeFocused();
  // Typing in the field is typing: "/" is written there, and Escape does not leave the screen.
  await page.keyboard.type('a/b');
  await expect(find).toHaveValue('a/b');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Snapshots' }).focus();
  await page.keyboard.press(command('f'));
  await expect(find).toBeFocused();

  await page.getByTestId('snapshot-list').getByRole('button', { name: /^Restore from the snapshot of/ }).click();
  await expect(heading(page, 'Restore: What')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(heading(page, 'Snapshots')).toBeVisible();
  await expect(page.getByTestId('restore-wizard')).toHaveCount(0);
});

test('the restore wizard, driven by the keyboard alone, to the dry run and the restore', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(240_000);
  const { page } = await launchApp();
  await snapshotsAfterOneBackup(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [ids.orphanPage] });
  const before = emulator.admin.dump().pages.length;

  await tabTo(page, page.getByTestId('snapshot-list').getByRole('button', { name: /^Restore from the snapshot of/ }));
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Restore: What')).toBeFocused();

  // What: the arrow keys move between the two choices; back to the whole snapshot.
  await tabTo(page, page.getByLabel('The whole snapshot'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Only some pages or databases')).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('The whole snapshot')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');

  // Where: a page chosen in the list with the arrow keys.
  await expect(heading(page, 'Restore: Where')).toBeFocused();
  await expect(page.getByLabel('Into Notion, under an existing page')).toBeChecked();
  const target = page.getByLabel('Choose a page');
  await tabTo(page, target);
  for (let presses = 0; presses < 20; presses += 1) {
    if ((await target.locator('option:checked').textContent())?.includes('Home')) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(target.locator('option:checked')).toHaveText('🏠 Home');
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Space');

  // Check: the dry run, then the restore.
  await expect(heading(page, 'Restore: Check')).toBeFocused();
  const restoreNow = page.getByTestId('dry-run').getByRole('button', { name: 'Restore now' });
  await expect(restoreNow).toBeEnabled({ timeout: 60_000 });
  expect(emulator.admin.dump().pages.length).toBe(before);
  // Escape while nothing runs would close the wizard; the dry run is over, so keep going with Tab.
  await tabTo(page, restoreNow);
  await page.keyboard.press('Enter');

  const outcome = page.getByTestId('restore-outcome');
  await expect(outcome.getByRole('heading', { name: 'Restore finished' })).toBeVisible({ timeout: 120_000 });
  expect(emulator.admin.dump().pages.length).toBeGreaterThan(before);
  await tabTo(page, outcome.getByRole('button', { name: 'Done' }));
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Snapshots')).toBeVisible();
});
