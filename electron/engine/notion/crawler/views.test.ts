/**
 * Views in a crawl (docs/snapshot-format.md, "Views"): every database's views in views.json, a linked
 * database's views in linked_views.json beside the block, and the same snapshot under API 2026-12-01.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../../../testkit/notion-emulator';
import type { TestCrawl } from '../../../../testkit/support/crawl';
import { crawlEmulator, readJson, readTree, useCrawledEmulator } from '../../../../testkit/support/crawl';
import type { IndexEntry, LinkedViews, SnapshotManifest, StoredView } from '../../snapshot/format';

const facts = richWorkspaceFacts;
let emulator: RunningEmulator;
let first: TestCrawl;
const { removeLater } = useCrawledEmulator((setup) => ({ emulator, crawl: first } = setup), { resetAfterEach: true });

const index = (dir: string) => readJson<IndexEntry[]>(path.join(dir, 'index.json'));

/** Where a block stands: the directory of the page.json or blocks.json listing it. */
async function dirHoldingBlock(dir: string, blockId: string): Promise<string | undefined> {
  for (const [name, bytes] of await readTree(dir)) {
    if (!name.endsWith('page.json') && !name.endsWith('blocks.json')) continue;
    const parsed = JSON.parse(bytes.toString('utf8')) as { children?: Array<{ id: string }> } | Array<{ id: string }>;
    const list = Array.isArray(parsed) ? parsed : (parsed.children ?? []);
    if (list.some((block) => block.id === blockId)) return path.posix.dirname(name);
  }
  return undefined;
}

describe('views in a crawl', () => {
  it("stores each database's views in tab order beside database.json, in full", async () => {
    const databases = (await index(first.dir)).filter((item) => item.object === 'database');
    expect(databases).toHaveLength(facts.fullCrawl.databases);
    for (const entry of databases) {
      const views = await readJson<StoredView[]>(path.join(first.dir, entry.path, 'views.json'));
      expect(views.map((view) => view.id)).toEqual(facts.views.byDatabase[entry.id]);
      for (const view of views) {
        expect(view.parent).toEqual({ type: 'database_id', database_id: entry.id });
        expect(view.name).not.toBe('');
      }
    }
    const tasks = databases.find((entry) => entry.id === facts.ids.tasksDatabase);
    const board = (await readJson<StoredView[]>(path.join(first.dir, tasks?.path ?? '', 'views.json'))).find((view) => view.type === 'board');
    expect(board?.configuration).toMatchObject({ type: 'board', group_by: { property_id: expect.any(String) } });
  });

  it('stores a linked database view beside the block where it stands, and no folder for it', async () => {
    const blockId = facts.ids.linkedDatabaseViewBlock;
    const holder = await dirHoldingBlock(first.dir, blockId);
    expect(holder).toBeDefined();
    const linked = await readJson<LinkedViews>(path.join(first.dir, holder ?? '', 'linked_views.json'));
    expect(linked[blockId]?.map((view) => view.id)).toEqual(facts.views.byDatabase[blockId]);
    expect(linked[blockId]?.every((view) => view.data_source_id === facts.ids.tasksDataSource)).toBe(true);
    expect([...(await readTree(first.dir)).keys()].some((name) => name.split('/').includes(blockId))).toBe(false);
    expect(first.result.unreachable.map((entry) => entry.id)).not.toContain(blockId);
  });

  it('counts views and linked databases in the manifest', async () => {
    const manifest = await readJson<SnapshotManifest>(path.join(first.dir, 'manifest.json'));
    expect(manifest.counts.views).toBe(facts.views.total);
    expect(manifest.counts.linkedDatabases).toBe(1);
    expect(first.result.callsByLabel['views.retrieve']).toBe(facts.views.total);
    expect(first.result.callsByLabel['views.list']).toBe(facts.fullCrawl.databases + 1);
  });

  it('reads the views again on an incremental run, also those of a linked database on a reused page', async () => {
    const second = await crawlEmulator(emulator, { previousDir: first.dir });
    removeLater(second.dir);
    expect(second.result.counts.reusedPages).toBe(facts.fullCrawl.pages);
    expect(second.result.callsByLabel['views.retrieve']).toBe(facts.views.total);
    const holder = (await dirHoldingBlock(second.dir, facts.ids.linkedDatabaseViewBlock)) ?? '';
    const linked = await readJson<LinkedViews>(path.join(second.dir, holder, 'linked_views.json'));
    expect(Object.keys(linked)).toEqual([facts.ids.linkedDatabaseViewBlock]);
  });

  it('gives the same snapshot under API 2026-12-01, where lists return only titles unless asked', async () => {
    const later = await crawlEmulator(emulator, { apiVersion: '2026-12-01' });
    removeLater(later.dir);
    const manifest = await readJson<SnapshotManifest>(path.join(later.dir, 'manifest.json'));
    expect(manifest.notionApiVersion).toBe('2026-12-01');
    const withoutManifest = (tree: Map<string, Buffer>) => new Map([...tree].filter(([name]) => name !== 'manifest.json'));
    expect(withoutManifest(await readTree(later.dir))).toEqual(withoutManifest(await readTree(first.dir)));
  });
});
