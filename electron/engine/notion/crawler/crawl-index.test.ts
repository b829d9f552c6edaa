import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../snapshot/format';
import { CrawlIndex } from './crawl-index';

function entry(id: string, dir: string): IndexEntry {
  return {
    id,
    object: 'page',
    title: `Título ${id} ✓`,
    icon: { type: 'emoji', emoji: '📄' },
    path: dir,
    parentId: null,
    isRow: false,
    lastEditedTime: '2026-12-01T10:00:00.000Z',
    url: `https://www.notion.so/${id}`,
    stats: { blocks: 3, files: 1, fileBytes: 10, comments: 0 },
  };
}

describe('CrawlIndex', () => {
  it('gives sealed and open entries back as they were, sorted by path', async () => {
    const index = new CrawlIndex(await mkdtemp(path.join(os.tmpdir(), 'crawl-index-')));
    const entries = [entry('b', 'pages/b'), entry('a', 'pages/a'), entry('c', 'pages/a/pages/c')];
    for (const item of entries) index.add(structuredClone(item));
    index.seal('b');
    index.seal('c');
    expect(index.size).toBe(3);
    expect(index.has('c') && index.has('a') && !index.has('z')).toBe(true);
    const { kept, entries: sorted } = index.sortedByPath((item) => ({ id: item.id, path: item.path }));
    expect(kept).toEqual([entries[1], entries[2], entries[0]].map((item) => ({ id: item!.id, path: item!.path })));
    expect([...sorted]).toEqual([entries[1], entries[2], entries[0]]);
    expect([...index.paths()].sort()).toEqual(['pages/a', 'pages/a/pages/c', 'pages/b']);
    index.close();
  });

  it('keeps a change made through edit after the entry was sealed', async () => {
    const index = new CrawlIndex(await mkdtemp(path.join(os.tmpdir(), 'crawl-index-')));
    const original = entry('a', 'pages/a');
    index.add(original);
    index.seal('a');
    // The object given to add is no longer the entry: a change must go through edit.
    original.stats!.blocks = 99;
    const edited = index.edit('a')!;
    expect(edited.stats!.blocks).toBe(3);
    edited.stats!.blocks += 1;
    index.seal('a');
    expect([...index.sortedByPath((item) => item).entries][0]?.stats?.blocks).toBe(4);
    expect(index.edit('missing')).toBeUndefined();
    index.close();
  });

  it('leaves no file behind in its folder (POSIX: unlinked once open)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'crawl-index-'));
    const index = new CrawlIndex(dir);
    index.add(entry('a', 'pages/a'));
    index.seal('a');
    if (process.platform !== 'win32') expect(await readdir(dir)).toEqual([]);
    expect([...index.sortedByPath((item) => item).entries]).toHaveLength(1);
    index.close();
    expect(await readdir(dir)).toEqual([]);
  });
});
