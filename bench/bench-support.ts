// Helpers shared by the bench's measures.
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
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
