import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { APIErrorCode, APIResponseError } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspace, richWorkspaceFacts, startNotionEmulator } from '../../../testkit/notion-emulator';
import { plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { createNotionClient } from '../notion/client';
import { crawlEmulator, failureOf } from '../../../testkit/support/crawl';
import { compareRestore } from '../../../testkit/support/round-trip';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { NotionCallError } from '../notion/retry';
import type { PlakarStore } from '../plakar/store';
import { describeJobError } from './job-errors';
import { restoreOfBackup, useStoreWithOneBackup } from '../../../testkit/support/jobs';
import type { RestoreJobOptions } from './restore-job';
import { runRestoreJob } from './restore-job';

const PASSPHRASE = 'restore job test passphrase';
const OTHER_WORKSPACE = 'bbbbbbbb-0000-4000-8000-00000000000b';
let emulator: RunningEmulator;
let scratch: string;
let store: PlakarStore;
let snapshotId: string;

useStoreWithOneBackup('restore-job-', { passphrase: PASSPHRASE, comments: 'all' }, (setup) => {
  ({ emulator, scratch, store, snapshotId } = setup);
});

async function newTarget(title: string): Promise<string> {
  const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
  const page = await client.pages.create({ parent: { page_id: richWorkspaceFacts.ids.home }, properties: { title: { title: [{ text: { content: title } }] } } });
  return page.id;
}

function restore(overrides: Partial<RestoreJobOptions>): ReturnType<typeof runRestoreJob> {
  return runRestoreJob(restoreOfBackup({ emulator, scratch, store, snapshotId }, richWorkspaceFacts.ids.home, overrides));
}

describe(`runRestoreJob, with ${plakarUnderTestLabel()}`, () => {
  it('restores a stored snapshot under a page, with a link to it, and leaves no staging or journal', async () => {
    const target = await newTarget('Restore job');
    const result = await restore({ targetPageId: target, selection: [richWorkspaceFacts.ids.home] });
    expect(result.created.pages).toBeGreaterThan(1);
    expect(result.rootUrl).toMatch(/^https:\/\/www\.notion\.so\//);
    expect(result.resumed).toBe(false);
    expect(await readdir(path.join(scratch, 'data', 'staging'))).toEqual([]);
    expect(await readdir(path.join(scratch, 'data', 'restores'))).toEqual([]);
  }, 60_000);

  it('a dry run gives the plan and an estimate without writing', async () => {
    const target = await newTarget('Dry run job');
    emulator.admin.resetCounts();
    const plan = await restore({ targetPageId: target, dryRun: true });
    expect(plan.dryRun).toBe(true);
    expect(plan.created.rows).toBe(richWorkspaceFacts.fullCrawl.rows);
    expect(plan.estimatedSeconds).toBe(Math.ceil(plan.requests / 1000));
    expect(plan.losses.length).toBeGreaterThan(0);
    const writes = Object.keys(emulator.admin.requestCounts().byRoute).filter((route) => !route.startsWith('GET'));
    expect(writes).toEqual([]);
  }, 60_000);

  it('says how to share the target page when it cannot be seen', async () => {
    const error = await failureOf(restore({ targetPageId: richWorkspaceFacts.ids.unsharedPage }));
    expect(describeJobError(error, 'restore')).toMatchObject({ kind: 'restore-target' });
    expect(describeJobError(error, 'restore').message).toMatch(/Connections/);
  });

  it('explains a token that may not insert content', async () => {
    const error = await failureOf(restore({ token: emulator.tokens.readOnly }));
    expect(describeJobError(error, 'restore')).toMatchObject({ kind: 'notion-access' });
    expect(describeJobError(error, 'restore').message).toMatch(/Insert content/);
  });

  it('reports a snapshot that is not in the store', async () => {
    const error = await failureOf(restore({ snapshotId: 'e'.repeat(64) }));
    expect(describeJobError(error, 'restore')).toMatchObject({ plakarKind: 'snapshot-not-found' });
  });

  it('stops cleanly in a Notion outage, then resumes to completion', async () => {
    const target = await newTarget('Outage');
    let stormed = false;
    const error = await failureOf(
      restore({
        targetPageId: target,
        onProgress: (counts) => {
          if (!stormed && counts.blocks > 60) {
            stormed = true;
            emulator.admin.setFaults({ probability: 1, kinds: ['service_unavailable', 'bad_gateway'] });
          }
        },
      }),
    );
    emulator.admin.setFaults(null);
    expect(describeJobError(error, 'restore')).toMatchObject({ kind: 'notion-unavailable', retryable: true });
    expect(describeJobError(error, 'restore').message).toMatch(/resume/);
    const resumed = await restore({ targetPageId: target });
    expect(resumed.resumed).toBe(true);
    // The result is the whole snapshot, exactly once.
    const originalDir = path.join(scratch, 'original');
    await store.restore(snapshotId, originalDir);
    const original = await SnapshotReader.open(directorySource(originalDir));
    const crawl = await crawlEmulator(emulator, { roots: [target] });
    const scores = await compareRestore(original, await SnapshotReader.open(directorySource(crawl.dir)), target);
    for (const score of scores) expect(score.differences, score.aspect).toEqual([]);
    await rm(crawl.dir, { recursive: true, force: true });
  }, 60_000);

  it('never replays a journal left in another workspace whose target page has the same id', async () => {
    // Two workspaces with the same pages (the target too) and different ids.
    const fixture = richWorkspace();
    const [a, b] = await Promise.all([
      startNotionEmulator({ rateLimit: false, workspace: fixture }),
      startNotionEmulator({ rateLimit: false, workspace: { ...fixture, workspace: { ...fixture.workspace, id: OTHER_WORKSPACE } } }),
    ]);
    const target = richWorkspaceFacts.ids.childPages[0] as string;
    const restores = path.join(scratch, 'data', 'restores');
    // Journals other tests left (a restore that failed keeps its journal) are not this test's.
    const earlier = new Set(await readdir(restores).catch(() => []));
    const journals = async (): Promise<string[]> => (await readdir(restores)).filter((name) => !earlier.has(name));
    try {
      let stormed = false;
      await failureOf(
        restore({
          notionApiUrl: a.url,
          targetPageId: target,
          onProgress: (counts) => {
            if (!stormed && counts.blocks > 20) {
              stormed = true;
              a.admin.setFaults({ probability: 1, kinds: ['service_unavailable'] });
            }
          },
        }),
      );
      expect(await journals()).toHaveLength(1);
      const result = await restore({ notionApiUrl: b.url, targetPageId: target });
      expect(result.resumed).toBe(false);
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toMatch(new RegExp(`into workspace .*${richWorkspaceFacts.workspaceId}.* was not reused because this restore goes into workspace .*${OTHER_WORKSPACE}`));
      expect(result.created.rows).toBe(richWorkspaceFacts.fullCrawl.rows);
      const left = await journals();
      expect(left).toEqual([expect.stringMatching(/not-reused/)]);
      await rm(path.join(restores, left[0] ?? ''));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);

  it('recognises the Free plan block limit', () => {
    const cause = new APIResponseError({
      code: APIErrorCode.ValidationError,
      status: 400,
      message: 'This workspace has reached its block limit.',
      headers: new Headers(),
      rawBodyText: '{}',
      additional_data: undefined,
      request_id: undefined,
    });
    const error = new NotionCallError('HTTP 400 validation_error', { kind: 'permanent', reason: 'HTTP 400', status: 400 }, 1, cause);
    expect(describeJobError(error, 'restore')).toMatchObject({ kind: 'notion-block-limit' });
    expect(describeJobError(error, 'restore').message).toMatch(/resumes where it stopped/);
  });
});
