import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { installedElectron } from './electron-binary.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'electron-binary.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 10_000 });

describe.skipIf((installedElectron as () => string | null)() !== null)('without Electron’s binary', () => {
  it('npm install only says, in one line, what the desktop window needs', () => {
    const notice = run('--notice');
    expect(notice.status).toBe(0);
    expect(notice.stdout.trim().split('\n')).toEqual([expect.stringContaining("The desktop window needs Electron's binary")]);
  });

  it('npm start says so in one line and serves the app to a browser instead', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'npm-start-'));
    const env = { PATH: process.env.PATH, HOME: dataDir, NOTION_PLAKAR_DATA_DIR: dataDir };
    const start = spawn(process.execPath, [script, '--start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    start.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => start.on('exit', (code) => resolve(code)));
    try {
      for (let waited = 0; !output.includes('running at') && waited < 20_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      const lines = output.trim().split('\n');
      expect(lines[0]).toMatch(/^Electron's binary is not installed here.*npx install-electron.*starting the app in your browser instead/);
      expect(lines[1]).toMatch(/^Notion Kloset Backup is running at http:\/\/127\.0\.0\.1:\d+$/);
      expect(output).not.toMatch(/failed to install correctly|ENOTFOUND/);
    } finally {
      start.kill('SIGTERM');
      expect(await exited).toBe(0);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
