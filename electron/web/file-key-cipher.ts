import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretCipher } from '../services/secrets';

/**
 * The browser mode's secret cipher: plain Node has no access to the system's keyring, so secrets are
 * encrypted (AES-256-GCM) with a random key kept in its own 0600 file beside them. Anyone who can
 * read the user's files can read both, so it reports itself as not secure and the user must accept
 * that in a dialog first, as with Electron's "basic_text" fallback on Linux.
 */
export function fileKeyCipher(dataDir: string): SecretCipher {
  const keyFile = path.join(dataDir, 'secrets', 'browser-mode.key');
  let key: Buffer | undefined;
  const loadKey = (): Buffer => {
    if (key) return key;
    try {
      key = readFileSync(keyFile);
    } catch {
      mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
      const fresh = randomBytes(32);
      // 'wx': never replace a key another process wrote meanwhile; read that one instead.
      try {
        writeFileSync(keyFile, fresh, { mode: 0o600, flag: 'wx' });
        key = fresh;
      } catch {
        key = readFileSync(keyFile);
      }
    }
    if (key.length !== 32) throw new Error(`${keyFile} is not a key this app wrote (wrong length): move it away and enter the secrets again.`);
    return key;
  };
  return {
    backend: 'key file',
    secure: false,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', loadKey(), data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
