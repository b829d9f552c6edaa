/**
 * A synced copy's blocks.json may only mirror its original (manifest `syncedBlocks`, reader
 * isSyncedMirror): restored, the copy must still link to its restored original, even when it is
 * reached before the original is created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../../../testkit/notion-emulator';
import { createNotionClient } from '../notion/client';
import { crawlEmulator, removeAll, scratchDir, TEST_RETRY_POLICY } from '../notion/crawler/crawl-test-support';
import { NotionGateway } from '../notion/gateway';
import { RateLimiter } from '../notion/rate-limiter';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { RestoreJournal } from './journal';
import { liveWriter } from './notion-writer';
import { restoreSnapshot } from './restorer';
import { FileUploader } from './uploads';

const facts = richWorkspaceFacts;
let emulator: RunningEmulator;
const cleanup: string[] = [];

beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
});
afterAll(async () => {
  await emulator.close();
  await removeAll(...cleanup);
});

describe('a synced copy whose children mirror its original', () => {
  // Fails until restore/content.ts decides "the copy has content of its own" with
  // reader.ownBlockChildren(dir, id) instead of reader.blockChildren(dir, id): then make it `it`.
  it('is restored as a link to its original, even when restored before it', async () => {
    // The copy sits on the orphan root, restored before Home, where its original is.
    const [original] = emulator.admin.appendBlocks(facts.ids.home, [
      {
        type: 'synced_block',
        synced_block: { synced_from: null, children: [{ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'Shared text' } }] } }] },
      },
    ]);
    emulator.admin.appendBlocks(facts.ids.orphanPage, [{ type: 'synced_block', synced_block: { synced_from: { type: 'block_id', block_id: original } } }]);
    const crawl = await crawlEmulator(emulator);
    cleanup.push(crawl.dir);
    const reader = await SnapshotReader.open(directorySource(crawl.dir));
    const orphan = reader.entry(facts.ids.orphanPage);
    const copy = (await reader.page(orphan!)).children.find((block) => block.type === 'synced_block');
    expect(reader.isSyncedMirror(orphan?.path ?? '', copy?.id ?? '')).toBe(true);

    const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
    const target = (await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: [{ text: { content: 'Synced' } }] } } })).id;
    const journalDir = await scratchDir('journal-');
    cleanup.push(journalDir);
    // A variable, not a literal: the journal's identity is gaining fields (workspaceId) as this is written.
    const identity = { workspaceId: facts.workspaceId, snapshotId: 'synced', target, selection: [] as string[] };
    const notion = new NotionGateway(client, new RateLimiter({ requestsPerSecond: 1000, burst: 100 }), { policy: TEST_RETRY_POLICY });
    const summary = await restoreSnapshot({
      reader,
      writer: liveWriter(notion),
      journal: await RestoreJournal.open(journalDir, identity),
      uploader: new FileUploader(notion, reader, null),
      userMap: new Map(),
      targetPageId: target,
      selection: [],
    });
    expect(summary.losses.filter((loss) => loss.objectId === copy?.id)).toEqual([]);
    const again = await crawlEmulator(emulator, { roots: [target] });
    cleanup.push(again.dir);
    const restored = await SnapshotReader.open(directorySource(again.dir));
    const restoredOrphan = restored.index().find((entry) => entry.parentId === target && entry.title === orphan?.title);
    const restoredCopy = (await restored.page(restoredOrphan!)).children.find((block) => block.type === 'synced_block');
    expect((restoredCopy?.synced_block as { synced_from: unknown }).synced_from).not.toBeNull();
  }, 60_000);
});
