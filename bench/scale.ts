/**
 * Backups at scale (`npm run bench -- --only=scale`): the real backup job (crawl + real plakar, as
 * the CLI runs it) on synthetic workspaces of 10,000 and 100,000 pages, the emulator's rate limit off.
 * The backup runs in its own process (bench/backup-child.ts), whose resident memory is sampled every
 * 100 ms from /proc/<pid>/status (Linux only): plakar runs as that process's children, other
 * processes, and is not counted. The staging folder's disk use is sampled with `du`.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { generateSyntheticWorkspace, startNotionEmulator } from '../testkit/notion-emulator';
import type { SampledRun } from './bench-support';
import { newBenchStore, runInChildSampled } from './bench-support';
import { lowerBoundRequests } from './lower-bound';
import type { BackupRun, SnapshotBrowserMeasure } from './plakar-backups';
import { measureSnapshotBrowser } from './plakar-backups';
import { measureTable } from './plakar-report';

export const SCALE_START = '<!-- scale section: written by `npm run bench -- --only=scale` -->';
export const SCALE_END = '<!-- end of scale section -->';

export interface ScaleMeasure {
  pages: number;
  counts: Record<string, number>;
  full: SampledRun<BackupRun>;
  lowerBound: number;
  storeBytesAfterFull: number;
  changed: number;
  incremental: SampledRun<BackupRun>;
  storeBytesAfterIncremental: number;
  browser: SnapshotBrowserMeasure;
}

async function duBytes(dir: string): Promise<number> {
  const { stdout } = await promisify(execFile)('du', ['-sk', dir]);
  return Number(stdout.split('\t')[0]) * 1024;
}

async function mirrorTree(workDir: string): Promise<string> {
  const mirrors = path.join(workDir, 'mirrors');
  for (const name of await readdir(mirrors)) {
    const tree = path.join(mirrors, name, 'tree');
    if ((await readdir(tree).catch(() => [])).length > 0) return tree;
  }
  throw new Error('the backup kept no local copy of its tree');
}

export async function measureScale(options: { root: string; work: string; plakar: string; pages: number; log?: (line: string) => void }): Promise<ScaleMeasure> {
  const log = options.log ?? (() => undefined);
  // The emulator holds the whole workspace in this process: about 4 GB of heap at 100,000 pages.
  if (options.pages > 20_000 && getHeapStatistics().heap_size_limit < options.pages * 80_000) {
    throw new Error(`the emulator needs a larger heap for ${options.pages} pages: NODE_OPTIONS=--max-old-space-size=${Math.ceil((options.pages * 100_000) / 2 ** 20)} npm run bench -- --only=scale`);
  }
  const synthetic = generateSyntheticWorkspace({ pages: options.pages, seed: 42 });
  const emulator = await startNotionEmulator({ workspace: synthetic.workspace, rateLimit: false });
  try {
    const { base, store, job } = await newBenchStore({ work: options.work, plakar: options.plakar, prefix: `scale-${options.pages}`, emulator });
    const { store: storePath, workDir } = job;
    const disk = { diskDir: path.join(workDir, 'staging'), linkedFrom: path.join(workDir, 'mirrors'), cacheDir: path.join(workDir, 'plakar') };
    const full = await runInChildSampled<BackupRun>(options.root, options.work, 'bench/backup-child.ts', { ...job, full: true }, disk);
    log(`scale ${options.pages}: full backup ${(full.result.wallMs / 1000).toFixed(1)} s, peak RSS ${(full.peakRssBytes / 2 ** 20).toFixed(0)} MB (${peakSplit(full.result)})`);
    const lowerBound = await lowerBoundRequests(await mirrorTree(workDir));
    const storeBytesAfterFull = await duBytes(storePath);
    // 0.1 % of the pages (not rows) edited.
    const dump = emulator.admin.dump() as unknown as { pages: Array<{ id: string; parent: { type: string } }> };
    const changedPages = dump.pages.filter((page) => page.parent.type !== 'data_source_id').filter((_page, index) => index % 1000 === 0);
    for (const page of changedPages) emulator.admin.touchPage(page.id);
    const incremental = await runInChildSampled<BackupRun>(options.root, options.work, 'bench/backup-child.ts', job, disk);
    log(`scale ${options.pages}: incremental backup ${(incremental.result.wallMs / 1000).toFixed(1)} s, peak RSS ${(incremental.peakRssBytes / 2 ** 20).toFixed(0)} MB (${peakSplit(incremental.result)})`);
    const storeBytesAfterIncremental = await duBytes(storePath);
    const snapshots = await store.listSnapshots();
    const oldest = snapshots.at(-1);
    if (!oldest || snapshots.length !== 2) throw new Error('expected two snapshots');
    const browser = await measureSnapshotBrowser(store, path.join(base, 'browser'), oldest.id);
    return {
      pages: options.pages,
      counts: synthetic.counts as unknown as Record<string, number>,
      full,
      lowerBound,
      storeBytesAfterFull,
      changed: changedPages.length,
      incremental,
      storeBytesAfterIncremental,
      browser,
    };
  } finally {
    await emulator.close();
  }
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** What the child's highest RSS was made of: V8's heap (used of total), buffers outside it, and when. */
function peakSplit(run: BackupRun): string {
  const peak = run.peakMemory;
  if (!peak) return 'no split';
  return `while ${peak.phase}: heap ${mb(peak.heapUsed)} used of ${mb(peak.heapTotal)}, external ${mb(peak.external)} incl. array buffers ${mb(peak.arrayBuffers)}; largest heap after a full collection ${mb(peak.liveAfterMajorGc)} while ${peak.livePhase}`;
}
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok: boolean): string => (ok ? '✅' : '❌');

