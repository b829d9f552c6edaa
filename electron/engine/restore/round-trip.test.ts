import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../../../testkit/notion-emulator';
import { createNotionClient } from '../notion/client';
import type { TestCrawl } from '../notion/crawler/crawl-test-support';
import { crawlEmulator, removeAll, scratchDir, TEST_RETRY_POLICY } from '../notion/crawler/crawl-test-support';
import { NotionGateway } from '../notion/gateway';
import { RateLimiter } from '../notion/rate-limiter';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { RestoreJournal } from './journal';
import { dryRunWriter, liveWriter } from './notion-writer';
import type { RestoreSummary } from './restorer';
import { restoreSnapshot } from './restorer';
import { compareRestore, formatScores } from './round-trip-support';
import { FileUploader, PlannedUploads } from './uploads';

let emulator: RunningEmulator;
let original: TestCrawl;
let reader: SnapshotReader;
const cleanup: string[] = [];

beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
  original = await crawlEmulator(emulator);
  cleanup.push(original.dir);
  reader = await SnapshotReader.open(directorySource(original.dir));
});
afterAll(async () => {
  await emulator.close();
  await removeAll(...cleanup);
});

function gateway(signal?: AbortSignal): NotionGateway {
  const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url, timeoutMs: 2_000 });
  return new NotionGateway(client, new RateLimiter({ requestsPerSecond: 1000, burst: 100 }), { policy: TEST_RETRY_POLICY, signal });
}

async function newTarget(title: string): Promise<string> {
  const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
  const page = await client.pages.create({
    parent: { page_id: richWorkspaceFacts.ids.home },
    properties: { title: { title: [{ text: { content: title } }] } },
  });
  return page.id;
}

/** Same workspace: users keep their ids. */
async function identityUsers(): Promise<Map<string, string>> {
  return new Map((await reader.users()).map((user) => [user.id, user.id]));
}

async function restore(target: string, options: { journalDir?: string; signal?: AbortSignal; selection?: string[] } = {}): Promise<RestoreSummary> {
  const journalDir = options.journalDir ?? (await scratchDir('journal-'));
  cleanup.push(journalDir);
  const selection = options.selection ?? [];
  const journal = await RestoreJournal.open(journalDir, { workspaceId: richWorkspaceFacts.workspaceId, snapshotId: 'test', target, selection });
  const notion = gateway(options.signal);
  return restoreSnapshot({
    reader,
    writer: liveWriter(notion),
    journal,
    uploader: new FileUploader(notion, reader, null),
    userMap: await identityUsers(),
    targetPageId: target,
    selection,
    signal: options.signal,
  });
}

async function crawlRestored(target: string): Promise<SnapshotReader> {
  const crawl = await crawlEmulator(emulator, { roots: [target] });
  cleanup.push(crawl.dir);
  return SnapshotReader.open(directorySource(crawl.dir));
}

/** The restored tree equals the original, with exactly one copy of each root under the target. */
async function expectFaithful(target: string): Promise<void> {
  const restored = await crawlRestored(target);
  const scores = await compareRestore(reader, restored, target);
  for (const score of scores) expect(score.differences, score.aspect).toEqual([]);
  const roots = restored.index().filter((entry) => entry.parentId === target);
  expect(roots.map((entry) => entry.title).sort()).toEqual(reader.content.map((root) => reader.entry(root.id)?.title).sort());
  const rows = restored.index().filter((entry) => entry.isRow).length;
  expect(rows).toBe(richWorkspaceFacts.fullCrawl.rows);
  const commentCount = restored.manifest?.counts.comments;
  expect(commentCount).toBe(richWorkspaceFacts.fullCrawl.comments);
}

describe('restore into Notion', () => {
  it('round-trips the rich workspace: every aspect matches, limitations are reported', async () => {
    const target = await newTarget('Round trip');
    const summary = await restore(target);
    const restored = await crawlRestored(target);
    const scores = await compareRestore(reader, restored, target);
    console.log(`\nRound trip of the rich fixture\n${formatScores(scores)}\n`);
    for (const score of scores) expect(score.differences, score.aspect).toEqual([]);
    expect(summary.created.pages + summary.created.rows).toBe(richWorkspaceFacts.fullCrawl.pages);
    expect(summary.created.databases).toBe(richWorkspaceFacts.fullCrawl.databases);
    expect(summary.created.files).toBe(richWorkspaceFacts.fullCrawl.hostedFiles);
    expect(summary.created.comments).toBe(richWorkspaceFacts.fullCrawl.comments);
    expect(summary.losses.some((loss) => loss.kind === 'unsupported-block')).toBe(true);
  }, 120_000);

  it('a dry run writes nothing and predicts the requests of the real restore', async () => {
    const target = await newTarget('Dry run');
    emulator.admin.resetCounts();
    const journalDir = await scratchDir('journal-');
    cleanup.push(journalDir);
    const journal = await RestoreJournal.open(journalDir, { workspaceId: richWorkspaceFacts.workspaceId, snapshotId: 'dry', target, selection: [] });
    const planned = new PlannedUploads(reader, null);
    const plan = await restoreSnapshot({
      reader,
      writer: dryRunWriter(),
      journal,
      uploader: planned,
      userMap: await identityUsers(),
      targetPageId: target,
      selection: [],
    });
    const writes = Object.entries(emulator.admin.requestCounts().byRoute).filter(([route]) => !route.startsWith('GET'));
    expect(writes).toEqual([]);
    expect(plan.created.pages + plan.created.rows).toBe(richWorkspaceFacts.fullCrawl.pages);
    expect(planned.count).toBe(richWorkspaceFacts.fullCrawl.hostedFiles);
  }, 60_000);

  it.each([3, 25, 60, 140])('resumes a restore killed after %i writes, with no duplicates and the same result', async (killAfter) => {
    const target = await newTarget(`Interrupted after ${killAfter}`);
    const journalDir = await scratchDir('journal-');
    cleanup.push(journalDir);
    const writesSoFar = () =>
      Object.entries(emulator.admin.requestCounts().byRoute)
        .filter(([route]) => !route.startsWith('GET'))
        .reduce((sum, [, counts]) => sum + counts.total, 0);
    const start = writesSoFar();
    const controller = new AbortController();
    const timer = setInterval(() => {
      if (writesSoFar() - start >= killAfter) controller.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    }, 1);
    try {
      await expect(restore(target, { journalDir, signal: controller.signal })).rejects.toThrow('cancelled');
    } finally {
      clearInterval(timer);
    }
    const resumed = await restore(target, { journalDir });
    expect(resumed.resumed).toBe(true);
    await expectFaithful(target);
  }, 120_000);

  it('checks writes whose answer was lost before retrying them (no duplicates)', async () => {
    const target = await newTarget('Lost answers');
    emulator.admin.setFaults({
      probability: 0.15,
      kinds: ['internal_server_error'],
      applyThenFail: true,
      routes: ['PATCH /v1/blocks/{id}/children', 'POST /v1/pages', 'POST /v1/comments'],
    });
    try {
      await restore(target);
    } finally {
      emulator.admin.setFaults(null);
    }
    await expectFaithful(target);
  }, 120_000);

  it('restores one selected page with its sub-pages only', async () => {
    const target = await newTarget('Selected');
    const summary = await restore(target, { selection: [richWorkspaceFacts.ids.orphanPage] });
    expect(summary.created.pages).toBe(2);
    expect(summary.roots).toHaveLength(1);
    const restored = await crawlRestored(target);
    expect(restored.index().filter((entry) => entry.id !== target)).toHaveLength(2);
  }, 60_000);
});
