import path from 'node:path';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { expect, saveScreenshot, test } from '../fixtures';
import { heading, setUpStore, submitNotionToken } from './wizard-helpers';

test('a valid token shows the workspace and integration names', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  const { page } = await launchApp();
  await setUpStore(page, path.join(scratchDir, 'store'));
  const card = await submitNotionToken(page, emulator.tokens.full);
  await expect(card.getByTestId('token-ok')).toContainText(`Connected to ${richWorkspaceFacts.workspaceName}`);
  await expect(card.getByTestId('token-ok')).toContainText(/as the integration “.+”/);
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
  await saveScreenshot(page, testInfo, 'welcome-connected');
});

test('a bad token gets a clear message, the token is not echoed, and the setup waits', async ({ launchApp, scratchDir }, testInfo) => {
  const { page } = await launchApp();
  await setUpStore(page, path.join(scratchDir, 'store'));
  const badToken = 'ntn_this_is_not_a_real_token_1234567890';
  const card = await submitNotionToken(page, badToken);
  const error = card.getByTestId('token-error');
  await expect(error).toContainText('Notion rejected this token');
  await expect(error).toContainText('HTTP 401 unauthorized');
  await expect(error).not.toContainText(badToken);
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await saveScreenshot(page, testInfo, 'welcome-bad-token');
});

test('an unreachable Notion is reported as a network problem', async ({ launchApp, scratchDir }) => {
  const { page } = await launchApp({ NOTION_API_URL: 'http://127.0.0.1:9' });
  await setUpStore(page, path.join(scratchDir, 'store'));
  const card = await submitNotionToken(page, 'ntn_some_token_value');
  await expect(card.getByTestId('token-error')).toContainText('Could not reach Notion at http://127.0.0.1:9');
});

test('an empty token is refused before anything is sent', async ({ launchApp, emulator, scratchDir }) => {
  const { page } = await launchApp();
  await setUpStore(page, path.join(scratchDir, 'store'));
  emulator.admin.resetCounts();
  const card = await submitNotionToken(page);
  await expect(card.getByTestId('token-error')).toContainText('Paste your Notion integration secret');
  expect(emulator.admin.requestCounts().total).toBe(0);
});

test('a token with no pages shared explains how to share them', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  const { page } = await launchApp();
  await setUpStore(page, path.join(scratchDir, 'store'));
  const card = await submitNotionToken(page, emulator.tokens.noAccess);
  await expect(card.getByTestId('token-ok')).toContainText('Connected to');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Choose what to protect')).toBeFocused();
  const empty = page.getByTestId('no-pages');
  await expect(empty).toContainText('The integration cannot see any page yet');
  await expect(empty).toContainText('••• → Connections');
  await expect(page.getByRole('button', { name: 'Save and continue' })).toBeDisabled();
  await saveScreenshot(page, testInfo, 'wizard-4-no-pages');
  await empty.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByTestId('no-pages')).toContainText('••• → Connections');
});
