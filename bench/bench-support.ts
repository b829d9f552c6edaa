// Helpers shared by the bench's measures.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { mkdtemp } from 'node:fs/promises';
import { build } from 'esbuild';
import { plakarDirsUnder } from '../electron/engine/plakar/process';
import { PlakarStore } from '../electron/engine/plakar/store';
import type { RunningEmulator } from '../testkit/notion-emulator';

const bundles = new Map<string, Promise<string>>();

/**
 * Runs a bench entry (e.g. bench/crawl-child.ts) in its own Node process, so its memory and disk
 * I/O are measured apart from the emulator: bundled once per run, given a JSON job on argv[2], and
 * answering with one JSON line on stdout.
 */
function bundled(root: string, work: string, entry: string): Promise<string> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    const outfile = path.join(work, `${path.basename(entry, '.ts')}.mjs`);
    bundle = build({ entryPoints: [path.join(root, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' }).then(() => outfile);
    bundles.set(entry, bundle);
  }
  return bundle;
}

export async function runInChild<T>(root: string, work: string, entry: string, job: Record<string, unknown>): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, [await bundled(root, work, entry), JSON.stringify(job)], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T;
}

/** Runs the child and kills it (SIGKILL, as a crash or kill -9 would) once `killNow` says so. */
export async function runInChildUntilKilled(root: string, work: string, entry: string, job: Record<string, unknown>, killNow: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [await bundled(root, work, entry), JSON.stringify(job)], { cwd: root, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const timer = setInterval(() => {
    if (killNow()) child.kill('SIGKILL');
  }, 50);
  await exited;
  clearInterval(timer);
}

/** Edits 1 % of the workspace's pages (not database rows) in the emulator; returns both counts. */
export function touchOnePercentOfPages(emulator: RunningEmulator): { changed: number; total: number } {
  const dump = emulator.admin.dump() as unknown as { pages: Array<{ id: string; parent: { type: string } }> };
  const regular = dump.pages.filter((page) => page.parent.type !== 'data_source_id');
  const changed = regular.filter((_page, index) => index % 100 === 0);
  for (const page of changed) emulator.admin.touchPage(page.id);
  return { changed: changed.length, total: regular.length };
}

export interface SampledRun<T> {
  result: T;
  /** Peak VmRSS of the child process itself (its own children, e.g. plakar, are other processes). */
  peakRssBytes: number;
  /** Peak RSS by the phase the child last reported on stderr (`phase:<name>` lines). */
  peakRssByPhase: Record<string, number>;
  /** Peak disk used by `diskDir` (du -sk, sampled), not counting files hard-linked from `linkedFrom`. */
  peakDiskBytes: number;
  /** Peak disk used by `cacheDir` (plakar's cache), and by both folders in one sample. */
  peakCacheBytes: number;
  peakDiskAndCacheBytes: number;
  samples: number;
}

function vmRssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // exited
  }
}

/**
 * Runs a bench entry in its own process like runInChild, sampling that process's resident memory
 * every 100 ms from /proc/<pid>/status (Linux only) and, one `du` at a time, the disk used by
 * `diskDir`. `du` is given `linkedFrom` first, so files there hard-linked into `diskDir` (reused from
 * the local copy) are counted once, in `linkedFrom`, not as disk the staging takes.
 */
export async function runInChildSampled<T>(
  root: string,
  work: string,
  entry: string,
  job: Record<string, unknown>,
  disk?: { diskDir: string; linkedFrom?: string; cacheDir?: string },
): Promise<SampledRun<T>> {
  // As the CLI runs: without the bench's own NODE_OPTIONS (a larger heap for a 100,000-page emulator).
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [await bundled(root, work, entry), JSON.stringify(job)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid ?? 0;
  let stdout = '';
  let stderr = '';
  let phase = 'start';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    const phases = [...stderr.matchAll(/^phase:(\S+)$/gm)];
    phase = phases.at(-1)?.[1] ?? phase;
    if (stderr.length > 1 << 20) stderr = stderr.slice(-4096);
  });
  const peakRssByPhase: Record<string, number> = {};
  let peakRssBytes = 0;
  let samples = 0;
  const sample = () => {
    const rss = vmRssBytes(pid);
    samples += 1;
    peakRssBytes = Math.max(peakRssBytes, rss);
    peakRssByPhase[phase] = Math.max(peakRssByPhase[phase] ?? 0, rss);
  };
  const timer = setInterval(sample, 100);
  let running = true;
  let peakDiskBytes = 0;
  let peakCacheBytes = 0;
  let peakDiskAndCacheBytes = 0;
  const diskLoop = (async () => {
    if (!disk) return;
    while (running) {
      const dirs = [disk.linkedFrom, disk.diskDir, disk.cacheDir].filter((dir): dir is string => dir !== undefined && existsSync(dir));
      if (dirs.length > 0) {
        const { stdout: du } = await promisify(execFile)('du', ['-sk', ...dirs], { maxBuffer: 1 << 20 }).catch(() => ({ stdout: '' }));
        const bytesOf = (dir: string | undefined): number => {
          const line = dir === undefined ? undefined : du.split('\n').find((row) => row.endsWith(`\t${dir}`));
          return line ? Number(line.split('\t')[0]) * 1024 : 0;
        };
        const [staged, cache] = [bytesOf(disk.diskDir), bytesOf(disk.cacheDir)];
        peakDiskBytes = Math.max(peakDiskBytes, staged);
        peakCacheBytes = Math.max(peakCacheBytes, cache);
        peakDiskAndCacheBytes = Math.max(peakDiskAndCacheBytes, staged + cache);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  clearInterval(timer);
  running = false;
  await diskLoop;
  if (code !== 0) throw new Error(`${entry} exited with ${code}: ${stderr.slice(-2000)}`);
  return { result: JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T, peakRssBytes, peakRssByPhase, peakDiskBytes, peakCacheBytes, peakDiskAndCacheBytes, samples };
}

const PASSPHRASE = 'bench passphrase, long enough 2026';

/** What bench/backup-child.ts needs to back the emulator's workspace up into a store. */
export type BackupChildJob = { url: string; token: string; plakar: string; store: string; passphrase: string; workDir: string };

/**
 * A new store in a folder of its own under `work` (`<prefix>-…/store`, the app's data in `app`), and
 * the job that backs the emulator's workspace up into it.
 */
export async function newBenchStore(options: { work: string; plakar: string; prefix: string; emulator: RunningEmulator }): Promise<{ base: string; store: PlakarStore; job: BackupChildJob }> {
  const base = await mkdtemp(path.join(options.work, `${options.prefix}-`));
  const storePath = path.join(base, 'store');
  const workDir = path.join(base, 'app');
  const store = new PlakarStore({ bin: options.plakar, dirs: plakarDirsUnder(path.join(workDir, 'plakar')), location: storePath, passphrase: PASSPHRASE });
  await store.create();
  return { base, store, job: { url: options.emulator.url, token: options.emulator.tokens.full, plakar: options.plakar, store: storePath, passphrase: PASSPHRASE, workDir } };
}
