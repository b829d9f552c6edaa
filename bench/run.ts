// `npm run bench`: measures the backup engine against the Notion emulator and writes bench/RESULTS.md.
// Not a test: numbers are reported, and compared with their targets, never asserted in CI.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RunningEmulator } from '../testkit/notion-emulator';
import { generateSyntheticWorkspace, startNotionEmulator } from '../testkit/notion-emulator';
import { createNotionClient } from '../electron/engine/notion/client';
import { NotionGateway } from '../electron/engine/notion/gateway';
import { RateLimiter } from '../electron/engine/notion/rate-limiter';
import { RestoreJournal } from '../electron/engine/restore/journal';
import { richRestoreSection } from './rich-restore';
import { searchSection } from './search';
import { resumeSection } from './resume';
import { measureScale, scaleSection } from './scale';
import { liveWriter } from '../electron/engine/restore/notion-writer';
import { restoreSnapshot } from '../electron/engine/restore/restorer';
import { FileUploader } from '../electron/engine/restore/uploads';
import { directorySource, SnapshotReader } from '../electron/engine/snapshot/reader';
import { runInChild, touchOnePercentOfPages } from './bench-support';
import { lowerBoundRequests } from './lower-bound';
import { measurePlakarBackups } from './plakar-backups';
import { measureTable, plakarSection } from './plakar-report';
// @ts-expect-error plain ESM script without type declarations
import { plakarForTests } from '../scripts/install-plakar.mjs';
import { countOfficialStrategyRequests } from './official-strategy';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_WORK: another scratch folder, so two benches can run at once (each empties its own).
const work = process.env.BENCH_WORK ? path.resolve(process.env.BENCH_WORK) : path.join(root, 'bench', '.work');
const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

interface CrawlOutcome {
  wallMs: number;
  apiCalls: number;
  callsByLabel: Record<string, number>;
  counts: Record<string, number>;
  maxRssBytes: number;
}

function crawlInChild(job: Record<string, unknown>): Promise<CrawlOutcome> {
  return runInChild<CrawlOutcome>(root, work, 'bench/crawl-child.ts', job);
}

async function withSynthetic<T>(
  pages: number,
  rateLimit: { requestsPerSecond: number; burst: number } | false,
  run: (emulator: RunningEmulator, counts: Record<string, number>) => Promise<T>,
): Promise<T> {
  const synthetic = generateSyntheticWorkspace({ pages, seed: 42 });
  const emulator = await startNotionEmulator({ workspace: synthetic.workspace, rateLimit });
  try {
    return await run(emulator, synthetic.counts as unknown as Record<string, number>);
  } finally {
    await emulator.close();
  }
}

async function outputDir(name: string): Promise<string> {
  return mkdtemp(path.join(work, `${name}-`));
}

function resume(): Promise<string[]> {
  return resumeSection(quick ? 2000 : 10_000, { root, work, outputDir, crawlInChild }, (pages, run) => withSynthetic(pages, false, run));
}

/** Backs up a synthetic workspace of long pages, then restores it into the emulator at 3 req/s. */
async function measureRestore() {
  const pages = quick ? 6 : 20;
  const blocksPerPage = 150;
  // No files: each file costs two upload requests whatever the batching (File Upload API), reported apart.
  const synthetic = generateSyntheticWorkspace({ pages, blocksPerPage, databases: 1, rowsPerDatabase: 5, filesEvery: 0, seed: 7 });
  const emulator = await startNotionEmulator({ workspace: synthetic.workspace, rateLimit: false });
  try {
    const dir = await outputDir('restore-source');
    await crawlInChild({ url: emulator.url, token: emulator.tokens.full, outputDir: dir, requestsPerSecond: 5000, burst: 100, concurrency: 16 });
    const reader = await SnapshotReader.open(directorySource(dir));
    const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
    const root = reader.content[0]?.id ?? '';
    const target = await client.pages.create({ parent: { page_id: root }, properties: { title: { title: [{ text: { content: 'Restore target' } }] } } });
    emulator.admin.setRateLimit({ requestsPerSecond: 3, burst: 10 });
    const gateway = new NotionGateway(client, new RateLimiter({ requestsPerSecond: 3, burst: 10 }));
    const journal = await RestoreJournal.open(await outputDir('journal'), { workspaceId: 'bench', snapshotId: 'bench', target: target.id, selection: [] });
    const uploader = new FileUploader(gateway, reader, null);
    const started = Date.now();
    const summary = await restoreSnapshot({
      reader,
      writer: liveWriter(gateway),
      journal,
      uploader,
      userMap: new Map(),
      targetPageId: target.id,
      selection: reader.content.map((entry) => entry.id),
    });
    const wallMs = Date.now() - started;
    const callsByLabel = gateway.getStats().callsByLabel;
    const blockRequests = (callsByLabel['blocks.children.append'] ?? 0) + (callsByLabel['blocks.children.list'] ?? 0);
    return { pages, blocksPerPage, blocks: summary.created.blocks, files: summary.created.files, requests: summary.requests, blockRequests, wallMs, callsByLabel };
  } finally {
    await emulator.close();
  }
}

