import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** A passphrase the app's policy rates strong. */
export const PASSPHRASE = 'correct horse battery staple 42';

export const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

/** Step 1: plakar is found; continue to the store step. */
export async function passPlakarStep(page: Page): Promise<void> {
  await expect(heading(page, 'Welcome')).toBeVisible();
  await expect(page.getByTestId('plakar-check')).toContainText('is installed');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Where to keep your backups')).toBeFocused();
}

/** The harness has no keyring (like Linux CI): accept storing secrets anyway. */
export async function acceptInsecureStorage(page: Page): Promise<void> {
  await expect(page.getByTestId('secret-storage-warning')).toContainText('cannot be stored safely');
  await page.getByRole('button', { name: 'Store secrets anyway' }).click();
  await expect(page.getByTestId('secret-storage-warning')).toHaveCount(0);
}

/** Step 2, "Create a new store": fills the form (does not submit). */
export async function fillNewStore(page: Page, location: string, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Store location').fill(location);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Passphrase again').fill(passphrase);
  await page.getByLabel('I have saved my passphrase somewhere safe').check();
}

/** Steps 1–2: plakar, then a new encrypted store at `location`; ends on the Notion step. */
export async function setUpStore(page: Page, location: string): Promise<void> {
  await passPlakarStep(page);
  await acceptInsecureStorage(page);
  await fillNewStore(page, location);
  await page.getByRole('button', { name: 'Create the store' }).click();
  await expect(heading(page, 'Connect Notion')).toBeFocused({ timeout: 20_000 });
}

/** Step 3: pastes `token` (if any) and presses Connect; returns the Notion card for its answer. */
export async function submitNotionToken(page: Page, token?: string): Promise<Locator> {
  const card = page.getByTestId('notion-check');
  if (token !== undefined) await card.getByLabel('Integration secret or personal access token').fill(token);
  await card.getByRole('button', { name: 'Connect' }).click();
  return card;
}

/** Step 3 with a valid token; ends on the "what to protect" step. */
export async function connectNotion(page: Page, token: string): Promise<void> {
  const card = await submitNotionToken(page, token);
  await expect(card.getByTestId('token-ok')).toContainText('Connected to');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Choose what to protect')).toBeFocused();
}

/** Steps 4–5 with "everything"; ends on the progress screen of the first backup. */
export async function protectEverythingAndStart(page: Page): Promise<void> {
  await expect(page.getByLabel('Everything the integration can see (recommended)')).toBeChecked();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(heading(page, 'Your first backup')).toBeFocused();
  await page.getByRole('button', { name: 'Start the first backup' }).click();
  await expect(heading(page, 'Backing up')).toBeVisible();
}

/** The whole wizard with the `full` token and everything selected; the first backup is running. */
export async function setUpAndStartBackup(page: Page, location: string, token: string): Promise<void> {
  await setUpStore(page, location);
  await connectNotion(page, token);
  await protectEverythingAndStart(page);
}
