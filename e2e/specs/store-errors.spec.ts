import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, saveScreenshot, test } from '../fixtures';
import { acceptInsecureStorage, fillNewStore, heading, PASSPHRASE, passPlakarStep, setUpStore } from './wizard-helpers';

test('a folder that already has files cannot become a new store', async ({ launchApp, scratchDir }, testInfo) => {
  const busy = path.join(scratchDir, 'Documents');
  await mkdir(busy, { recursive: true });
  await writeFile(path.join(busy, 'notes.txt'), 'not a store');
  const { page } = await launchApp();
  await passPlakarStep(page);
  await acceptInsecureStorage(page);
  await fillNewStore(page, busy);
  await page.getByRole('button', { name: 'Create the store' }).click();

  const location = page.getByLabel('Store location');
  await expect(location).toHaveAttribute('aria-invalid', 'true', { timeout: 20_000 });
  await expect(location).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'already contains files and is not a Kloset store' })).toBeVisible();
  await expect(page.getByText('Pick a new or empty folder, or open the store that is there.')).toBeVisible();
  await saveScreenshot(page, testInfo, 'wizard-2-not-empty');

  // The next step: a new folder works.
  await location.fill(path.join(scratchDir, 'NotionBackups'));
  await page.getByRole('button', { name: 'Create the store' }).click();
  await expect(heading(page, 'Connect Notion')).toBeVisible({ timeout: 20_000 });
});

test('a wrong passphrase when opening a store is explained next to the field', async ({ launchApp, scratchDir }, testInfo) => {
  const store = path.join(scratchDir, 'store');
  const { page } = await launchApp();
  await setUpStore(page, store);

  // Back to the store step, and open the same store as an existing one.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(heading(page, 'Where to keep your backups')).toBeFocused();
  await expect(page.getByText(`The store at ${store} is ready.`)).toBeVisible();
  await page.getByLabel('Open an existing store').check();
  await expect(page.getByLabel('Passphrase again')).toHaveCount(0);
  await page.getByLabel('Store location').fill(store);
  await page.getByLabel('Store passphrase').fill('not the right passphrase');
  await page.getByRole('button', { name: 'Open the store' }).click();

  const passphrase = page.getByLabel('Store passphrase');
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true', { timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'The passphrase does not unlock the store' })).toBeVisible();
  await expect(page.getByText('Passphrases are case-sensitive.')).toBeVisible();
  await saveScreenshot(page, testInfo, 'wizard-2-wrong-passphrase');

  await passphrase.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Open the store' }).click();
  await expect(heading(page, 'Connect Notion')).toBeVisible({ timeout: 20_000 });
});

test('creating a store where one exists offers to open it instead', async ({ launchApp, scratchDir }) => {
  const store = path.join(scratchDir, 'store');
  const { page } = await launchApp();
  await setUpStore(page, store);
  await page.getByRole('button', { name: 'Back' }).click();
  await fillNewStore(page, store);
  await page.getByRole('button', { name: 'Create the store' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is already a store at' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Open this store instead' }).click();
  await expect(page.getByLabel('Open an existing store')).toBeChecked();
});
