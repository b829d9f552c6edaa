import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileKeyCipher } from './file-key-cipher';

describe('the browser mode’s key-file cipher', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'key-cipher-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('says it is not secure, so the user is asked first', () => {
    expect(fileKeyCipher(dir)).toMatchObject({ secure: false, backend: 'key file' });
  });

  it('makes a private random key on first use and reads it back in the next run', async () => {
    const sealed = fileKeyCipher(dir).encrypt('ntn_secret');
    expect(sealed.toString('utf8')).not.toContain('ntn_secret');
    const keyFile = path.join(dir, 'secrets', 'browser-mode.key');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(keyFile))).mode & 0o077).toBe(0);
    expect(fileKeyCipher(dir).decrypt(sealed)).toBe('ntn_secret');
  });

  it('keys differ between data folders', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'key-cipher-'));
    try {
      expect(() => fileKeyCipher(other).decrypt(fileKeyCipher(dir).encrypt('x'))).toThrow();
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('refuses a key file it did not write, saying what to do', async () => {
    fileKeyCipher(dir).encrypt('x');
    const keyFile = path.join(dir, 'secrets', 'browser-mode.key');
    await writeFile(keyFile, 'short');
    expect(() => fileKeyCipher(dir).encrypt('x')).toThrow(/not a key this app wrote.*enter the secrets again/);
    expect(await readFile(keyFile, 'utf8')).toBe('short');
  });
});
