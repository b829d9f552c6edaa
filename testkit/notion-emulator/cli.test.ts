import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('npm run emulator', () => {
  it('prints a ready-to-paste NOTION_API_URL and NOTION_TOKEN line that reaches it', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'testkit/notion-emulator/cli.ts'), '--no-rate-limit'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          const match = /^ {2}export NOTION_API_URL=\S+ NOTION_TOKEN=\S+$/m.exec(stdout);
          if (match) resolve(match[0]);
        });
        child.on('exit', () => reject(new Error(`the emulator exited: ${stdout}`)));
      });
      const [, url, token] = /NOTION_API_URL=(\S+) NOTION_TOKEN=(\S+)/.exec(line) ?? [];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/v1/users/me`, { headers: { authorization: `Bearer ${token}`, 'notion-version': '2026-03-11' } });
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
