/**
 * Synced blocks (docs/snapshot-format.md, "Synced blocks"): a copy with children gets a blocks.json
 * like every block with children; it mirrors the original stored in the same snapshot (no request for
 * it), or holds what Notion lists through the copy when the original is not in the backup.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../../../testkit/notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../../../../testkit/notion-emulator';
import { directorySource, SnapshotReader } from '../../snapshot/reader';
import type { TestCrawl } from '../../../../testkit/support/crawl';
import { crawlEmulator, removeAll } from '../../../../testkit/support/crawl';

const facts = richWorkspaceFacts;
const ORIGINAL = facts.ids.syncedOriginalBlock;
const LEVEL_1 = facts.ids.childPages[0] as string;
let emulator: RunningEmulator;
let full: TestCrawl;
let reader: SnapshotReader;
let requested: string[];
const cleanup: string[] = [];

/** A crawl, with the URL of every request it made. */
async function crawlRecording(options: Parameters<typeof crawlEmulator>[1] = {}): Promise<{ crawl: TestCrawl; requested: string[] }> {
  const urls: string[] = [];
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return realFetch(input, init);
  });
  try {
    const crawl = await crawlEmulator(emulator, options);
    cleanup.push(crawl.dir);
    return { crawl, requested: urls };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
  ({ crawl: full, requested } = await crawlRecording());
  reader = await SnapshotReader.open(directorySource(full.dir));
});
afterEach(() => {
  emulator.admin.reset();
});
afterAll(async () => {
  await emulator.close();
  await removeAll(...cleanup);
});

/** Level 1's page directory and the synced copy of Home's original it holds. */
async function levelOneCopy(snapshot: SnapshotReader): Promise<{ dir: string; copyId: string }> {
  const entry = snapshot.entry(LEVEL_1);
  if (!entry) throw new Error('Level 1 is not in the snapshot');
  const { children } = await snapshot.page(entry);
  const copy = children.find((block) => block.type === 'synced_block' && block.synced_block.synced_from?.block_id === ORIGINAL);
  if (!copy?.has_children) throw new Error('Level 1 holds no synced copy with children');
  return { dir: entry.path, copyId: copy.id };
}

async function bytes(root: string, ...parts: string[]): Promise<string> {
  return readFile(path.join(root, ...parts), 'utf8');
}

describe('synced copies', () => {
  it('get a blocks.json mirroring their original, without a request for the copy', async () => {
    const { dir, copyId } = await levelOneCopy(reader);
    const home = reader.entry(facts.ids.home)?.path ?? '';
    expect(await bytes(full.dir, dir, copyId, 'blocks.json')).toBe(await bytes(full.dir, home, ORIGINAL, 'blocks.json'));
    expect(requested.filter((url) => url.includes(`/v1/blocks/${copyId}/`))).toEqual([]);
  });

  it('the reader tells a mirror from a block’s own children', async () => {
    const { dir, copyId } = await levelOneCopy(reader);
    const home = reader.entry(facts.ids.home)?.path ?? '';
    expect(reader.isSyncedMirror(dir, copyId)).toBe(true);
    expect(await reader.blockChildren(dir, copyId)).toHaveLength(2);
    expect(await reader.ownBlockChildren(dir, copyId)).toBeUndefined();
    expect(reader.isSyncedMirror(home, ORIGINAL)).toBe(false);
    expect(await reader.ownBlockChildren(home, ORIGINAL)).toHaveLength(2);
  });

  it('hold what Notion lists through the copy when the original is not in the backup', async () => {
    const crawl = await crawlEmulator(emulator, { roots: [LEVEL_1] });
    cleanup.push(crawl.dir);
    const partial = await SnapshotReader.open(directorySource(crawl.dir));
    const { dir, copyId } = await levelOneCopy(partial);
    const children = await partial.ownBlockChildren(dir, copyId);
    expect(children?.map((block) => block.id)).toEqual((await reader.blockChildren(reader.entry(facts.ids.home)?.path ?? '', ORIGINAL))?.map((block) => block.id));
    expect(partial.isSyncedMirror(dir, copyId)).toBe(false);
  });

  it('an incremental backup rewrites the mirror of an unchanged page when its original changed', async () => {
    emulator.admin.appendBlocks(ORIGINAL, [
      { object: 'block', type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'Added to the original' } }] } },
    ]);
    const { crawl: second, requested: urls } = await crawlRecording({ previousDir: full.dir });
    expect(urls.filter((url) => url.includes(`/v1/blocks/${LEVEL_1}/children`))).toEqual([]); // Level 1 was reused
    const after = await SnapshotReader.open(directorySource(second.dir));
    const { dir, copyId } = await levelOneCopy(after);
    const home = after.entry(facts.ids.home)?.path ?? '';
    const mirrored = await bytes(second.dir, dir, copyId, 'blocks.json');
    expect(mirrored).toContain('Added to the original');
    expect(mirrored).toBe(await bytes(second.dir, home, ORIGINAL, 'blocks.json'));
  });
});
