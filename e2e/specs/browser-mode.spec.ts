import path from 'node:path';
import { plakarBinUnderTest } from '../../testkit/plakar-standin';
import { expect, saveScreenshot, test } from '../fixtures';

// What only `notion-plakar ui` has: the access link, and dialogs answered in their own tab.

test('a dialog opens in its own tab, where the user answers it', async ({ launchApp, scratchDir }, testInfo) => {
  const app = await launchApp({ PLAKAR_BIN: '', PATH: path.join(scratchDir, 'empty-path') });
  test.skip(!app.leaveDialogsToSpec, 'browser mode only (the desktop app shows native dialogs)');
  app.leaveDialogsToSpec?.();
  const { page } = app;
  const card = page.getByTestId('plakar-check');
  await expect(card.getByRole('alert')).toContainText('plakar is not installed');

  await card.getByRole('button', { name: 'Choose the plakar program…' }).click();
  const waiting = page.getByRole('dialog', { name: 'Choose the plakar program' });
  await expect(waiting).toContainText('waiting for your answer in a separate tab');
  await expect(waiting.getByRole('link', { name: 'Open the question' })).toBeFocused();
  await saveScreenshot(page, testInfo, 'browser-mode-question-waits');

  const [picker] = await Promise.all([page.context().waitForEvent('page'), waiting.getByRole('link', { name: 'Open the question' }).click()]);
  expect(new URL(picker.url()).hostname).toBe('localhost');
  // The tab cannot reach back: it was opened without an opener.
  expect(await picker.evaluate(() => window.opener)).toBeNull();
  const plakar = plakarBinUnderTest();
  await picker.getByLabel('Go to').fill(path.dirname(plakar));
  await picker.getByRole('button', { name: 'Go', exact: true }).click();
  await saveScreenshot(picker, testInfo, 'browser-mode-file-dialog');
  await picker.getByRole('button', { name: `Choose ${path.basename(plakar)}`, exact: true }).click();
  await expect(picker.getByText('you can close this tab')).toBeVisible();

  // plakar outside the usual folders: main asks first, in another question.
  const confirm = page.getByRole('dialog', { name: 'Use a plakar program from an unusual folder?' });
  const [question] = await Promise.all([page.context().waitForEvent('page'), confirm.getByRole('link', { name: 'Open the question' }).click()]);
  await expect(question.getByText(plakar)).toBeVisible();
  await saveScreenshot(question, testInfo, 'browser-mode-confirm-dialog');
  await question.getByRole('button', { name: 'Use this program', exact: true }).click();

  await expect(card).toContainText(/plakar v1\.\d+\.\d+\S* is installed\./);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the app page cannot answer a question itself', async ({ launchApp, scratchDir }) => {
  const app = await launchApp({ PLAKAR_BIN: '', PATH: path.join(scratchDir, 'empty-path') });
  test.skip(!app.leaveDialogsToSpec, 'browser mode only');
  app.leaveDialogsToSpec?.();
  const { page } = app;
  await page.getByTestId('plakar-check').getByRole('button', { name: 'Choose the plakar program…' }).click();
  const link = page.getByRole('dialog').getByRole('link', { name: 'Open the question' });
  const href = (await link.getAttribute('href')) ?? '';
  // What a script in the app's page could try: read the question, or post an answer to it.
  const attempts = await page.evaluate(async (url) => {
    const read = await fetch(url).then(
      () => 'read',
      () => 'blocked',
    );
    const post = await fetch(url, { method: 'POST', body: new URLSearchParams({ action: 'choose', path: '/bin/sh' }), mode: 'no-cors' }).then(
      () => 'sent',
      () => 'blocked',
    );
    return { read, post };
  }, href);
  expect(attempts.read).toBe('blocked');
  // Even where the browser lets the post leave, the dialog refuses it (wrong Origin) and still waits.
  expect(['sent', 'blocked']).toContain(attempts.post);
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await app.askedDialogs()).toEqual([{ kind: 'file', title: 'Choose the plakar program' }]);
});

test('without the access link, the address shows only how to get in', async ({ launchApp }) => {
  const app = await launchApp();
  test.skip(app.target !== 'chromium', 'browser mode only');
  const origin = new URL(app.page.url()).origin;
  // Another browser profile: no cookie.
  const elsewhere = await app.page.context().browser()?.newContext();
  if (!elsewhere) throw new Error('no browser');
  const stranger = await elsewhere.newPage();
  const response = await stranger.goto(`${origin}/`);
  expect(response?.status()).toBe(401);
  await expect(stranger.locator('body')).toContainText('needs the access link that `notion-plakar ui` printed');
  await elsewhere.close();
});
