/**
 * Search across snapshots: building the text index, and answering a query over 10 snapshots of a
 * 10,000-page synthetic workspace (`npm run bench -- --only=search`). The snapshots share one crawled
 * tree; each after the first has 1 % of its pages edited, as a daily incremental backup would.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { generateSyntheticWorkspace, startNotionEmulator } from '../testkit/notion-emulator';
import { crawlEmulator, scratchDir } from '../testkit/support/crawl';
import type { CatalogRecord } from '../electron/engine/snapshot/catalog';
import { catalogRecordOf } from '../electron/engine/snapshot/catalog';
import { directorySource, SnapshotReader } from '../electron/engine/snapshot/reader';
import type { DatedRecord } from '../electron/engine/snapshot/snapshot-history';
import { searchTitles } from '../electron/engine/snapshot/snapshot-history';
import { TextIndex } from '../electron/engine/snapshot/text-index';
import { searchText } from '../electron/engine/snapshot/text-search';
import { measureTable } from './plakar-report';

export const SEARCH_START = '<!-- search section: written by `npm run bench -- --only=search` -->';
export const SEARCH_END = '<!-- end of search section -->';

const SNAPSHOTS = 10;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

export async function searchSection(pages = 10_000): Promise<string[]> {
  const synthetic = generateSyntheticWorkspace({ pages, seed: 42 });
  const emulator = await startNotionEmulator({ workspace: synthetic.workspace, rateLimit: false });
  const crawl = await crawlEmulator(emulator, { comments: 'pages', requestsPerSecond: 5000, concurrency: 16 }).finally(() => emulator.close());
  const indexDir = await scratchDir('bench-text-');
  try {
    const reader = await SnapshotReader.open(directorySource(crawl.dir));
    const pageEntries = reader.index().filter((entry) => entry.object === 'page');
    const index = new TextIndex(indexDir);
    const records: DatedRecord[] = [];
    const builds: number[] = [];
    let previous: CatalogRecord | undefined;
    for (let n = 0; n < SNAPSHOTS; n += 1) {
      const id = n.toString(16).padStart(64, '0');
      const record = { ...catalogRecordOf(id, reader), snapshotId: id };
      // What the snapshot before saw: 1 % of the pages had another last edit (edited since).
      const before = previous && {
        ...previous,
        entries: previous.entries.map((entry, position) => (position % 100 === n ? { ...entry, lastEditedTime: '2000-01-01T00:00:00.000Z' } : entry)),
      };
      const [build, took] = await timed(async () => index.add(id, reader, before));
      builds.push(took);
      if (n === 1 && build.read > pages / 50) throw new Error(`the incremental build read ${build.read} pages`);
      records.push({ snapshot: { id, time: new Date(Date.UTC(2026, 11, 1 + n, 2)).toISOString() }, record });
      previous = record;
    }
    const textBytes = (await stat(path.join(indexDir, 'texts.jsonl'))).size;

    // A phrase from the middle of a page near the end, and a title.
    const target = pageEntries[Math.floor(pageEntries.length * 0.9)]!;
    const targetText = (await readFile(path.join(crawl.dir, target.path, 'page.json'), 'utf8')).match(/"plain_text":"(Page \d+ block \d+: [0-9a-f]{12})"/)?.[1] ?? target.title;
    const phrase = targetText.split(': ')[1] ?? targetText;
    const fresh = new TextIndex(indexDir);
    const [first, coldMs] = await timed(() => searchText(fresh, phrase, records));
    const warm: number[] = [];
    for (let run = 0; run < 5; run += 1) warm.push((await timed(() => searchText(fresh, phrase, records)))[1]);
    const titleRuns: number[] = [];
    for (let run = 0; run < 5; run += 1) titleRuns.push((await timed(async () => searchTitles(target.title, records)))[1]);
    const warmMs = warm.reduce((sum, value) => sum + value, 0) / warm.length;
    const titleMs = titleRuns.reduce((sum, value) => sum + value, 0) / titleRuns.length;
    const found = first.matches.some((match) => match.id === target.id && match.snapshots.length === SNAPSHOTS);
    const incremental = builds.slice(1);
    const rows = [
      `| Text query over ${SNAPSHOTS} snapshots of ${pages.toLocaleString('en')} pages: first / later queries | **${ms(coldMs)}** / **${ms(warmMs)}** | ≤ 300 ms | ${warmMs <= 300 && found ? '✅' : '❌'} |`,
      `| Title query over the same snapshots (catalog in memory) | **${ms(titleMs)}** | ≤ 300 ms | ${titleMs <= 300 ? '✅' : '❌'} |`,
      `| Building the index: first snapshot / each next one (1 % edited) | **${ms(builds[0]!)}** / **${ms(incremental.reduce((sum, value) => sum + value, 0) / incremental.length)}** (mean) | — | — |`,
      `| Index size on disk | **${(textBytes / 1024 / 1024).toFixed(1)} MB** of text for ${SNAPSHOTS} snapshots (each text stored once) | — | — |`,
    ];
    return [
      SEARCH_START,
      '## Search across snapshots',
      '',
      `One crawled ${pages.toLocaleString('en')}-page synthetic workspace (seed 42) indexed as ${SNAPSHOTS} daily snapshots, each after the first with 1 % of its pages edited. The query is a 12-character phrase from one paragraph of one page (“${phrase}”); it was found in all ${SNAPSHOTS} snapshots: ${found ? 'yes' : 'no'}. The first query reads the index from disk; later ones use it in memory, as the app does once searched. What indexing adds to a real backup's wall time is in the plakar section.`,
      '',
      ...measureTable(rows, []),
      SEARCH_END,
    ];
  } finally {
    await rm(indexDir, { recursive: true, force: true });
    await rm(crawl.dir, { recursive: true, force: true });
  }
}
