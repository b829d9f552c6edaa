import path from 'node:path';
import { expect, navigateTo, prepareAppState, saveLightAndDarkScreenshots, saveScreenshot, test } from '../fixtures';
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
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveLightAndDarkScreenshots(page, testInfo, 'settings');
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

test('the section list jumps to a section, and leaving with unsaved changes asks first', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = await launchApp();
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store') });
  await navigateTo(page, 'Settings');
  const sectionList = page.getByRole('navigation', { name: 'Settings sections' });
  const titles = ['Store', 'Notion', 'What is backed up', 'Schedule', 'Notifications and startup', 'Retention', 'Advanced', 'Command line', 'About'];
  await expect(sectionList.getByRole('button')).toHaveText(titles);
  await expect(sectionList.getByRole('button', { name: 'Store' })).toHaveAttribute('aria-current', 'true');

  // The list jumps to Advanced, focuses its heading, marks it, and stays in view while the page scrolls.
  await sectionList.getByRole('button', { name: 'Advanced' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Advanced' })).toBeFocused();
  await expect(sectionList.getByRole('button', { name: 'Advanced' })).toHaveAttribute('aria-current', 'true');
  await expect(sectionList).toBeInViewport();

  const advanced = page.getByTestId('settings-advanced');
  const rate = advanced.getByLabel('Requests per second');
  await rate.fill('9');
  await expect(advanced.getByText('Unsaved changes')).toBeVisible();
  await expect(sectionList.getByRole('button', { name: 'Advanced, unsaved changes' })).toBeVisible();

  // Leaving asks; Stay (the focused choice) keeps the screen and the typed value.
  await navigateTo(page, 'Home');
  const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(dialog).toContainText('Unsaved changes in: Advanced.');
  await expect(dialog.getByRole('button', { name: 'Stay' })).toBeFocused();
  await saveScreenshot(page, testInfo, 'settings-unsaved', dialog);
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, testInfo, 'settings-unsaved-dark', dialog);
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(rate).toHaveValue('9');

  // Escape is Stay too.
  await navigateTo(page, 'Logs');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rate).toHaveValue('9');

  // Once saved, nothing is unsaved and leaving does not ask.
  await advanced.getByRole('button', { name: 'Save advanced settings' }).click();
  await expect(advanced.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(advanced.getByText('Unsaved changes')).toHaveCount(0);
  await navigateTo(page, 'Home');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Your backups' })).toBeVisible();

  // "Leave without saving" drops the draft.
  await navigateTo(page, 'Settings');
  await expect(page.getByTestId('settings-advanced').getByLabel('Requests per second')).toHaveValue('9');
  await page.getByTestId('settings-advanced').getByLabel('Requests per second').fill('3');
  await navigateTo(page, 'Snapshots');
  await dialog.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Snapshots' })).toBeVisible();
  await navigateTo(page, 'Settings');
  await expect(page.getByTestId('settings-advanced').getByLabel('Requests per second')).toHaveValue('9');
});

test('in a narrow window the section list is a compact list above the sections', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = await launchApp();
  await page.setViewportSize({ width: 700, height: 900 });
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store') });
  await navigateTo(page, 'Settings');
  const sectionList = page.getByRole('navigation', { name: 'Settings sections' });
  await expect(sectionList).toBeVisible();
  const listBox = await sectionList.boundingBox();
  const storeBox = await page.getByTestId('settings-store').boundingBox();
  expect(listBox && storeBox && listBox.y + listBox.height <= storeBox.y).toBe(true);
  await sectionList.getByRole('button', { name: 'Retention' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Retention' })).toBeFocused();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('settings-narrow.png') });
});
