import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../../../testkit/notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../../../../testkit/notion-emulator';
import type { IndexEntry } from '../../snapshot/format';
import type { TestCrawl } from '../../../../testkit/support/crawl';
import { crawlEmulator, readJson, readTree, removeAll, useCrawledEmulator } from '../../../../testkit/support/crawl';
import { NothingSharedError } from './index';

const facts = richWorkspaceFacts;
let emulator: RunningEmulator;
let baseline: TestCrawl;
useCrawledEmulator((setup) => ({ emulator, crawl: baseline } = setup));

/** A tree's files except the manifest; file URLs are compared without the emulator's random port. */
function withoutManifest(tree: Map<string, Buffer>): Map<string, string> {
  const copy = new Map<string, string>();
  for (const [name, bytes] of tree) {
    if (name === 'manifest.json') continue;
    const text = name.endsWith('.json') ? bytes.toString('utf8').replace(/127\.0\.0\.1:\d+/g, 'emulator') : bytes.toString('base64');
    copy.set(name, text);
  }
  return copy;
}

describe('a full crawl of the rich workspace', () => {
  it('finds every page, row, block, database, comment and user', () => {
    const { counts } = baseline.result;
    expect(counts.pages + counts.rows).toBe(facts.fullCrawl.pages);
    expect(counts.rows).toBe(facts.fullCrawl.rows);
    // The linked database view is stored as a child_database block with no database for it: a block.
    expect(counts.blocks).toBe(facts.fullCrawl.blocks + 1);
    expect(counts.databases).toBe(facts.fullCrawl.databases);
    expect(counts.dataSources).toBe(facts.fullCrawl.dataSources);
    expect(counts.comments).toBe(facts.fullCrawl.comments);
    expect(counts.users).toBe(facts.listedUsers);
  });

  it('hands over index.json as written, less urls and stats, for the job not to read it back', async () => {
    const index = await readJson<IndexEntry[]>(path.join(baseline.dir, 'index.json'));
    expect(index.length).toBeGreaterThan(10);
    expect(baseline.result.writtenIndex).toEqual(index.map(({ url: _url, stats: _stats, ...summary }) => ({ ...summary, url: null })));
  });

  it('downloads every Notion-hosted file, with its hash', async () => {
    const { counts, failedFiles } = baseline.result;
    expect(failedFiles).toEqual([]);
    expect(counts.files).toBe(facts.fullCrawl.hostedFiles);
    const tree = await readTree(baseline.dir);
    let described = 0;
    for (const [name, bytes] of tree) {
      if (!name.endsWith('files.json')) continue;
      const index = JSON.parse(bytes.toString('utf8')) as Record<string, { file: string; sha256: string; size: number }>;
      for (const descriptor of Object.values(index)) {
        const stored = tree.get(path.posix.join(path.posix.dirname(name), descriptor.file));
        expect(stored?.length).toBe(descriptor.size);
        described += 1;
      }
    }
    expect(described).toBe(facts.fullCrawl.hostedFiles);
  });

  it('keeps the page shared without its parent as a root, and finds the page search omits', async () => {
    const content = await readJson<Array<{ id: string; object: string; parent: unknown }>>(path.join(baseline.dir, 'content.json'));
    expect(content.map((entry) => entry.id)).toContain(facts.ids.orphanPage);
    expect(content.every((entry) => JSON.stringify(entry.parent) === '{"page_id":"/"}')).toBe(true);
    const index = await readJson<IndexEntry[]>(path.join(baseline.dir, 'index.json'));
    const ids = new Set(index.map((entry) => entry.id));
    expect(ids.has(facts.ids.searchOmittedPage)).toBe(true);
    expect(ids.has(facts.ids.orphanChildPage)).toBe(true);
    expect(ids.has(facts.ids.orphanParentPage)).toBe(false);
    expect(ids.has(facts.ids.unsharedPage)).toBe(false);
    expect(ids.has(facts.ids.trashedPage)).toBe(false);
  });

  it('records unsupported blocks instead of dropping them, and reads the linked database through its views', () => {
    expect(baseline.result.unsupportedBlocks).toHaveLength(facts.fullCrawl.unsupportedBlocks);
    expect(baseline.result.unreachable.map((entry) => entry.id)).not.toContain(facts.ids.linkedDatabaseViewBlock);
    expect(baseline.result.unreachable).toHaveLength(facts.fullCrawl.unreachable);
  });

  it('stores full property values past the 25-reference cap', async () => {
    const index = await readJson<IndexEntry[]>(path.join(baseline.dir, 'index.json'));
    const row = index.find((entry) => entry.id === facts.ids.megaProjectRow);
    expect(row).toBeDefined();
    const full = await readJson<Record<string, { type: string; results: unknown[] }>>(
      path.join(baseline.dir, row?.path ?? '', 'properties.json'),
    );
    const byType = (type: string) => Object.values(full).find((value) => value.type === type)?.results.length;
    expect(byType('relation')).toBe(facts.megaProjectRelationCount);
    expect(byType('people')).toBe(facts.megaProjectPeopleCount);
  });

  it('keeps all 250 blocks of the long page, in order', async () => {
    const index = await readJson<IndexEntry[]>(path.join(baseline.dir, 'index.json'));
    const long = index.find((entry) => entry.id === facts.ids.longPage);
    const page = await readJson<{ children: Array<{ id: string }> }>(path.join(baseline.dir, long?.path ?? '', 'page.json'));
    expect(page.children).toHaveLength(facts.longPageBlockCount);
  });

  it('is deterministic: a second crawl of the same workspace writes the same bytes', async () => {
    const again = await crawlEmulator(emulator);
    try {
      expect(withoutManifest(await readTree(again.dir))).toEqual(withoutManifest(await readTree(baseline.dir)));
    } finally {
      await removeAll(again.dir);
    }
  });
});