/** Crawl = everything before plakar stores; plakar = storing (backup, id lookup, local copy). */
function split(run: BackupRun): { crawlMs: number; plakarMs: number } {
  const plakarMs = (run.phases.storing ?? 0) + (run.phases.finished ?? 0);
  return { crawlMs: run.wallMs - plakarMs, plakarMs };
}

/** Peak RSS while crawling, and after (reading the tree back, the text index, the catalog, plakar running). */
function rssByPart(run: SampledRun<BackupRun>): string {
  const phases = run.peakRssByPhase;
  const crawl = Math.max(phases.crawling ?? 0, phases['restoring-previous'] ?? 0);
  const after = Math.max(phases.storing ?? 0, phases.finished ?? 0);
  return `crawling ${mb(crawl)}, storing ${mb(after)}`;
}

export function scaleSection(plakarVersion: string, measures: readonly ScaleMeasure[]): string[] {
  const rows: string[] = [];
  const notes: string[] = [];
  for (const m of measures) {
    const n = m.pages.toLocaleString('en');
    const target = m.pages <= 10_000 ? 250 : 300;
    const peak = Math.max(m.full.peakRssBytes, m.incremental.peakRssBytes) / 2 ** 20;
    const full = split(m.full.result);
    const incremental = split(m.incremental.result);
    const ratio = m.full.result.apiCalls / m.lowerBound;
    rows.push(
      `| Peak RSS of the backup process, ${n} pages: full / incremental | **${mb(m.full.peakRssBytes)}** (${rssByPart(m.full)}) / **${mb(m.incremental.peakRssBytes)}** (${rssByPart(m.incremental)}) | ≤ ${target} MB | ${verdict(peak <= target)} |`,
      `| Full-backup requests ÷ lower bound, ${n} pages | ${m.full.result.apiCalls.toLocaleString('en')} ÷ ${m.lowerBound.toLocaleString('en')} = **${ratio.toFixed(3)}** | ≤ 1.05 | ${verdict(ratio <= 1.05)} |`,
      `| Full backup, ${n} pages | **${s(m.full.result.wallMs)}**: crawl ${s(full.crawlMs)}, plakar ${s(full.plakarMs)} | — | — |`,
      `| Snapshot size in the store / peak disk used by staging / by plakar's cache / by both at once, full backup | **${mb(m.storeBytesAfterFull)}** / **${mb(m.full.peakDiskBytes)}** / **${mb(m.full.peakCacheBytes)}** / **${mb(m.full.peakDiskAndCacheBytes)}** | — | — |`,
      `| Incremental backup, ${m.changed} pages (0.1 %) changed | **${s(m.incremental.result.wallMs)}**: crawl ${s(incremental.crawlMs)}, plakar ${s(incremental.plakarMs)}; ${m.incremental.result.apiCalls.toLocaleString('en')} requests; the store grew ${mb(m.storeBytesAfterIncremental - m.storeBytesAfterFull)}; staging peak ${mb(m.incremental.peakDiskBytes)}, with plakar's cache ${mb(m.incremental.peakDiskAndCacheBytes)} | — | — |`,
      `| Snapshot browser on the full ${n}-page snapshot: first open / later open / finding a page by title | **${s(m.browser.firstOpenMs)}** / **${s(m.browser.laterOpenMs)}** / **${m.browser.titleSearchMs} ms** (found: ${m.browser.found ? 'yes' : 'no'}) | — / — / ≤ 1 s | ${verdict(m.browser.found && m.browser.laterOpenMs + m.browser.titleSearchMs <= 1000)} |`,
    );
    notes.push(
      `${n}-page workspace: ${m.counts.pages} pages incl. ${m.counts.rows} rows, ${m.counts.blocks} blocks, ${m.counts.hostedFiles} files. ` +
        `RSS sampled ${m.full.samples} + ${m.incremental.samples} times; the backup process's own maxRSS: ${mb(m.full.result.maxRssBytes)} / ${mb(m.incremental.result.maxRssBytes)}.`,
    );
  }
  return [
    SCALE_START,
    '## Backups at scale',
    '',
    `The real backup job (crawl, then plakar ${plakarVersion} storing into an encrypted store, as the CLI runs it) in its own process (bench/backup-child.ts), on synthetic workspaces (seed 42) with files, the emulator's rate limit off. ` +
      "Its resident memory is sampled every 100 ms from /proc/<pid>/status (VmRSS; Linux only); plakar runs in processes of its own and is not counted. " +
      'Staging disk is `du` of the staging folder, sampled one run after another (files hard-linked from the local copy of the previous snapshot are not counted). ' +
      'The snapshot browser is opened through the app\'s own services with an empty data folder (no catalog, no local copy); a page is then found by its title as the app\'s search does.',
    '',
    ...measureTable(rows, notes),
    SCALE_END,
  ];
}
