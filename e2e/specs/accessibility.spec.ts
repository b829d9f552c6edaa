import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { backUpThroughBridge, expect, navigateTo, prepareAppState, test } from '../fixtures';
import { heading } from './wizard-helpers';

const { ids } = richWorkspaceFacts;
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is, in the light and the dark theme, and expects no violation.
 * Legacy mode runs axe in the page itself: the default opens a blank page to merge frame results,
 * which Electron's window cannot do, and the app has no frames.
 */
async function expectAccessible(page: Page, where: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).setLegacyMode().withTags(WCAG_A_AA).analyze();
    const found = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(found, `${where}, ${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the first step of the setup has no accessibility violation, in both themes', async ({ launchApp }) => {
  const { page } = await launchApp();
  await expect(page.getByRole('navigation', { name: 'Setup steps' })).toBeVisible();
  await expect(page.getByTestId('plakar-check')).toContainText('is installed');
  await expectAccessible(page, 'Setup: plakar');
});

test('every main screen and the restore wizard have no accessibility violation, in both themes', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(300_000);
  const { page } = await launchApp();
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [ids.orphanPage] });
  await backUpThroughBridge(page);

  await expect(page.getByTestId('home-health')).toContainText('Protected');
  await expect(page.getByTestId('last-backup')).toContainText('1 snapshot in the store');
  await expectAccessible(page, 'Home');

  await navigateTo(page, 'Snapshots');
  await expect(page.getByTestId('snapshot-list').getByTestId('snapshot-row')).toHaveCount(1);
  await expectAccessible(page, 'Snapshots');

  await page.getByTestId('snapshot-list').getByRole('button', { name: /^Open the snapshot of/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Snapshot of/ })).toBeFocused({ timeout: 30_000 });
  await page.getByTestId('snapshot-summary').locator('summary').click();
  await page.getByRole('list', { name: 'Pages and databases in this snapshot' }).getByRole('button', { name: 'Shared without its parent', exact: true }).click();
  await expect(page.getByTestId('page-preview')).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'A snapshot, with a page previewed');

  await page.getByRole('button', { name: 'All snapshots', exact: true }).click();
  await page.getByTestId('snapshot-list').getByRole('button', { name: /^Restore from the snapshot of/ }).click();
  await expect(heading(page, 'Restore: What')).toBeFocused();
  await expectAccessible(page, 'Restore: What');
  await page.getByLabel('Only some pages or databases').check();
  await expectAccessible(page, 'Restore: What, choosing pages');
  await page.getByLabel('The whole snapshot').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Restore: Where')).toBeFocused();
  await expectAccessible(page, 'Restore: Where');
  await page.getByLabel('Choose a page').selectOption({ label: '🏠 Home' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('dry-run').getByTestId('dry-run-counts')).toContainText('Pages', { timeout: 60_000 });
  await expectAccessible(page, 'Restore: Check');
  await page.getByTestId('dry-run').getByRole('button', { name: 'Restore now' }).click();
  await expect(page.getByTestId('restore-outcome').getByRole('heading', { name: 'Restore finished' })).toBeVisible({ timeout: 120_000 });
  await expectAccessible(page, 'Restore: finished');

  await navigateTo(page, 'Settings');
  await expectAccessible(page, 'Settings');
  await page.getByTestId('settings-advanced').getByLabel('Requests per second').fill('9');
  await navigateTo(page, 'Logs');
  await expect(page.getByRole('alertdialog', { name: 'Leave without saving?' })).toBeVisible();
  await expectAccessible(page, 'Settings: leave without saving?');
  await page.getByRole('button', { name: 'Leave without saving' }).click();

  await navigateTo(page, 'Logs');
  await expect(page.getByTestId('job').first()).toBeVisible();
  await expectAccessible(page, 'Logs');

  await navigateTo(page, 'Home');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(heading(page, 'Backup finished')).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'A finished backup');
});
