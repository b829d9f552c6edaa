import { spawnSync } from 'node:child_process';
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

  it('npm start says so in one line instead of an Electron install error', () => {
    const start = run('--start');
    expect(start.status).toBe(1);
    expect(start.stderr.trim()).toMatch(/^The desktop window needs Electron's binary.*npx install-electron.*npx notion-plakar --help/);
    expect(start.stderr).not.toMatch(/failed to install correctly|ENOTFOUND/);
  });
});
