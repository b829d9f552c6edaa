import path from 'node:path';
import { plakarBinUnderTest } from '../../testkit/plakar-standin';
import { expect, saveScreenshot, test, writeVersionOnlyPlakar } from '../fixtures';

test('shows the plakar version when plakar is found', async ({ launchApp }) => {
  const { page } = await launchApp();
  const card = page.getByTestId('plakar-check');
  await expect(card).toContainText(/plakar v1\.\d+\.\d+\S* is installed\./);
  await expect(card).toContainText('Found at');
});

test('explains how to install plakar when it is not found', async ({ launchApp, scratchDir }, testInfo) => {
  const app = await launchApp({ PLAKAR_BIN: '', PATH: path.join(scratchDir, 'empty-path') });
  const { page } = app;
  const card = page.getByTestId('plakar-check');
  await expect(card.getByRole('alert')).toContainText('plakar is not installed');
  await expect(card).toContainText('Install plakar 1.1.4 or newer (tested with 1.1.4)');
  await expect(card.getByRole('link', { name: 'Download plakar' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Check again' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await saveScreenshot(page, testInfo, 'welcome-plakar-missing');

  // The next step: choose plakar in main's file dialog. Outside the usual install folders main asks
  // first, saying the program receives the passphrase; declining keeps nothing.
  const choose = card.getByRole('button', { name: 'Choose the plakar program…' });
  await app.answerDialogs({ kind: 'file', path: plakarBinUnderTest() }, { kind: 'confirm', confirmed: false });
  await choose.click();
  await expect(card.getByRole('alert')).toContainText('plakar is not installed');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  expect(await app.askedDialogs()).toMatchObject([
    { kind: 'file', title: 'Choose the plakar program' },
    { kind: 'confirm', detail: expect.stringContaining('It will receive your store passphrase') },
  ]);
  await app.answerDialogs({ kind: 'file', path: plakarBinUnderTest() }, { kind: 'confirm', confirmed: true });
  await choose.click();
  await expect(card).toContainText(/plakar v1\.\d+\.\d+\S* is installed\./);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Where to keep your backups' })).toBeFocused();
});

test('says plakar is too old and what is needed', async ({ launchApp, scratchDir }) => {
  const oldPlakar = await writeVersionOnlyPlakar(path.join(scratchDir, 'old'), 'plakar/v1.0.6');
  const { page } = await launchApp({ PLAKAR_BIN: oldPlakar });
  const alert = page.getByTestId('plakar-check').getByRole('alert');
  await expect(alert).toContainText('plakar is too old');
  await expect(alert).toContainText('plakar v1.0.6 is installed, but this app needs 1.1.4 or newer');
});

test('accepts a plakar newer than any tested, with a warning', async ({ launchApp, scratchDir }, testInfo) => {
  const newer = await writeVersionOnlyPlakar(path.join(scratchDir, 'newer'), 'plakar/v1.1.7');
  const { page } = await launchApp({ PLAKAR_BIN: newer });
  const card = page.getByTestId('plakar-check');
  await expect(card).toContainText('plakar v1.1.7 is installed.');
  await expect(card).toContainText('plakar v1.1.7 is newer than the newest release this app was tested with (1.1.4). It should work');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
  await saveScreenshot(page, testInfo, 'welcome-plakar-newer');
});
