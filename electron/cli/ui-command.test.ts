import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useScratchDir } from '../../testkit/support/crawl';
import { waitFor } from '../../testkit/support/cli';
import { hasDisplay } from './ui-command';

// `notion-plakar ui` as the built executable: what it prints, where the access link goes, how it stops.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let scratch: string;

beforeAll(async () => {
  if (!existsSync(path.join(root, 'out/renderer/index.html'))) throw new Error('Build the renderer first (`npm run build`; npm test does).');
  // @ts-expect-error plain ESM build script without type declarations
  const { buildEntry } = (await import('../../scripts/build-node.mjs')) as { buildEntry: (name: string) => Promise<string> };
  await buildEntry('cli');
}, 60_000);
useScratchDir('cli-ui-', (made) => (scratch = made));

function startUi(args: string[]) {
  const child = spawn(process.execPath, [path.join(root, 'bin/notion-plakar.js'), 'ui', '--no-open', ...args], {
    env: { PATH: process.env.PATH, HOME: scratch, NOTION_PLAKAR_DATA_DIR: path.join(scratch, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

function get(url: string): Promise<{ status: number; cookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, cookie: response.headers['set-cookie']?.[0] });
    }).on('error', reject);
  });
}

describe('notion-plakar ui', () => {
  it('keeps the access link out of its output and logs, in a private file, and stops cleanly on SIGTERM', async () => {
    const ui = startUi([]);
    // Its three lines are three writes, and a pipe may hand them over one at a time: wait for the last.
    await waitFor(() => (ui.stdout().includes('Ctrl-C stops it.') ? true : undefined), 20_000);
    const origin = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(ui.stdout())?.[1];
    const addressFile = path.join(scratch, 'data', 'ui-address');
    expect(ui.stdout()).toContain(addressFile);
    const link = (await readFile(addressFile, 'utf8')).trim();
    expect(link).toMatch(new RegExp(`^${origin}/\\?token=[A-Za-z0-9_-]{43}$`));
    expect((await stat(addressFile)).mode & 0o077).toBe(0);
    const token = new URL(link).searchParams.get('token') ?? '';

    expect((await get(`${origin}/`)).status).toBe(401);
    const visit = await get(link);
    expect(visit.status).toBe(303);
    expect(visit.cookie).toContain(token);

    ui.child.kill('SIGTERM');
    expect(await ui.exited).toBe(0);
    expect(ui.stdout()).toContain('Stopped.');
    expect(ui.stdout() + ui.stderr()).not.toContain(token);
    const logs = path.join(scratch, 'data', 'logs');
    for (const file of await readdir(logs)) expect(await readFile(path.join(logs, file), 'utf8')).not.toContain(token);
    await expect(get(`${origin}/`)).rejects.toThrow();
  });

  it('says which port is taken and what to do', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const ui = startUi(['--port', String(port)]);
      expect(await ui.exited).toBe(1);
      expect(ui.stderr()).toBe(`notion-plakar: Port ${port} is already in use: choose another with --port, or --port 0 for any free port.\n`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is not one', async () => {
    const ui = startUi(['--port', '70000']);
    expect(await ui.exited).toBe(2);
    expect(ui.stderr()).toContain('must be a port number from 1 to 65535');
  });

  it('opens a browser only where there is a display', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });
});
