import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspace, richWorkspaceFacts, startNotionEmulator } from '../../../testkit/notion-emulator';
import { createNotionClient } from '../notion/client';
import type { LossRecord } from './convert';
import { RestoreHarness, withOtherIds } from '../../../testkit/support/restore-harness';
import { compareRestore } from '../../../testkit/support/round-trip';

let harness: RestoreHarness;
beforeAll(async () => {
  harness = await RestoreHarness.start();
});
afterAll(async () => harness.close());

const lossKeys = (losses: LossRecord[]): string[] => [...new Set(losses.map((loss) => `${loss.kind} ${loss.objectId}`))].sort();

/** Titles (child pages) or types of a restored page's first-level blocks, in order. */
async function firstLevel(emulator: RunningEmulator, pageId: string): Promise<string[]> {
  const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
  const listed = await client.blocks.children.list({ block_id: pageId, page_size: 100 });
  return listed.results.map((block) => ('type' in block ? (block.type === 'child_page' ? `page:${block.child_page.title}` : block.type) : '?'));
}

describe('restoring what Notion cannot create in place', () => {
  it('puts pages that lived inside blocks right after those blocks, with a link where they stood', async () => {
    const target = await harness.newTarget('Nested pages');
    const summary = await harness.restore(target, { selection: [richWorkspaceFacts.ids.nestedPagesHolder] });
    const holder = summary.roots[0]?.newId ?? '';
    expect(await firstLevel(harness.emulator, holder)).toEqual([
      'toggle',
      'page:Page in a toggle',
      'column_list',
      'page:Page in a toggle in a column',
      'page:Page in a column',
      'synced_block',
      'page:Page in a synced block',
      'toggle',
      'paragraph',
    ]);
    const moved = summary.losses.filter((loss) => loss.kind === 'object-moved').map((loss) => loss.objectId);
    expect(moved.sort()).toEqual([...richWorkspaceFacts.ids.pagesInsideBlocks].sort());
  }, 60_000);

  it('a dry run predicts the losses of the real restore and its requests within 10 %', async () => {
    const planned = await harness.restore(await harness.newTarget('Planned'), { dryRun: true });
    const real = await harness.restore(await harness.newTarget('Real'));
    expect(lossKeys(planned.losses)).toEqual(lossKeys(real.losses));
    expect(Math.abs(planned.requests - real.requests) / real.requests).toBeLessThanOrEqual(0.1);
  }, 120_000);
});

describe('a snapshot that holds the restore target', () => {
  const childTitles = async (pageId: string): Promise<string[]> => (await firstLevel(harness.emulator, pageId)).filter((line) => line.startsWith('page:'));

  it('restores what the target held into it, never a copy of the target inside itself', async () => {
    const home = richWorkspaceFacts.ids.home;
    const before = await childTitles(home);
    const summary = await harness.restore(home);
    const after = await childTitles(home);
    expect(after).not.toContain('page:Home');
    expect(after.filter((title) => title === 'page:Level 1')).toHaveLength(before.filter((title) => title === 'page:Level 1').length + 1);
    expect(summary.losses).toContainEqual({ kind: 'other', objectId: home, detail: expect.stringMatching(/^the restore target "Home" is itself in the snapshot: it was not created again inside itself/) });
  }, 120_000);

  it('leaves the target out when it lies inside what is restored', async () => {
    const level1 = richWorkspaceFacts.ids.childPages[0] ?? '';
    const summary = await harness.restore(level1);
    const restoredHome = summary.roots.find((root) => root.title === 'Home')?.newId ?? '';
    expect(await childTitles(restoredHome)).not.toContain('page:Level 1');
    expect(summary.losses).toContainEqual({ kind: 'other', objectId: level1, detail: expect.stringMatching(/^the restore target "Level 1" is inside what was restored: it and the 3 pages/) });
  }, 120_000);
});

describe('restoring into another workspace', () => {
  let other: RunningEmulator;
  let idFor: (oldId: string) => string;
  beforeAll(async () => {
    const copy = withOtherIds(richWorkspace(), 'second-workspace');
    idFor = copy.idFor;
    other = await startNotionEmulator({ rateLimit: false, workspace: copy.workspace });
  });
  afterAll(async () => other.close());

  it('brings every aspect back where no id is the same', async () => {
    const target = await harness.newTarget('From the first workspace', other, idFor(richWorkspaceFacts.ids.home));
    const users = await harness.reader.users();
    const summary = await harness.restore(target, { into: other, userMap: new Map(users.map((user) => [user.id, idFor(user.id)])) });
    expect(summary.created.pages + summary.created.rows).toBe(richWorkspaceFacts.fullCrawl.pages);
    const restored = await harness.crawlRestored(target, other);
    for (const score of await compareRestore(harness.reader, restored, target)) expect(score.differences, score.aspect).toEqual([]);
  }, 120_000);
});
