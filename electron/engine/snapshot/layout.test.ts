/**
 * Proves that a crawl follows the layout rules of plakar's official Notion connector
 * (docs/snapshot-format.md, "Rules inherited from the official connector"), so its exporter can
 * restore our snapshots.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { createNotionClient } from '../notion/client';
import type { TestCrawl } from '../../../testkit/support/crawl';
import { useCrawledEmulator } from '../../../testkit/support/crawl';

interface Block {
  object: string;
  id: string;
  type: string;
  has_children: boolean;
}

let emulator: RunningEmulator;
let crawl: TestCrawl;
useCrawledEmulator((setup) => ({ emulator, crawl } = setup));

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function json<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Every directory of the tree holding the given file name. */
async function dirsWith(name: string, relative = ''): Promise<string[]> {
  const found: string[] = [];
  const items = await readdir(path.join(crawl.dir, relative), { withFileTypes: true });
  if (items.some((item) => item.isFile() && item.name === name)) found.push(relative);
  for (const item of items) if (item.isDirectory()) found.push(...(await dirsWith(name, path.join(relative, item.name))));
  return found;
}

function unreachableIds(): Set<string> {
  return new Set(crawl.result.unreachable.map((entry) => entry.id));
}

describe('official connector layout', () => {
  it('content.json lists top-level objects, each in its own root directory', async () => {
    const content = await json<Array<{ parent: unknown; id: string; object: string }>>(path.join(crawl.dir, 'content.json'));
    expect(content.length).toBeGreaterThan(0);
    for (const entry of content) {
      expect(Object.keys(entry).sort()).toEqual(['id', 'object', 'parent']);
      expect(entry.parent).toEqual({ page_id: '/' });
      expect(['page', 'database']).toContain(entry.object);
      expect(await exists(path.join(crawl.dir, entry.id, `${entry.object}.json`))).toBe(true);
    }
  });

  it('page.json is the page object with its first-level blocks as the last key, children', async () => {
    for (const dir of await dirsWith('page.json')) {
      const text = await readFile(path.join(crawl.dir, dir, 'page.json'), 'utf8');
      const page = JSON.parse(text) as Record<string, unknown>;
      expect(page.object).toBe('page');
      expect(Object.keys(page).at(-1)).toBe('children');
      expect(path.basename(dir)).toBe(page.id);
      expect((page.children as Block[]).every((block) => block.object === 'block')).toBe(true);
    }
  });

  it('every block with children (synced copies too) has <its dir>/<block id>/blocks.json, and every child page/database its own dir (a linked database none)', async () => {
    const unreachable = unreachableIds();
    const containers = [
      ...(await dirsWith('page.json')).map((dir) => ({ dir, file: 'page.json' })),
      ...(await dirsWith('blocks.json')).map((dir) => ({ dir, file: 'blocks.json' })),
    ];
    let checked = 0;
    for (const { dir, file } of containers) {
      const parsed = await json<{ children?: Block[] } | Block[]>(path.join(crawl.dir, dir, file));
      const blocks = Array.isArray(parsed) ? parsed : (parsed.children ?? []);
      for (const block of blocks) {
        const childDir = path.join(crawl.dir, dir, block.id);
        if (unreachable.has(block.id)) continue;
        if (block.type === 'child_page') expect(await exists(path.join(childDir, 'page.json'))).toBe(true);
        else if (block.type === 'child_database') {
          // A linked database has no folder (the official exporter would look for database.json in it):
          // its views are in linked_views.json beside the block.
          const linked = await exists(path.join(crawl.dir, dir, 'linked_views.json'))
            ? Object.keys(await json<Record<string, unknown>>(path.join(crawl.dir, dir, 'linked_views.json')))
            : [];
          expect(await exists(path.join(childDir, 'database.json')), `${dir}/${block.id}/database.json`).toBe(!linked.includes(block.id));
          expect(await exists(childDir)).toBe(!linked.includes(block.id));
        }
        else if (block.has_children) {
          expect(await exists(path.join(childDir, 'blocks.json')), `${dir}/${block.id}/blocks.json`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('a database directory holds database.json with properties, and only row directories', async () => {
    const databases = await dirsWith('database.json');
    expect(databases.length).toBeGreaterThan(0);
    for (const dir of databases) {
      const database = await json<{ object: string; properties: Record<string, unknown> }>(path.join(crawl.dir, dir, 'database.json'));
      expect(database.object).toBe('database');
      expect(Object.keys(database.properties).length).toBeGreaterThan(0);
      for (const item of await readdir(path.join(crawl.dir, dir), { withFileTypes: true })) {
        if (item.isDirectory()) expect(await exists(path.join(crawl.dir, dir, item.name, 'page.json'))).toBe(true);
      }
    }
  });

  it('adds no key to page or block objects (extras live in sibling files)', async () => {
    const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
    const pageDirs = await dirsWith('page.json');
    for (const dir of pageDirs.slice(0, 20)) {
      const stored = await json<Record<string, unknown> & { id: string; children: Block[] }>(path.join(crawl.dir, dir, 'page.json'));
      const live = (await client.pages.retrieve({ page_id: stored.id })) as unknown as Record<string, unknown>;
      const { children, ...page } = stored;
      expect(Object.keys(page).sort()).toEqual(Object.keys(live).filter((key) => key !== 'request_id').sort());
      const liveBlocks = (await client.blocks.children.list({ block_id: stored.id, page_size: 100 })).results as unknown as Array<
        Record<string, unknown>
      >;
      children.slice(0, liveBlocks.length).forEach((block, index) => {
        expect(Object.keys(block).sort()).toEqual(Object.keys(liveBlocks[index] ?? {}).sort());
      });
    }
  });
});
