import path from 'node:path';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { backUpThroughBridge, expect, navigateTo, newestLoggedJob, prepareAppState, saveLightAndDarkScreenshots, test } from '../fixtures';
import { heading } from './wizard-helpers';

test('the logs show the backup with its full log', async ({ launchApp, emulator, scratchDir }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = await launchApp();
  await prepareAppState(page, { token: emulator.tokens.full, storeDir: path.join(scratchDir, 'store'), roots: [richWorkspaceFacts.ids.orphanPage] });
  await backUpThroughBridge(page);

  await navigateTo(page, 'Logs');
  await expect(heading(page, 'Logs')).toBeFocused();
  const job = await newestLoggedJob(page, 'Backup');
  await expect(job).toContainText('Succeeded');
  await job.getByText(/^Show log/).click();
  const log = job.getByLabel(/^Log of Backup started/);
  await expect(log).toContainText('succeeded');
  await saveLightAndDarkScreenshots(page, testInfo, 'logs');
  await job.getByRole('button', { name: 'Copy log' }).click();
  await expect(job.getByRole('status')).toHaveText(/Copied\.|Could not copy/);
});
