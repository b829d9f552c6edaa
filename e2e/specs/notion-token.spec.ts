import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { expect, saveScreenshot, test } from '../fixtures';

test('a valid token shows the workspace and integration names', async ({ launchApp, emulator }, testInfo) => {
  const { page } = await launchApp();
  const card = page.getByTestId('notion-check');
  await card.getByLabel('Integration secret or personal access token').fill(emulator.tokens.full);
  await card.getByRole('button', { name: 'Connect' }).click();
  await expect(card.getByTestId('token-ok')).toContainText(`Connected to ${richWorkspaceFacts.workspaceName}`);
  await expect(card.getByTestId('token-ok')).toContainText(/as the integration “.+”/);
  await saveScreenshot(page, testInfo, 'welcome-connected');
});

test('a bad token gets a clear message and the token is not echoed', async ({ launchApp }, testInfo) => {
  const { page } = await launchApp();
  const card = page.getByTestId('notion-check');
  const badToken = 'ntn_this_is_not_a_real_token_1234567890';
  await card.getByLabel('Integration secret or personal access token').fill(badToken);
  await card.getByRole('button', { name: 'Connect' }).click();
  const error = card.getByTestId('token-error');
  await expect(error).toContainText('Notion rejected this token');
  await expect(error).toContainText('HTTP 401 unauthorized');
  await expect(error).not.toContainText(badToken);
  await saveScreenshot(page, testInfo, 'welcome-bad-token');
});

test('an unreachable Notion is reported as a network problem', async ({ launchApp }) => {
  const { page } = await launchApp({ NOTION_API_URL: 'http://127.0.0.1:9' });
  const card = page.getByTestId('notion-check');
  await card.getByLabel('Integration secret or personal access token').fill('ntn_some_token_value');
  await card.getByRole('button', { name: 'Connect' }).click();
  await expect(card.getByTestId('token-error')).toContainText('Could not reach Notion at http://127.0.0.1:9');
});

test('an empty token is refused before anything is sent', async ({ launchApp, emulator }) => {
  const { page } = await launchApp();
  emulator.admin.resetCounts();
  const card = page.getByTestId('notion-check');
  await card.getByRole('button', { name: 'Connect' }).click();
  await expect(card.getByTestId('token-error')).toContainText('Paste your Notion integration secret');
  expect(emulator.admin.requestCounts().total).toBe(0);
});
