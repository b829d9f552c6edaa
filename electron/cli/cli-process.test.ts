import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { plakarBinUnderTest, plakarUnderTestLabel } from '../../testkit/plakar-standin';
import { useEmulatorAndScratch } from '../../testkit/support/crawl';
import { waitFor } from '../../testkit/support/cli';
import { runCli } from './program';

// The built CLI as a child process: signals, pipes and exit codes are the process's business.
const PASSPHRASE = 'cli process test passphrase 2026';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let emulator: RunningEmulator;
let scratch: string;

useEmulatorAndScratch('cli-process-', (setup) => ({ emulator, scratch } = setup));
beforeAll(async () => {
  // @ts-expect-error plain ESM build script without type declarations
  const { buildEntry } = (await import('../../scripts/build-node.mjs')) as { buildEntry: (name: string) => Promise<string> };
  await buildEntry('cli');
}, 60_000);

const store = () => path.join(scratch, 'store');
const dataDir = () => path.join(scratch, 'data');

function env(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: scratch,
    NOTION_PLAKAR_DATA_DIR: dataDir(),
    PLAKAR_BIN: plakarBinUnderTest(),
    PLAKAR_PASSPHRASE: PASSPHRASE,
    NOTION_TOKEN: emulator.tokens.full,
    NOTION_API_URL: emulator.url,
  };
}

interface Spawned {
  child: ReturnType<typeof spawn>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  stdout: () => string;
}

function start(args: string[]): Spawned {
  const child = spawn(process.execPath, [path.join(root, 'bin/notion-plakar.js'), ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stderr: () => stderr, stdout: () => stdout };
}

async function init(): Promise<void> {
  const code = await runCli(['init', '--store', store()], { stdout: () => undefined, stderr: () => undefined, env: env() });
  expect(code).toBe(0);
}

describe('--rate is bounded to 0.1–100 requests per second', () => {
  it.each(['0', '1e-9', '0.001', '0.05', 'NaN', '', '-3', '101', '1e9', 'Infinity', 'fast'])('%j is a usage error before anything runs', async (rate) => {
    let stderr = '';
    const code = await runCli(['backup', '--store', store(), '--rate', rate], { stdout: () => undefined, stderr: (text) => (stderr += text), env: env() });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--rate.*from 0\.1 to 100/);
    await expect(stat(dataDir())).rejects.toThrow();
  });

  it('the restore command too, and the bounds themselves are accepted', async () => {
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (text: string) => (stderr += text), env: env() };
    expect(await runCli(['restore', 'abc', '--store', store(), '--to-notion', '0'.repeat(32), '--rate', '1e-9'], io)).toBe(2);
    expect(stderr).toMatch(/from 0\.1 to 100/);
    stderr = '';
    // In range: past the option check (the store does not exist, so the command itself fails).
    expect(await runCli(['backup', '--store', store(), '--rate', '0.1'], io)).toBe(1);
    expect(await runCli(['backup', '--store', store(), '--rate', '100'], io)).toBe(1);
    expect(stderr).not.toMatch(/--rate/);
  });

  it('the executable exits at once with one message, no timer warnings', async () => {
    const run = start(['backup', '--store', store(), '--rate', '1e-9']);
    expect((await run.exited).code).toBe(2);
    expect(run.stderr()).not.toMatch(/TimeoutOverflowWarning|Cancelled/);
    expect(run.stderr()).toMatch(/from 0\.1 to 100/);
  });
});

describe(`SIGINT and SIGTERM end the process within 5 s, with ${plakarUnderTestLabel()}`, () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s while the rate limiter waits: exits, and no staging is left', async (signal) => {
    await init();
    // At 0.1 requests per second the limiter waits 10 s between requests once the burst is spent.
    const run = start(['backup', '--store', store(), '--rate', '0.1', '--json']);
    await waitFor(() => (run.stderr().includes('"phase":"crawling"') ? true : undefined), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sentAt = Date.now();
    run.child.kill(signal);
    const { code } = await run.exited;
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(run.stderr()).not.toMatch(/TimeoutOverflowWarning|\n\s+at /);
    const staging = path.join(dataDir(), 'staging');
    const left = await readdir(staging).catch(() => []);
    // Whatever is left was said so, and is private.
    for (const name of left) {
      expect(run.stderr()).toContain(name);
      expect((await stat(path.join(staging, name))).mode & 0o077).toBe(0);
    }
    expect(left).toEqual([]);
    expect((await stat(dataDir())).mode & 0o077).toBe(0);
  }, 40_000);
});

describe(`kill -9 in the middle of a crawl, with ${plakarUnderTestLabel()}`, () => {
  /** Pages the interrupted backup stored for good: lines of its checkpoint. */
  function storedPages(): number {
    const staging = path.join(dataDir(), 'staging');
    const folder = existsSync(staging) ? readdirSync(staging).find((name) => name.startsWith('resume-')) : undefined;
    const file = folder ? path.join(staging, folder, 'checkpoint.jsonl') : undefined;
    return file && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').length : 0;
  }

  it('the next backup resumes what was stored, and leaves nothing once stored', async () => {
    await init();
    const run = start(['backup', '--store', store(), '--rate', '40', '--json']);
    await waitFor(() => (storedPages() >= 40 ? true : undefined), 60_000);
    run.child.kill('SIGKILL');
    await run.exited;
    const stored = storedPages();
    const next = start(['backup', '--store', store(), '--rate', '100', '--json']);
    expect((await next.exited).code, next.stderr()).toBe(0);
    const result = JSON.parse(next.stdout()) as { reusedPages: number; pages: number; rows: number };
    expect(result.reusedPages).toBeGreaterThanOrEqual(stored - 1);
    expect(result.pages + result.rows).toBe(richWorkspaceFacts.fullCrawl.pages);
    expect(storedPages()).toBe(0);
  }, 120_000);
});

describe(`a closed stdout (\`snapshots | head -1\`), with ${plakarUnderTestLabel()}`, () => {
  it('ends quietly: no EPIPE stack trace', async () => {
    await init();
    const run = start(['snapshots', '--store', store()]);
    // The reader goes away before the CLI writes its first line.
    run.child.stdout?.destroy();
    const { code, signal } = await run.exited;
    expect(run.stderr()).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(signal).toBeNull();
    expect(code).toBe(0);
  });
});
