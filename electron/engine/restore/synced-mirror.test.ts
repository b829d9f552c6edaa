/**
 * A synced copy's blocks.json may only mirror its original (manifest `syncedBlocks`, reader
 * isSyncedMirror): restored, the copy must still link to its restored original, even when it is
 * reached before the original is created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { RestoreHarness } from '../../../testkit/support/restore-harness';

const facts = richWorkspaceFacts;
let harness: RestoreHarness;

beforeAll(async () => {
  harness = await RestoreHarness.start();
});
afterAll(async () => harness.close());

describe('a synced copy whose children mirror its original', () => {
  it('is restored as a link to its original, even when restored before it', async () => {
    // The copy sits on the orphan root, restored before Home, where its original is.
    const [original] = harness.emulator.admin.appendBlocks(facts.ids.home, [
      {
        type: 'synced_block',
        synced_block: { synced_from: null, children: [{ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'Shared text' } }] } }] },
      },
    ]);
    harness.emulator.admin.appendBlocks(facts.ids.orphanPage, [{ type: 'synced_block', synced_block: { synced_from: { type: 'block_id', block_id: original } } }]);
    const reader = await harness.crawl();
    const orphan = reader.entry(facts.ids.orphanPage);
    const copy = (await reader.page(orphan!)).children.find((block) => block.type === 'synced_block');
    expect(reader.isSyncedMirror(orphan?.path ?? '', copy?.id ?? '')).toBe(true);

    const target = await harness.newTarget('Synced');
    const summary = await harness.restore(target, { reader, userMap: new Map() });
    expect(summary.losses.filter((loss) => loss.objectId === copy?.id)).toEqual([]);
    const restored = await harness.crawlRestored(target);
    const restoredOrphan = restored.index().find((entry) => entry.parentId === target && entry.title === orphan?.title);
    const restoredCopy = (await restored.page(restoredOrphan!)).children.find((block) => block.type === 'synced_block');
    expect((restoredCopy?.synced_block as { synced_from: unknown }).synced_from).not.toBeNull();
  }, 60_000);
});
