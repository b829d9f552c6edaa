import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'check-chromium.mjs');
const check = (chromium: string) =>
  spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: chromium }, timeout: 10_000 });

describe('the Chromium check npm test starts with', () => {
  it('says in one line how to install Chromium when it is missing', () => {
    const result = check('/nonexistent/chromium');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^The e2e tests need Chromium at \/nonexistent\/chromium: install it .*apt-get install chromium.*CHROMIUM_PATH/)]);
  });

  it('passes quietly when the executable is there', () => {
    const result = check(process.execPath);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
