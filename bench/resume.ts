/**
 * A crawl killed half-way (SIGKILL, as a crash would) and resumed: the requests both runs sent
 * against an uninterrupted crawl's, and whether the resumed tree is byte for byte the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunningEmulator } from '../testkit/notion-emulator';
import { runInChildUntilKilled } from './bench-support';

export const RESUME_START = '<!-- resume section: written by `npm run bench -- --only=resume` -->';
export const RESUME_END = '<!-- end of resume section -->';

interface CrawlOutcome {
  apiCalls: number;
  counts: Record<string, number>;
}

export interface ResumeDeps {
  root: string;
  work: string;
  outputDir: (name: string) => Promise<string>;
  crawlInChild: (job: Record<string, unknown>) => Promise<CrawlOutcome>;
}

/** Hash of every file of a tree but manifest.json (which says when and how the crawl ran). */
async function treeHashes(root: string, relative = '', hashes = new Map<string, string>()): Promise<Map<string, string>> {
  for (const item of await readdir(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${item.name}` : item.name;
    if (item.isDirectory()) await treeHashes(root, child, hashes);
    else if (child !== 'manifest.json') hashes.set(child, createHash('sha256').update(await readFile(path.join(root, child))).digest('hex'));
  }
  return hashes;
}

function checkpointLines(dir: string): number {
  const file = path.join(dir, 'checkpoint.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').length : 0;
}

async function measureResume(emulator: RunningEmulator, deps: ResumeDeps, pages: number): Promise<string[]> {
  const job = { url: emulator.url, token: emulator.tokens.full, requestsPerSecond: 5000, burst: 100, concurrency: 16 };
  const wholeDir = await deps.outputDir('resume-whole');
  const whole = await deps.crawlInChild({ ...job, outputDir: wholeDir });
  const total = (whole.counts.pages ?? 0) + (whole.counts.rows ?? 0);
  const work = await deps.outputDir('resume-work');
  const tree = path.join(work, 'tree');
  await mkdir(tree, { mode: 0o700 });
  const startedAt = new Date().toISOString();
  emulator.admin.resetCounts();
  await runInChildUntilKilled(deps.root, deps.work, 'bench/crawl-child.ts', { ...job, outputDir: tree, checkpointDir: work }, () => checkpointLines(work) >= total / 2);
  const killedCalls = emulator.admin.requestCounts().total;
  const stored = checkpointLines(work);
  const resumed = await deps.crawlInChild({ ...job, outputDir: tree, checkpointDir: work, resumeSince: startedAt });
  const ratio = (killedCalls + resumed.apiCalls) / whole.apiCalls;
  const [expected, actual] = await Promise.all([treeHashes(wholeDir), treeHashes(tree)]);
  const differing = [...new Set([...expected.keys(), ...actual.keys()])].filter((name) => expected.get(name) !== actual.get(name));
  return [
    ratioRow(pages, whole.apiCalls, killedCalls, resumed.apiCalls, ratio),
    `| Same run: the resumed snapshot against the uninterrupted one (every file but manifest.json) | ${differing.length === 0 ? `**identical**, ${expected.size.toLocaleString('en')} files` : `**${differing.length} files differ**`} | identical | ${differing.length === 0 ? '✅' : '❌'} |`,
    `Killed (SIGKILL) once ${stored.toLocaleString('en')} of ${total.toLocaleString('en')} pages and rows were recorded as stored; the resumed crawl reused ${(resumed.counts.reusedPages ?? 0).toLocaleString('en')} of them.`,
  ];
}

function ratioRow(pages: number, whole: number, killed: number, resumed: number, ratio: number): string {
  return (
    `| Killed half-way, then resumed: (requests before the kill + after) ÷ an uninterrupted crawl's (${pages.toLocaleString('en')}-page synthetic workspace) | ` +
    `(${killed.toLocaleString('en')} + ${resumed.toLocaleString('en')}) ÷ ${whole.toLocaleString('en')} = **${ratio.toFixed(3)}** | ≤ 1.05 | ${ratio <= 1.05 ? '✅' : '❌'} |`
  );
}

/** The section of bench/RESULTS.md: one crawl killed half-way and resumed, on `pages` pages. */
export async function resumeSection(pages: number, deps: ResumeDeps, withSynthetic: <T>(pages: number, run: (emulator: RunningEmulator) => Promise<T>) => Promise<T>): Promise<string[]> {
  const [ratio, identical, note] = await withSynthetic(pages, (emulator) => measureResume(emulator, deps, pages));
  return [
    RESUME_START,
    '## Resuming an interrupted backup',
    '',
    '| measure | value | target | verdict |',
    '| --- | --- | --- | --- |',
    ratio ?? '',
    identical ?? '',
    '',
    `${note ?? ''} The emulator's rate limit is off; the requests before the kill are counted by the emulator, those after by the crawl.`,
    RESUME_END,
  ];
}
