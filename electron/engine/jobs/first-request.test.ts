import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultKind, RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { createNotionClient } from '../notion/client';
import { failureOf, TEST_RETRY_POLICY } from '../../../testkit/support/crawl';
import type { PlakarStore } from '../plakar/store';
import type { BackupJobOptions } from './backup-job';
import { runBackupJob } from './backup-job';
import { describeJobError } from './job-errors';
import { restoreOfBackup, useStoreWithOneBackup } from '../../../testkit/support/jobs';
import type { RestoreJobOptions } from './restore-job';
import { runRestoreJob } from './restore-job';

// The first request of every job (users.me, the token check) is retried like every other one.
const USERS_ME = 'GET /v1/users/me';
const SMALL_PAGE = richWorkspaceFacts.ids.childPages[3] as string;
const BAD_TOKEN = 'ntn_not_a_valid_token_at_all_000000000000';
let emulator: RunningEmulator;
let scratch: string;
let store: PlakarStore;
let snapshotId: string;

useStoreWithOneBackup('first-request-', { passphrase: 'first request test passphrase' }, (setup) => {
  ({ emulator, scratch, store, snapshotId } = setup);
});
beforeEach(() => emulator.admin.resetCounts());
afterEach(() => {
  emulator.admin.setFaults(null);
  emulator.admin.setRateLimit(false);
});

function backup(overrides: Partial<BackupJobOptions> = {}): ReturnType<typeof runBackupJob> {
  return runBackupJob({
    token: emulator.tokens.full,
    notionApiUrl: emulator.url,
    requestsPerSecond: 1000,
    burst: 100,
    retryPolicy: TEST_RETRY_POLICY,
    roots: [SMALL_PAGE],
    store,
    workDir: path.join(scratch, 'data'),
    appVersion: 'test',
    ...overrides,
  });
}

async function newTarget(): Promise<string> {
  const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
  const page = await client.pages.create({ parent: { page_id: richWorkspaceFacts.ids.home }, properties: { title: { title: [{ text: { content: 'First request' } }] } } });
  emulator.admin.resetCounts();
  return page.id;
}

function restore(targetPageId: string, overrides: Partial<RestoreJobOptions> = {}): ReturnType<typeof runRestoreJob> {
  return runRestoreJob(restoreOfBackup({ emulator, scratch, store, snapshotId }, targetPageId, { selection: [SMALL_PAGE], ...overrides }));
}

function usersMeStatuses(): Record<string, number> {
  return emulator.admin.requestCounts().byRoute[USERS_ME]?.byStatus ?? {};
}

/** The next users.me fails once with this fault. */
function failFirstUsersMe(kind: FaultKind): void {
  emulator.admin.setFaults({ sequence: [kind], routes: [USERS_ME] });
}

/**
 * Starts a job whose first request meets a real 429 with `Retry-After: 1`: the token's bucket is
 * emptied just before, and the limit is lifted once the job has been refused (or `onRefused` runs).
 */
async function withFirstRequestRateLimited<T>(start: () => Promise<T>, onRefused?: () => void): Promise<T> {
  emulator.admin.setRateLimit({ requestsPerSecond: 1, burst: 1 });
  await createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url }).search({ page_size: 1 });
  const running = start();
  running.catch(() => undefined);
  const deadline = Date.now() + 5_000;
  while (!usersMeStatuses()['429']) {
    if (Date.now() > deadline) throw new Error('the job never met the 429');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  emulator.admin.setRateLimit(false);
  onRefused?.();
  return running;
}

describe(`the first request of a job, with ${plakarUnderTestLabel()}`, () => {
  it.each<[string, FaultKind]>([
    ['409', 'conflict_error'],
    ['503', 'service_unavailable'],
  ])('a backup survives a %s on its token check', async (status, kind) => {
    failFirstUsersMe(kind);
    const result = await backup();
    expect(result.snapshotId).toMatch(/^[0-9a-f]{64}$/);
    expect(usersMeStatuses()).toMatchObject({ [status]: 1, '200': 1 });
  });

  it('a backup waits out a 429 with Retry-After on its token check', async () => {
    const started = Date.now();
    const result = await withFirstRequestRateLimited(() => backup());
    expect(result.snapshotId).toMatch(/^[0-9a-f]{64}$/);
    expect(usersMeStatuses()).toMatchObject({ '429': 1, '200': 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it.each<[string, FaultKind]>([
    ['409', 'conflict_error'],
    ['503', 'service_unavailable'],
  ])('a restore survives a %s on its token check', async (status, kind) => {
    const target = await newTarget();
    failFirstUsersMe(kind);
    const result = await restore(target);
    expect(result.created.pages).toBeGreaterThan(0);
    expect(usersMeStatuses()).toMatchObject({ [status]: 1, '200': 1 });
  });

  it('a restore waits out a 429 with Retry-After on its token check', async () => {
    const target = await newTarget();
    const result = await withFirstRequestRateLimited(() => restore(target));
    expect(result.created.pages).toBeGreaterThan(0);
    expect(usersMeStatuses()).toMatchObject({ '429': 1, '200': 1 });
  });

  it('a cancelled job stops while its token check waits out a 429', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const error = await failureOf(
      withFirstRequestRateLimited(
        () => backup({ signal: controller.signal }),
        () => controller.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' })),
      ),
    );
    expect(describeJobError(error)).toMatchObject({ kind: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('a refused token (401) still fails at once, with the clear message', async () => {
    const target = await newTarget();
    for (const run of [() => backup({ token: BAD_TOKEN }), () => restore(target, { token: BAD_TOKEN })]) {
      emulator.admin.resetCounts();
      const error = await failureOf(run());
      expect(describeJobError(error)).toMatchObject({ kind: 'notion-access' });
      expect(describeJobError(error).message).toMatch(/Notion rejected this token/);
      expect(usersMeStatuses()).toEqual({ '401': 1 });
    }
  });
});
