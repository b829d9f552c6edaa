import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { RunningEmulator } from '../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { plakarUnderTestLabel } from '../../testkit/plakar-standin';
import type { JobFinishedEvent } from '../../shared/ipc/app-schemas';
import { useEmulatorAndScratch } from '../../testkit/support/crawl';
import { JobHistory } from '../services/background/job-history';
import { createFileLogger } from '../services/logger';
import { cliRunner } from '../../testkit/support/cli';

// End to end: a backup, a restore and an export with known secrets, plus the app's log and job
// history reporting a failure that quotes them; then every file written outside the encrypted store
// (data dir, logs, history, staging, caches, plakar's own config and cache dirs, the export) is
// searched for the token and the passphrase.
const PASSPHRASE = 'known passphrase for the secrets scan 2026';
let emulator: RunningEmulator;
let scratch: string;

useEmulatorAndScratch('secrets-scan-', (setup) => ({ emulator, scratch } = setup), 'the file');

const { cli } = cliRunner({ scratch: () => scratch, emulator: () => emulator, passphrase: PASSPHRASE });

async function filesUnder(dir: string, skip: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === skip) continue;
    if (entry.isDirectory()) found.push(...(await filesUnder(full, skip)));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

it(`no file written by a backup, a restore, an export or a failure report holds the token or the passphrase, with ${plakarUnderTestLabel()}`, async () => {
  const token = emulator.tokens.full;
  const store = path.join(scratch, 'store');
  expect(await cli(['init', '--store', store])).toMatchObject({ code: 0 });
  const backup = await cli(['backup', '--store', store, '--json', '--comments', 'all', '--rate', '100']);
  expect(backup.code, backup.stderr).toBe(0);
  const { snapshotId } = JSON.parse(backup.stdout) as { snapshotId: string };
  const restore = await cli(['restore', snapshotId, '--store', store, '--to-notion', richWorkspaceFacts.ids.home, '--page', richWorkspaceFacts.ids.orphanPage, '--rate', '100']);
  expect(restore.code, restore.stderr).toBe(0);
  expect((await cli(['export', snapshotId, '--store', store, '--to-dir', path.join(scratch, 'export'), '--format', 'json'])).code).toBe(0);
  const failed = await cli(['restore', snapshotId, '--store', store, '--to-notion', richWorkspaceFacts.ids.unsharedPage, '--rate', '100']);
  expect(failed.code).toBe(1);
  for (const output of [backup, restore, failed]) expect(`${output.stdout}${output.stderr}`).not.toContain(token);

  // What the app writes when a job fails with an error that quotes the request it made.
  const dataDir = path.join(scratch, 'data');
  const logger = createFileLogger(dataDir, 'main');
  const error = Object.assign(new Error(`request failed: Authorization: Bearer ${token}`), {
    request: { headers: { Authorization: `Bearer ${token}` }, env: { PLAKAR_PASSPHRASE: PASSPHRASE } },
  });
  logger.error({ err: error, job: { notionToken: token, store: { passphrase: PASSPHRASE } } }, `job failed for ${token}`);
  const history = new JobHistory(dataDir);
  history.started('job-1');
  history.log('job-1', `GET /v1/users/me (Bearer ${token})`);
  await history.finished({
    jobId: 'job-1',
    kind: 'backup',
    outcome: { status: 'failed', kind: 'unexpected', message: `Unexpected: ${error.message}`, retryable: false },
  } as JobFinishedEvent);
  await waitForFile(path.join(dataDir, 'logs', 'main.log'));

  // The store itself is encrypted: its contents are not searched.
  const files = await filesUnder(scratch, store);
  expect(files.length).toBeGreaterThan(10);
  expect(files.some((file) => file.includes(`${path.sep}plakar${path.sep}`))).toBe(true);
  const holding: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    if (bytes.includes(token) || bytes.includes(PASSPHRASE) || bytes.includes(token.replace(/^ntn_|^secret_/, ''))) holding.push(file);
  }
  expect(holding).toEqual([]);
  expect((await stat(dataDir)).mode & 0o077).toBe(0);
}, 120_000);

async function waitForFile(file: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await readFile(file, 'utf8').catch(() => '')).includes('job failed')) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