describe('resilience', () => {
  it('refreshes a file URL that expired before the download', async () => {
    const realFetch = globalThis.fetch;
    let expired = false;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!expired && url.includes('/__files/')) {
        expired = true;
        emulator.admin.setClockOffsetMs(2 * 3_600_000); // the URL just handed out is now two hours old
      }
      return realFetch(input, init);
    });
    emulator.admin.resetCounts();
    try {
      const crawl = await crawlEmulator(emulator);
      expect(crawl.result.failedFiles).toEqual([]);
      expect(crawl.result.counts.files).toBe(facts.fullCrawl.hostedFiles);
      expect(emulator.admin.requestCounts().byRoute['GET /__files/{id}/{filename}']?.byStatus['403']).toBeGreaterThanOrEqual(1);
      await removeAll(crawl.dir);
    } finally {
      spy.mockRestore();
      emulator.admin.setClockOffsetMs(0);
    }
  });

  it('loses nothing through 429 storms and 5 % injected faults', async () => {
    const stormy = await startNotionEmulator({
      rateLimit: { requestsPerSecond: 60, burst: 20 },
      seed: 7,
      faults: {
        probability: 0.05,
        kinds: ['internal_server_error', 'bad_gateway', 'service_unavailable', 'gateway_timeout', 'conflict_error', 'service_overload', 'timeout'],
        timeout: { hangMs: 300, then: 'destroy' },
        methods: ['GET', 'POST'],
      },
    });
    try {
      const crawl = await crawlEmulator(stormy, { requestsPerSecond: 90, concurrency: 8 });
      const counts = stormy.admin.requestCounts();
      expect(counts.byStatus['429'] ?? 0).toBeGreaterThan(0);
      const faulted = Object.entries(counts.byStatus).filter(([status]) => status !== '200' && status !== '429');
      expect(faulted.length).toBeGreaterThan(0);
      expect(withoutManifest(await readTree(crawl.dir))).toEqual(withoutManifest(await readTree(baseline.dir)));
      await removeAll(crawl.dir);
    } finally {
      await stormy.close();
    }
  }, 120_000);

  it('fails clearly when Notion keeps failing, after retrying', async () => {
    const down = await startNotionEmulator({ rateLimit: false, faults: { probability: 1, kinds: ['service_unavailable'], routes: ['POST /v1/search'] } });
    try {
      await expect(crawlEmulator(down)).rejects.toThrow(/kept failing \(HTTP 503\)/);
    } finally {
      await down.close();
    }
  });

  it('explains how to share pages when the token sees nothing', async () => {
    await expect(crawlEmulator(emulator, { token: emulator.tokens.noAccess })).rejects.toBeInstanceOf(NothingSharedError);
  });
});

describe('large databases', () => {
  it('reads every row past the per-query row cap', async () => {
    const capped = await startNotionEmulator({ rateLimit: false, queryRowCap: 50 });
    try {
      const crawl = await crawlEmulator(capped);
      expect(crawl.result.counts.rows).toBe(facts.fullCrawl.rows);
      expect(crawl.result.callsByLabel['dataSources.query']).toBeGreaterThan(3);
      await removeAll(crawl.dir);
    } finally {
      await capped.close();
    }
  });
});

describe('a subset of roots', () => {
  it('backs up only the chosen page and what is inside it', async () => {
    const crawl = await crawlEmulator(emulator, { roots: [facts.ids.orphanPage] });
    try {
      const index = await readJson<IndexEntry[]>(path.join(crawl.dir, 'index.json'));
      expect(index.map((entry) => entry.id).sort()).toEqual([facts.ids.orphanChildPage, facts.ids.orphanPage].sort());
      const content = await readFile(path.join(crawl.dir, 'content.json'), 'utf8');
      expect(JSON.parse(content)).toEqual([{ id: facts.ids.orphanPage, object: 'page', parent: { page_id: '/' } }]);
    } finally {
      await removeAll(crawl.dir);
    }
  });
});
