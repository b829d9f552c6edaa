import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../../../testkit/notion-emulator';
import type { IndexEntry } from '../../snapshot/format';
import { SNAPSHOT_FORMAT } from '../../snapshot/format';
import type { TestCrawl } from '../../../../testkit/support/crawl';
import { crawlEmulator, readJson, readTree, scratchDir, useCrawledEmulator } from '../../../../testkit/support/crawl';
import { PreviousSnapshot } from './previous-snapshot';

const facts = richWorkspaceFacts;
let emulator: RunningEmulator;
let first: TestCrawl;
const { removeLater } = useCrawledEmulator((setup) => ({ emulator, crawl: first } = setup), { resetAfterEach: true });

async function incremental(previousDir = first.dir): Promise<TestCrawl> {
  emulator.admin.resetCounts();
  const crawl = await crawlEmulator(emulator, { previousDir });
  removeLater(crawl.dir);
  return crawl;
}

async function index(dir: string): Promise<IndexEntry[]> {
  return readJson<IndexEntry[]>(path.join(dir, 'index.json'));
}

/** Block directories inside one page's own tree (nested pages and databases excluded). */
async function ownBlockDirs(root: string, relative: string): Promise<number> {
  let count = 0;
  for (const item of await readdir(path.join(root, relative), { withFileTypes: true })) {
    if (!item.isDirectory()) continue;
    const dir = path.join(relative, item.name);
    const holdsObject = await stat(path.join(root, dir, 'page.json')).then(() => true, () => false)
      || await stat(path.join(root, dir, 'database.json')).then(() => true, () => false);
    if (holdsObject) continue;
    count += 1 + (await ownBlockDirs(root, dir));
  }
  return count;
}

describe('incremental backups', () => {
  it('an unchanged workspace costs only the requests that detect change, and gives the same snapshot', async () => {
    const second = await incremental();
    const calls = second.result.callsByLabel;
    expect(calls['blocks.children.list'] ?? 0).toBe(0);
    expect(calls['comments.list'] ?? 0).toBe(0);
    expect(calls['pages.properties.retrieve'] ?? 0).toBe(0);
    expect(emulator.admin.requestCounts().byRoute['GET /__files/{id}/{filename}']?.total ?? 0).toBe(0);
    expect(second.result.counts.reusedPages).toBe(facts.fullCrawl.pages);
    expect(second.result.apiCalls).toBeLessThan(first.result.apiCalls / 5);
    const withoutManifest = (tree: Map<string, Buffer>) => new Map([...tree].filter(([name]) => name !== 'manifest.json'));
    expect(withoutManifest(await readTree(second.dir))).toEqual(withoutManifest(await readTree(first.dir)));
    expect(second.result.counts).toEqual({ ...first.result.counts, reusedPages: facts.fullCrawl.pages });
    expect(second.result.unreachable).toEqual(first.result.unreachable);
    const manifest = (dir: string) => readJson<{ unreachable: unknown[] }>(path.join(dir, 'manifest.json'));
    expect((await manifest(second.dir)).unreachable).toEqual((await manifest(first.dir)).unreachable);
  });

  it('re-fetches only the page that changed', async () => {
    const changed = facts.ids.childPages[1] as string;
    emulator.admin.appendBlocks(changed, [
      { object: 'block', type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'Added after the first backup' } }] } },
    ]);
    const second = await incremental();
    const before = (await index(first.dir)).find((entry) => entry.id === changed);
    const expectedLists = 1 + (await ownBlockDirs(first.dir, before?.path ?? ''));
    expect(second.result.callsByLabel['blocks.children.list']).toBe(expectedLists);
    expect(second.result.counts.reusedPages).toBe(facts.fullCrawl.pages - 1);
    const after = (await index(second.dir)).find((entry) => entry.id === changed);
    const page = await readJson<{ children: Array<{ paragraph?: { rich_text: Array<{ plain_text: string }> } }> }>(
      path.join(second.dir, after?.path ?? '', 'page.json'),
    );
    expect(page.children.at(-1)?.paragraph?.rich_text[0]?.plain_text).toBe('Added after the first backup');
  });

  it('links the files of a page fetched again from the previous snapshot instead of downloading them', async () => {
    const withFiles = (await index(first.dir)).find((entry) => entry.object === 'page' && !entry.isRow && (entry.stats?.files ?? 0) > 0);
    if (!withFiles) throw new Error('the rich workspace has a page with files');
    emulator.admin.appendBlocks(withFiles.id, [{ object: 'block', type: 'divider', divider: {} }]);
    const second = await incremental();
    expect(second.result.counts.reusedPages).toBe(facts.fullCrawl.pages - 1);
    expect(emulator.admin.requestCounts().byRoute['GET /__files/{id}/{filename}']?.total ?? 0).toBe(0);
    const after = (await index(second.dir)).find((entry) => entry.id === withFiles.id);
    expect(after?.stats?.files).toBe(withFiles.stats?.files);
    const files = (dir: string) => readJson<Record<string, unknown>>(path.join(dir, withFiles.path, 'files.json'));
    expect(await files(second.dir)).toEqual(await files(first.dir));
  });

  it('drops a deleted page from the new snapshot', async () => {
    const deleted = facts.ids.childPages[3] as string;
    emulator.admin.deletePage(deleted);
    const second = await incremental();
    expect((await index(second.dir)).some((entry) => entry.id === deleted)).toBe(false);
    expect(second.result.counts.pages + second.result.counts.rows).toBe(facts.fullCrawl.pages - 1);
  });
});

