/**
 * Test sandboxes for the plakar contract tests: private config/cache/data dirs (the adapter's
 * XDG layout) under a fresh temp dir, and a `run` that goes through the adapter's own process
 * runner, so tests see plakar exactly as the app does (argv0 "plakar", detached, no tty).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { plakarDirsUnder, runPlakar, type PlakarDirs } from '../../electron/engine/plakar/process';
import { plakarBinUnderTest } from './index';

export interface RunResult {
  code: number | null;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
  cancelled: boolean;
}

export interface RunOptions {
  passphrase?: string;
  cwd?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  onStdoutLine?: (line: string) => void;
}

export interface Sandbox {
  root: string;
  dirs: PlakarDirs;
  /** `<XDG_CONFIG_HOME>/plakar`, where stores.yml and standin-control.json live. */
  configDir: string;
  /** `<XDG_CACHE_HOME>/plakar` */
  cacheDir: string;
  p(...parts: string[]): string;
  run(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  cleanup(): Promise<void>;
}

/**
 * Plakar's own directories (config/cache/data), shareable by several sandboxes: `-disable-security-check`
 * then runs once per cache dir rather than once per test.
 */
export interface PlakarHome {
  root: string;
  dirs: PlakarDirs;
  cleanup(): Promise<void>;
}

export async function makeHome(options: { disableSecurityCheck?: boolean; bin?: string } = {}): Promise<PlakarHome> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'plakar-home-'));
  const home: PlakarHome = { root, dirs: plakarDirsUnder(root), cleanup: () => rm(root, { recursive: true, force: true }) };
  if (options.disableSecurityCheck !== false) {
    const result = await runPlakar({ bin: options.bin ?? plakarBinUnderTest(), args: ['-disable-security-check'], dirs: home.dirs, timeoutMs: 20_000 });
    if (result.exitCode !== 0) throw new Error(`-disable-security-check failed: ${result.stderr}`);
  }
  return home;
}

/**
 * A temp working dir for stores and sources; with no `home`, a private one (removed with it).
 * `bin`: the plakar to run (default: the plakar under test).
 */
export async function makeSandbox(home?: PlakarHome, bin = plakarBinUnderTest()): Promise<Sandbox> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'plakar-contract-'));
  const own = home ? undefined : await makeHome({ bin });
  const dirs = (home ?? own)?.dirs ?? plakarDirsUnder(root);
  return {
    root,
    dirs,
    configDir: path.join(dirs.configHome, 'plakar'),
    cacheDir: path.join(dirs.cacheHome, 'plakar'),
    p: (...parts) => path.join(root, ...parts),
    run: async (args, runOptions = {}) => {
      const result = await runPlakar({
        bin,
        args,
        dirs,
        passphrase: runOptions.passphrase,
        cwd: runOptions.cwd ?? root,
        signal: runOptions.signal,
        timeoutMs: runOptions.timeoutMs ?? 20_000,
        onStdoutLine: runOptions.onStdoutLine,
      });
      if (result.spawnError) throw result.spawnError;
      return {
        code: result.exitCode,
        stdout: result.stdout.toString('utf8'),
        stdoutBytes: result.stdout,
        stderr: result.stderr,
        cancelled: result.cancelled,
      };
    },
    cleanup: async () => {
      await rm(root, { recursive: true, force: true });
      await own?.cleanup();
    },
  };
}

/** Writes files (relative path → content) under `dir`, creating parents. */
export async function writeTree(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}

export const lines = (text: string): string[] => text.split('\n').filter((line) => line.length > 0);

/** The snapshot-list regex suggested by plakar-cli.md §7.2. */
export const LS_LINE = /^(\S+)\s+([0-9a-f]{8}|[0-9a-f]{64})\s+(\d+(?:\.\d)? (?:B|[KMGTPE]iB))\s+(\S+) (.*?)(?: tags=(\S*))?$/;

/** `ls SNAP[:PATH]` content lines: mtime, mode, user, group, size, name. */
export const LS_ENTRY = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (\S+)\s+(\S+)\s+(\S+)\s+(\d+(?:\.\d)? (?:B|[KMGTPE]iB)) (.+)$/;

const SIZE = String.raw`\d+(?:\.\d)? (?:B|[KMGTPE]iB)`;
/** The `result` event line, e.g. `1a2b3c4d: backup completed without errors in 1.2s (in: 0 B, out: 1.8 KiB)`. */
export const RESULT_LINE = new RegExp(String.raw`^([0-9a-f]{8}): (backup|check) completed (without errors|with (\d+) errors?) in (\S+) \(in: (${SIZE}), out: (${SIZE})\)$`);

export function resultLines(stdout: string): RegExpExecArray[] {
  return lines(stdout).flatMap((line) => {
    const match = RESULT_LINE.exec(line);
    return match ? [match] : [];
  });
}

/** Parses an IBytes string ("1.8 KiB") back to an approximate byte count. */
export function parseIBytes(text: string): number {
  const [value = '0', unit = 'B'] = text.split(' ');
  const scale = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, PiB: 1024 ** 5, EiB: 1024 ** 6 }[unit] ?? 1;
  return Number(value) * scale;
}
