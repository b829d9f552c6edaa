import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Encrypts secrets at rest. In the app it is Electron's safeStorage (Keychain, DPAPI, or the Linux
 * secret service); `secure` is false when Linux falls back to its fixed "basic_text" key.
 */
export interface SecretCipher {
  readonly backend: string;
  readonly secure: boolean;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

export type SecretName = 'notion-token' | 'store-passphrase';

export class InsecureSecretStorageError extends Error {
  override readonly name = 'InsecureSecretStorageError';
}

/**
 * Secrets kept only in the main process, each in its own 0600 file under `<data dir>/secrets`,
 * encrypted by the cipher. They are never sent to the renderer, logged, or put in argv.
 */
export class SecretVault {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly cipher: SecretCipher,
    /** Allow saving with an insecure backend (the user accepted the warning); read at each save. */
    private readonly allowInsecure: boolean | (() => boolean) = false,
  ) {
    this.dir = path.join(dataDir, 'secrets');
  }

  get backend(): string {
    return this.cipher.backend;
  }

  get secure(): boolean {
    return this.cipher.secure;
  }

  private file(name: SecretName): string {
    return path.join(this.dir, `${name}.bin`);
  }

  async save(name: SecretName, value: string): Promise<void> {
    const allowed = typeof this.allowInsecure === 'function' ? this.allowInsecure() : this.allowInsecure;
    if (!this.cipher.secure && !allowed) {
      throw new InsecureSecretStorageError(
        `This system has no secure key store (${this.cipher.backend}): secrets would be stored with a publicly ` +
          'known key. Install and unlock a keyring (GNOME Keyring or KWallet), then restart the app.',
      );
    }
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFile(this.file(name), this.cipher.encrypt(value), { mode: 0o600 });
  }

  async read(name: SecretName): Promise<string | undefined> {
    let data: Buffer;
    try {
      data = await readFile(this.file(name));
    } catch {
      return undefined;
    }
    return this.cipher.decrypt(data);
  }

  async has(name: SecretName): Promise<boolean> {
    return (await this.read(name).catch(() => undefined)) !== undefined;
  }

  async remove(name: SecretName): Promise<void> {
    await rm(this.file(name), { force: true });
  }
}

/**
 * For tests and the e2e harness only (no Electron there): AES-256-GCM with a key derived from a label.
 * It reports itself as not secure, so nothing mistakes it for real protection.
 */
export function testOnlyCipher(label = 'notion-plakar test cipher'): SecretCipher {
  const key = createHash('sha256').update(label).digest();
  return {
    backend: 'test-only',
    secure: false,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