describe('PreviousSnapshot.canReuse', () => {
  async function previousWith(startedAt: string, lastEditedTime: string, failedPage?: string): Promise<PreviousSnapshot> {
    const dir = await scratchDir('previous-');
    removeLater(dir);
    await mkdir(path.join(dir, 'p1'));
    await writeFile(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ format: SNAPSHOT_FORMAT, startedAt, failedFiles: failedPage ? [{ ref: 'x', pageId: failedPage, reason: 'r' }] : [] }),
    );
    const entry: IndexEntry = {
      id: 'p1', object: 'page', title: 'P', icon: null, path: 'p1', parentId: null, isRow: false, lastEditedTime, url: null,
      stats: { blocks: 1, files: 0, fileBytes: 0, comments: 0 },
    };
    await writeFile(path.join(dir, 'index.json'), JSON.stringify([entry]));
    const previous = await PreviousSnapshot.load(dir, 'a'.repeat(64));
    if (!previous) throw new Error('not loaded');
    return previous;
  }

  it('reuses a page last edited well before the previous crawl', async () => {
    const previous = await previousWith('2026-11-24T10:00:00.000Z', '2026-11-24T09:00:00.000Z');
    expect(previous.canReuse('p1', '2026-11-24T09:00:00.000Z')).toBe(true);
    expect(previous.canReuse('p1', '2026-11-24T09:01:00.000Z')).toBe(false);
    expect(previous.canReuse('other', '2026-11-24T09:00:00.000Z')).toBe(false);
  });

  it('re-fetches a page edited within two minutes of the previous crawl (edit times are rounded to the minute)', async () => {
    const previous = await previousWith('2026-11-24T10:00:30.000Z', '2026-11-24T09:59:00.000Z');
    expect(previous.canReuse('p1', '2026-11-24T09:59:00.000Z')).toBe(false);
  });

  it('re-fetches a page whose files failed last time', async () => {
    const previous = await previousWith('2026-11-24T10:00:00.000Z', '2026-11-24T09:00:00.000Z', 'p1');
    expect(previous.canReuse('p1', '2026-11-24T09:00:00.000Z')).toBe(false);
  });

  it('reads every entry of index.json, and refuses an index with one element that is not an entry', async () => {
    const dir = await scratchDir('previous-index-');
    removeLater(dir);
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ format: SNAPSHOT_FORMAT, startedAt: '2026-11-24T10:00:00.000Z' }));
    const entry = (id: string, parentId: string | null): IndexEntry => ({
      id, object: 'page', title: `T ${id}`, icon: null, path: parentId ? `p/${parentId}/${id}` : `p/${id}`, parentId, isRow: false,
      lastEditedTime: '2026-11-24T09:00:00.000Z', url: null, stats: { blocks: 1, files: 0, fileBytes: 0, comments: 0 },
    });
    const [a, b, c] = ['a', 'b', 'c'].map((letter) => `${letter.repeat(8)}-1111-4111-8111-111111111111`) as [string, string, string];
    const entries = [entry(a, null), entry(b, a), entry(c, a)];
    await writeFile(path.join(dir, 'index.json'), JSON.stringify(entries));
    const previous = await PreviousSnapshot.load(dir, 'a'.repeat(64));
    expect(previous?.entry(b)).toEqual(entries[1]);
    expect(previous?.childrenOf(a).map((child) => child.id)).toEqual([b, c]);
    previous?.close();
    for (const bad of [[...entries, { id: 'd' }], [...entries, 'text'], { a: entries[0] }, 'not json']) {
      await writeFile(path.join(dir, 'index.json'), typeof bad === 'string' ? bad : JSON.stringify(bad));
      expect(await PreviousSnapshot.load(dir, 'a'.repeat(64))).toBeUndefined();
    }
  });

  it('ignores a tree that is not one of our snapshots', async () => {
    const dir = await scratchDir('foreign-');
    removeLater(dir);
    await writeFile(path.join(dir, 'content.json'), '[]');
    expect(await PreviousSnapshot.load(dir, 'a'.repeat(64))).toBeUndefined();
  });
});
