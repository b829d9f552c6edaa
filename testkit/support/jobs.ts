import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runBackupJob } from '../../electron/engine/jobs/backup-job';
import type { RestoreJobOptions } from '../../electron/engine/jobs/restore-job';
import type { CommentScope } from '../../electron/engine/notion/crawler/context';
import { plakarDirsUnder } from '../../electron/engine/plakar/process';
import { PlakarStore } from '../../electron/engine/plakar/store';
import type { RunningEmulator } from '../notion-emulator';
import { startNotionEmulator } from '../notion-emulator';
import { plakarBinUnderTest } from '../plakar-standin';
import { scratchDir, TEST_RETRY_POLICY } from './crawl';

/**
 * A new encrypted store (with the plakar under test) under `scratch`, holding one backup of the
 * emulator's workspace: what tests that read or restore a stored snapshot start from. The app's
 * data folder is `<scratch>/data`.
 */
export async function storeWithOneBackup(
  emulator: RunningEmulator,
  scratch: string,
  options: { passphrase: string; comments?: CommentScope },
): Promise<{ store: PlakarStore; snapshotId: string }> {
  const store = new PlakarStore({
    bin: plakarBinUnderTest(),
    dirs: plakarDirsUnder(path.join(scratch, 'data', 'plakar')),
    location: path.join(scratch, 'store'),
    passphrase: options.passphrase,
  });
  await store.create();
  const backup = await runBackupJob({
    token: emulator.tokens.full,
    notionApiUrl: emulator.url,
    requestsPerSecond: 1000,
    comments: options.comments,
    retryPolicy: TEST_RETRY_POLICY,
    store,
    workDir: path.join(scratch, 'data'),
    appVersion: 'test',
  });
  return { store, snapshotId: backup.snapshotId };
}

export interface BackedUpStore {
  emulator: RunningEmulator;
  scratch: string;
  store: PlakarStore;
  snapshotId: string;
}

/**
 * For a whole test file: an emulator and a scratch folder (named from `prefix`) holding a store with
 * one backup, made before the first test and removed after the last.
 */
export function useStoreWithOneBackup(
  prefix: string,
  options: { passphrase: string; comments?: CommentScope },
  ready: (setup: BackedUpStore) => void,
): void {
  let emulator: RunningEmulator | undefined;
  let scratch: string | undefined;
  beforeAll(async () => {
    emulator = await startNotionEmulator({ rateLimit: false });
    scratch = await scratchDir(prefix);
    ready({ emulator, scratch, ...(await storeWithOneBackup(emulator, scratch, options)) });
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });
}

/** A restore job's options for the backup in `setup` (fast retries, no rate limit to speak of), under `targetPageId`. */
export function restoreOfBackup(setup: BackedUpStore, targetPageId: string, overrides: Partial<RestoreJobOptions> = {}): RestoreJobOptions {
  return {
    token: setup.emulator.tokens.full,
    notionApiUrl: setup.emulator.url,
    requestsPerSecond: 1000,
    burst: 100,
    retryPolicy: TEST_RETRY_POLICY,
    store: setup.store,
    snapshotId: setup.snapshotId,
    targetPageId,
    workDir: path.join(setup.scratch, 'data'),
    ...overrides,
  };
}
