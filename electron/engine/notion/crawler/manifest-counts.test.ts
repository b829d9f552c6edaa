/**
 * The manifest's counts are what the snapshot folder holds, counted from the files themselves
 * (docs/snapshot-format.md, "manifest.json"), after full and incremental backups.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../../../testkit/notion-emulator';
import type { TestCrawl } from '../../../../testkit/support/crawl';
import { crawlEmulator, readTree, useCrawledEmulator } from '../../../../testkit/support/crawl';

const facts = richWorkspaceFacts;
let emulator: RunningEmulator;
let first: TestCrawl;
const { removeLater } = useCrawledEmulator((setup) => ({ emulator, crawl: first } = setup), { resetAfterEach: true });

interface StoredBlock {
  id: string;
  type: string;
}

/** Counts what a snapshot folder holds, reading nothing but its files. */
async function countStored(root: string): Promise<Record<string, number>> {
  const tree = await readTree(root);
  const json = <T>(name: string): T => JSON.parse(tree.get(name)?.toString('utf8') ?? 'null') as T;
  const names = [...tree.keys()];
  const dirOf = (name: string) => path.posix.dirname(name);
  const objects = new Set<string>();
  let pages = 0;
  let rows = 0;
  let databases = 0;
  let dataSources = 0;
  for (const name of names) {
    if (name.endsWith('/page.json') || name === 'page.json') {
      objects.add(json<{ id: string }>(name).id);
      if (tree.has(path.posix.join(dirOf(dirOf(name)), 'database.json'))) rows += 1;
      else pages += 1;
    } else if (name.endsWith('database.json')) {
      objects.add(json<{ id: string }>(name).id);
      databases += 1;
    } else if (name.endsWith('data_sources.json')) {
      dataSources += json<unknown[]>(name).length;
    }
  }
  // Blocks: every block object stored, once per id; child_page and child_database blocks only when
  // no page or database stands for them in the snapshot.
  const blocks = new Set<string>();
  const files = new Map<string, number>();
  const comments = new Set<string>();
  let views = 0;
  let linkedDatabases = 0;
  for (const name of names) {
    const base = path.posix.basename(name);
    if (base === 'page.json' || base === 'blocks.json') {
      const list = base === 'page.json' ? json<{ children: StoredBlock[] }>(name).children : json<StoredBlock[]>(name);
      for (const block of list) {
        if ((block.type === 'child_page' || block.type === 'child_database') && objects.has(block.id)) continue;
        blocks.add(block.id);
      }
    } else if (base === 'files.json') {
      for (const [ref, descriptor] of Object.entries(json<Record<string, { file: string; size: number }>>(name))) {
        expect(tree.get(path.posix.join(dirOf(name), descriptor.file))?.length, `${name}: ${ref}`).toBe(descriptor.size);
        files.set(ref, descriptor.size);
      }
    } else if (base === 'comments.json') {
      for (const comment of json<Array<{ id: string }>>(name)) comments.add(comment.id);
    } else if (base === 'views.json') {
      views += json<unknown[]>(name).length;
    } else if (base === 'linked_views.json') {
      for (const list of Object.values(json<Record<string, unknown[]>>(name))) {
        linkedDatabases += 1;
        views += list.length;
      }
    }
  }
  return {
    pages,
    rows,
    databases,
    dataSources,
    blocks: blocks.size,
    files: files.size,
    fileBytes: [...files.values()].reduce((sum, size) => sum + size, 0),
    comments: comments.size,
    views,
    linkedDatabases,
    users: json<unknown[]>('users.json').length,
  };
}

async function manifestCounts(root: string): Promise<Record<string, number>> {
  const tree = await readTree(root);
  const { counts } = JSON.parse(tree.get('manifest.json')?.toString('utf8') ?? '{}') as { counts: Record<string, number> };
  const { reusedPages: _reused, apiCalls: _calls, ...stored } = counts;
  return stored;
}

describe('manifest counts', () => {
  it('equal what a full backup stores', async () => {
    expect(await manifestCounts(first.dir)).toEqual(await countStored(first.dir));
  });

  it('equal what an incremental backup stores, with pages reused, changed and deleted', async () => {
    emulator.admin.appendBlocks(facts.ids.childPages[1] as string, [
      { object: 'block', type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'Added after the first backup' } }] } },
    ]);
    emulator.admin.deletePage(facts.ids.childPages[3] as string);
    const second = await crawlEmulator(emulator, { previousDir: first.dir });
    removeLater(second.dir);
    expect(second.result.counts.reusedPages).toBeGreaterThan(0);
    expect(await manifestCounts(second.dir)).toEqual(await countStored(second.dir));
  });

  it('equal what a backup of one page stores', async () => {
    const crawl = await crawlEmulator(emulator, { roots: [facts.ids.childPages[0] as string] });
    removeLater(crawl.dir);
    expect(await manifestCounts(crawl.dir)).toEqual(await countStored(crawl.dir));
  });
});
