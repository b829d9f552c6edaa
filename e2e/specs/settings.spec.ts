import path from 'node:path';
import { expect, navigateTo, prepareAppState, saveScreenshot, test } from '../fixtures';
import { heading } from './wizard-helpers';

test('advanced settings persist after a reload, and the command shows no secret', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = await launchApp();
  const storeDir = path.join(scratchDir, 'store');
  await prepareAppState(page, { token: emulator.tokens.full, storeDir });

  await navigateTo(page, 'Settings');
  await expect(heading(page, 'Settings')).toBeFocused();
  await expect(page.getByTestId('settings-store')).toContainText(storeDir);
  await expect(page.getByTestId('settings-notion')).toContainText('Emulator Rich Workspace');
  await expect(page.getByTestId('settings-about')).toContainText('Node.js');

  const advanced = page.getByTestId('settings-advanced');
  await advanced.getByLabel('Requests per second').fill('0');
  await advanced.getByRole('button', { name: 'Save advanced settings' }).click();
  await expect(advanced.getByText('Enter a number from 0.1 to 50.')).toBeVisible();
  await advanced.getByLabel('Requests per second').fill('7');
  // The Notion API URL is not a setting (only NOTION_API_URL decides it): shown read-only in About.
  await expect(advanced.getByLabel('Notion API URL')).toHaveCount(0);
  await expect(page.getByTestId('settings-about')).toContainText(emulator.url);
  await advanced.getByLabel('Comments on pages and on every block').check();
  await expect(advanced.getByText('costs one extra request per block')).toBeVisible();
  const localCopy = advanced.getByLabel('Keep a local copy of the last backup');
  await expect(localCopy).toBeChecked();
  await expect(advanced.getByText('The copy is not encrypted')).toBeVisible();
  await localCopy.uncheck();
  await advanced.getByRole('button', { name: 'Save advanced settings' }).click();
  await expect(advanced.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'settings-advanced', advanced);

  await page.reload();
  await navigateTo(page, 'Settings');
  const again = page.getByTestId('settings-advanced');
  await expect(again.getByLabel('Requests per second')).toHaveValue('7');
  await expect(again.getByLabel('Comments on pages and on every block')).toBeChecked();
  await expect(again.getByLabel('Keep a local copy of the last backup')).not.toBeChecked();

  // The CLI equivalent, with placeholders instead of secrets, and a Copy button.
  const command = page.getByTestId('settings-command');
  await command.getByRole('button', { name: 'Show command' }).click();
  const box = command.getByLabel('Backup command');
  await expect(box).toHaveValue(/notion-plakar backup/);
  const text = await box.inputValue();
  expect(text).toContain('--comments all');
  expect(text).toContain('--rate 7');
  expect(text).toContain('--no-local-copy');
  expect(text).toContain(`NOTION_API_URL=${emulator.url}`);
  expect(text).not.toContain(emulator.tokens.full);
  expect(text).not.toContain('correct horse battery staple 42');
  await command.getByRole('button', { name: 'Copy' }).click();
  await expect(command.getByRole('status')).toHaveText(/Copied\.|Could not copy/);

  // The integrity check answers in plain words.
  await page.getByRole('button', { name: 'Check integrity now' }).click();
  await expect(page.getByTestId('integrity-result')).toContainText('no damage found', { timeout: 60_000 });
  await saveScreenshot(page, testInfo, 'settings');
});

test('disconnecting Notion asks first', async ({ launchApp, emulator, scratchDir }) => {
  test.setTimeout(120_000);
  const { page } = await launchApp();
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store') });
  await navigateTo(page, 'Settings');
  const notion = page.getByTestId('settings-notion');
  await notion.getByRole('button', { name: 'Disconnect…' }).click();
  await expect(notion.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notion).toContainText('Emulator Rich Workspace');
  await notion.getByRole('button', { name: 'Disconnect…' }).click();
  await notion.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(notion).toContainText('Not connected.');
});
