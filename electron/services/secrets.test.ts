import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scratchDir } from '../../testkit/support/crawl';
import type { SecretCipher } from './secrets';
import { InsecureSecretStorageError, SecretVault, testOnlyCipher } from './secrets';

let dir: string;
beforeEach(async () => {
  dir = await scratchDir('secrets-');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const secureCipher: SecretCipher = { ...testOnlyCipher('secure test'), backend: 'keychain (test)', secure: true };

describe('SecretVault', () => {
  it('stores secrets encrypted, one 0600 file each, and reads them back', async () => {
    const vault = new SecretVault(dir, secureCipher);
    await vault.save('notion-token', 'ntn_secret_value_123');
    await vault.save('store-passphrase', 'correct horse battery staple');
    expect(await vault.read('notion-token')).toBe('ntn_secret_value_123');
    const files = await readdir(path.join(dir, 'secrets'));
    expect(files.sort()).toEqual(['notion-token.bin', 'store-passphrase.bin']);
    for (const file of files) {
      const full = path.join(dir, 'secrets', file);
      expect((await stat(full)).mode & 0o777).toBe(0o600);
      expect((await readFile(full)).toString('latin1')).not.toContain('ntn_secret_value_123');
    }
    await vault.remove('notion-token');
    expect(await vault.read('notion-token')).toBeUndefined();
  });

  it('refuses to save with an insecure backend unless the user accepted it', async () => {
    await expect(new SecretVault(dir, testOnlyCipher()).save('notion-token', 'x')).rejects.toBeInstanceOf(InsecureSecretStorageError);
    await new SecretVault(dir, testOnlyCipher(), true).save('notion-token', 'x');
    expect(await new SecretVault(dir, testOnlyCipher()).read('notion-token')).toBe('x');
  });

  it('does not decrypt with another key', async () => {
    await new SecretVault(dir, secureCipher).save('notion-token', 'x');
    await expect(new SecretVault(dir, testOnlyCipher('other')).read('notion-token')).rejects.toThrow();
  });
});