async function rendererBundleSize(): Promise<number> {
  await promisify(execFile)('npx', ['electron-vite', 'build'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const assets = path.join(root, 'out', 'renderer', 'assets');
  const { readdir, readFile } = await import('node:fs/promises');
  const { gzipSync } = await import('node:zlib');
  let total = 0;
  for (const name of await readdir(assets)) {
    if (/\.(js|css)$/.test(name)) total += gzipSync(await readFile(path.join(assets, name))).length;
  }
  return total;
}

/** `--pages=N[,M]` runs the scale section at these sizes only. */
const scaleSizes = process.argv.find((arg) => arg.startsWith('--pages='))?.slice('--pages='.length).split(',').map(Number) ?? (quick ? [2000] : [10_000, 100_000]);

async function scale(): Promise<string[]> {
  const underTest = (await plakarForTests()) as { bin: string | null; version: string | null; label: string };
  if (!underTest.bin) return ['## Backups at scale', '', `Not measured: ${underTest.label}.`];
  const measures = [];
  for (const pages of scaleSizes) {
    measures.push(await measureScale({ root, work, plakar: underTest.bin, pages, log: (line) => process.stderr.write(`${line}\n`) }));
  }
  return scaleSection(underTest.version ?? 'unknown version', measures);
}

const PLAKAR_START = '<!-- plakar section: npm run bench -- --only=plakar -->';
const PLAKAR_END = '<!-- end of plakar section -->';

async function plakarBackupsSection(): Promise<string[]> {
  const underTest = (await plakarForTests()) as { bin: string | null; version: string | null; label: string };
  if (!underTest.bin) return ['## Backups through the real plakar', '', `Not measured: ${underTest.label}.`];
  const small = await measurePlakarBackups({ root, work, plakar: underTest.bin, pages: quick ? 300 : 2000, access: quick });
  const large = quick ? undefined : await measurePlakarBackups({ root, work, plakar: underTest.bin, pages: 10_000, access: true });
  return plakarSection(underTest.version ?? 'unknown version', small, large);
}

const ratio = (a: number, b: number): string => (b === 0 ? 'n/a' : (a / b).toFixed(3));
const verdict = (value: number, target: number): string => (value <= target ? '✅' : '❌');

async function main(): Promise<void> {
  await rm(work, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(work, { recursive: true }));
  const rows: string[] = [];
  const notes: string[] = [];

  if (only === 'memory') {
    const outcome = await withSynthetic(quick ? 2000 : 10_000, false, async (emulator) =>
      crawlInChild({ url: emulator.url, token: emulator.tokens.full, outputDir: await outputDir('big'), requestsPerSecond: 5000, burst: 100, concurrency: 16 }),
    );
    process.stdout.write(`peak RSS ${(outcome.maxRssBytes / 1024 / 1024).toFixed(0)} MB, ${outcome.apiCalls} calls, ${(outcome.wallMs / 1000).toFixed(1)} s\n`);
    await rm(work, { recursive: true, force: true });
    return;
  }

  if (only === 'plakar' || only === 'rich-restore' || only === 'search' || only === 'resume' || only === 'scale') {
    const section =
      only === 'scale'
        ? await scale()
        : only === 'plakar'
        ? [PLAKAR_START, ...(await plakarBackupsSection()), PLAKAR_END]
        : only === 'search'
          ? await searchSection(quick ? 1000 : 10_000)
          : only === 'resume'
            ? await resume()
            : await richRestoreSection();
    await replaceSection(path.join(root, 'bench', 'RESULTS.md'), section);
    process.stdout.write(`${section.join('\n')}\n`);
    await rm(work, { recursive: true, force: true });
    return;
  }

  if (only === 'restore') {
    process.stdout.write(`${JSON.stringify(await measureRestore(), null, 2)}\n`);
    await rm(work, { recursive: true, force: true });
    return;
  }

  // 1. Pacing at Notion's documented 3 requests/second.
  const pacePages = quick ? 40 : 150;
  const pace = await withSynthetic(pacePages, { requestsPerSecond: 3, burst: 10 }, async (emulator) => {
    const dir = await outputDir('pace');
    const outcome = await crawlInChild({ url: emulator.url, token: emulator.tokens.full, outputDir: dir, requestsPerSecond: 3, burst: 10, concurrency: 8 });
    const lowerBound = await lowerBoundRequests(dir);
    const rateLimited = emulator.admin.requestCounts().byStatus['429'] ?? 0;
    return { outcome, lowerBound, rateLimited };
  });
  const idealSeconds = pace.outcome.apiCalls / 3;
  const paceRatio = pace.outcome.wallMs / 1000 / idealSeconds;
  const callRatio = pace.outcome.apiCalls / pace.lowerBound;
  rows.push(`| Full-crawl API calls ÷ lower bound (${pacePages}-page synthetic workspace) | ${pace.outcome.apiCalls} ÷ ${pace.lowerBound} = **${callRatio.toFixed(3)}** | ≤ 1.10 | ${verdict(callRatio, 1.1)} |`);
  rows.push(`| Wall time ÷ (calls ÷ 3 req/s), emulator limited to 3 req/s | ${(pace.outcome.wallMs / 1000).toFixed(1)} s ÷ ${idealSeconds.toFixed(1)} s = **${paceRatio.toFixed(3)}** | ≤ 1.10 | ${verdict(paceRatio, 1.1)} |`);
  notes.push(`Pacing run: ${pace.rateLimited} response${pace.rateLimited === 1 ? " was" : "s were"} 429 (rate limited), from timer jitter at the exact rate.`);

  // 2. Incremental backup after 1 % of pages changed.
  const incrementalPages = quick ? 300 : 1000;
  const incremental = await withSynthetic(incrementalPages, false, async (emulator) => {
    const full = await outputDir('incr-full');
    const first = await crawlInChild({ url: emulator.url, token: emulator.tokens.full, outputDir: full, requestsPerSecond: 5000, burst: 100, concurrency: 16 });
    const { changed, total } = touchOnePercentOfPages(emulator);
    const next = await outputDir('incr-next');
    const second = await crawlInChild({
      url: emulator.url,
      token: emulator.tokens.full,
      outputDir: next,
      previousDir: full,
      requestsPerSecond: 5000,
      burst: 100,
      concurrency: 16,
    });
    return { first, second, changed, total };
  });
  const incrementalRatio = incremental.second.apiCalls / incremental.first.apiCalls;
  rows.push(`| Incremental calls with 1 % of pages changed ÷ full (${incremental.changed} of ${incremental.total} pages) | ${incremental.second.apiCalls} ÷ ${incremental.first.apiCalls} = **${incrementalRatio.toFixed(3)}** | ≤ 0.10 | ${verdict(incrementalRatio, 0.1)} |`);

  // 3. Memory on a 10,000-page workspace, and the official connector's request count for it.
  const bigPages = quick ? 2000 : 10_000;
  const big = await withSynthetic(bigPages, false, async (emulator, counts) => {
    const dir = await outputDir('big');
    const outcome = await crawlInChild({ url: emulator.url, token: emulator.tokens.full, outputDir: dir, requestsPerSecond: 5000, burst: 100, concurrency: 16 });
    const official = await countOfficialStrategyRequests(emulator.url, emulator.tokens.full);
    await rm(dir, { recursive: true, force: true });
    return { outcome, official, counts };
  });
  const rssMb = big.outcome.maxRssBytes / 1024 / 1024;
  rows.push(`| Peak RSS crawling a ${bigPages.toLocaleString('en')}-page synthetic workspace | **${rssMb.toFixed(0)} MB** | ≤ 300 MB | ${verdict(rssMb, 300)} |`);
  rows.push(`| Same workspace: our requests vs the official connector's strategy (page_size 1) | ${big.outcome.apiCalls.toLocaleString('en')} vs ${big.official.toLocaleString('en')} (**${ratio(big.official, big.outcome.apiCalls)}×** more) | — | — |`);
  notes.push(
    `${bigPages}-page workspace: ${big.counts.pages} pages incl. ${big.counts.rows} rows, ${big.counts.blocks} blocks, ` +
      `${big.counts.hostedFiles} files; crawled in ${(big.outcome.wallMs / 1000).toFixed(1)} s with the emulator's rate limit off. ` +
      `At 3 req/s our crawl would take ${(big.outcome.apiCalls / 3 / 3600).toFixed(1)} h, the official strategy ${(big.official / 3 / 3600).toFixed(1)} h ` +
      '(and it backs up no rows past search, no comments, no users, no files but images).',
  );

  // 4. Restore: requests per 1,000 blocks and pacing at 3 req/s.
  const restore = await measureRestore();
  const perThousand = (restore.requests / restore.blocks) * 1000;
  const appendsPerThousand = (restore.blockRequests / restore.blocks) * 1000;
  const restorePace = restore.wallMs / 1000 / (restore.requests / 3);
  rows.push(`| Restore requests per 1,000 blocks (${restore.pages} pages of ${restore.blocksPerPage} blocks) | **${perThousand.toFixed(1)}** (block writes and reads alone: ${appendsPerThousand.toFixed(1)}) | ≤ 25 | ${verdict(perThousand, 25)} |`);
  rows.push(`| Restore wall time ÷ (requests ÷ 3 req/s), emulator limited to 3 req/s | ${(restore.wallMs / 1000).toFixed(1)} s ÷ ${(restore.requests / 3).toFixed(1)} s = **${restorePace.toFixed(3)}** | — | — |`);
  notes.push(
    `Restore run: ${restore.requests} requests (${Object.entries(restore.callsByLabel).map(([label, count]) => `${label} ${count}`).join(', ')}) ` +
      `for ${restore.blocks} blocks; the workspace has no files because every file costs two more requests (create + send) whatever the batching.`,
  );

  // 5. Renderer bundle size (gzipped), from a fresh production build.
  const bundle = await rendererBundleSize();
  rows.push(`| Renderer bundle, gzipped (JS + CSS) | **${(bundle / 1024).toFixed(0)} KB** | ≤ 300 KB | ${verdict(bundle / 1024, 300)} |`);

  const plakar = await plakarBackupsSection();
  const richRestore = await richRestoreSection();
  const search = await searchSection(quick ? 1000 : 10_000);
  const resumeLines = await resume();
  const scaleLines = await scale();

  const cpus = os.cpus();
  const report = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ` +
      `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.versions.node}.`,
    'The Notion side is the emulator (testkit/notion-emulator) with a deterministic synthetic workspace (seed 42);',
    'the crawl runs in its own process so its memory is measured alone. Comments: page level (the default).',
    '',
    ...measureTable(rows, notes),
    '',
    'The lower bound (bench/lower-bound.ts) is the fewest requests that can fetch what the snapshot holds:',
    'one list per 100 children of every page and block with children, one comments list per page, per',
    'database one retrieve plus one per data source plus one query per 100 rows, one views list per 100',
    'views plus one retrieve per view (linked databases also cost the retrieve that answers 404), plus',
    'search and users pages of 100. The official strategy count is measured by replaying its request pattern',
    '(bench/official-strategy.ts) against the same emulator workspace.',
    '',
    PLAKAR_START,
    ...plakar,
    PLAKAR_END,
    '',
    ...richRestore,
    '',
    ...search,
    '',
    ...resumeLines,
    '',
    ...scaleLines,
    '',
  ].join('\n');
  await writeFile(path.join(root, 'bench', 'RESULTS.md'), report);
  await rm(work, { recursive: true, force: true });
  process.stdout.write(report);
}

/** Rewrites one marked section of RESULTS.md (its first and last lines are the markers), or appends it. */
async function replaceSection(file: string, section: string[]): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const [startMarker = '', endMarker = ''] = [section[0], section.at(-1)];
  const current = await readFile(file, 'utf8');
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  const block = section.join('\n');
  await writeFile(file, start >= 0 && end > start ? `${current.slice(0, start)}${block}${current.slice(end + endMarker.length)}` : `${current.trimEnd()}\n\n${block}\n`);
}

await main();
