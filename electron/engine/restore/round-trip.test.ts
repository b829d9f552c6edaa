import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { RestoreHarness } from '../../../testkit/support/restore-harness';
import { compareRestore, formatScores } from '../../../testkit/support/round-trip';

let harness: RestoreHarness;
beforeAll(async () => {
  harness = await RestoreHarness.start();
});
afterAll(async () => harness.close());

const newTarget = (title: string): Promise<string> => harness.newTarget(title);
const restore = (target: string, options: Parameters<RestoreHarness['restore']>[1] = {}) => harness.restore(target, options);

/** The restored tree equals the original, with exactly one copy of each root under the target. */
async function expectFaithful(target: string): Promise<void> {
  await harness.expectFaithful(target);
  const { reader } = harness;
  const restored = await harness.crawlRestored(target);
  const roots = restored.index().filter((entry) => entry.parentId === target);
  expect(roots.map((entry) => entry.title).sort()).toEqual(reader.content.map((root) => reader.entry(root.id)?.title).sort());
  const rows = restored.index().filter((entry) => entry.isRow).length;
  expect(rows).toBe(richWorkspaceFacts.fullCrawl.rows);
  expect(restored.manifest?.counts.comments).toBe(richWorkspaceFacts.fullCrawl.comments);
}

describe('restore into Notion', () => {
  it('round-trips the rich workspace: every aspect matches, limitations are reported', async () => {
    const target = await newTarget('Round trip');
    const summary = await restore(target);
    const restored = await harness.crawlRestored(target);
    const scores = await compareRestore(harness.reader, restored, target);
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
    harness.emulator.admin.resetCounts();
    const plan = await restore(target, { dryRun: true });
    const writes = Object.entries(harness.emulator.admin.requestCounts().byRoute).filter(([route]) => !route.startsWith('GET'));
    expect(writes).toEqual([]);
    expect(plan.created.pages + plan.created.rows).toBe(richWorkspaceFacts.fullCrawl.pages);
    expect(plan.created.files).toBe(richWorkspaceFacts.fullCrawl.hostedFiles);
  }, 60_000);

  it.each([3, 25, 60, 140])('resumes a restore killed after %i writes, with no duplicates and the same result', async (killAfter) => {
    const target = await newTarget(`Interrupted after ${killAfter}`);
    const journalDir = await harness.journalDir();
    const writesSoFar = () => harness.writesSoFar();
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
    harness.emulator.admin.setFaults({
      probability: 0.15,
      kinds: ['internal_server_error'],
      applyThenFail: true,
      routes: ['PATCH /v1/blocks/{id}/children', 'POST /v1/pages', 'POST /v1/comments'],
    });
    try {
      await restore(target);
    } finally {
      harness.emulator.admin.setFaults(null);
    }
    await expectFaithful(target);
  }, 120_000);

  it('restores one selected page with its sub-pages only', async () => {
    const target = await newTarget('Selected');
    const summary = await restore(target, { selection: [richWorkspaceFacts.ids.orphanPage] });
    expect(summary.created.pages).toBe(2);
    expect(summary.roots).toHaveLength(1);
    const restored = await harness.crawlRestored(target);
    expect(restored.index().filter((entry) => entry.id !== target)).toHaveLength(2);
  }, 60_000);
});
