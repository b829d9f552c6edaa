/**
 * Store crypto for the stand-in: scrypt KDF (a real kloset KDF option), a canary that verifies the
 * passphrase without storing it, HMAC-SHA256 sub-keys, content MACs (SHA-256, or HMAC-SHA256 keyed
 * by the store key when encrypted, so blob names reveal nothing), AES-256-GCM sealing and raw
 * deflate compression. Real plakar uses BLAKE3/LZ4/AES-GCM-SIV; the on-disk format is not shared.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scryptSync } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ScryptParams {
  saltSize: number;
  N: number;
  R: number;
  P: number;
  keyLen: number;
}

export interface KdfParams {
  kdf: 'SCRYPT';
  salt: string;
  scrypt: ScryptParams;
}

export function newKdfParams(): KdfParams {
  const saltSize = 16;
  return { kdf: 'SCRYPT', salt: randomBytes(saltSize).toString('hex'), scrypt: { saltSize, N: 1 << 14, R: 8, P: 1, keyLen: 32 } };
}

export function deriveKey(params: KdfParams, passphrase: string): Buffer {
  const { N, R, P, keyLen } = params.scrypt;
  return scryptSync(Buffer.from(passphrase, 'utf8'), Buffer.from(params.salt, 'hex'), keyLen, {
    N,
    r: R,
    p: P,
    maxmem: 256 * N * R + 1024 * 1024,
  });
}

function subkey(key: Buffer, purpose: string): Buffer {
  return createHmac('sha256', key).update(`plakar-standin/${purpose}`).digest();
}

export interface StoreKeys {
  data: Buffer;
  mac: Buffer;
}

export function storeKeys(key: Buffer): StoreKeys {
  return { data: subkey(key, 'data'), mac: subkey(key, 'mac') };
}

const CANARY_TEXT = Buffer.from('plakar-standin canary v1');

/** A sealed known plaintext: it opens only with the key derived from the right passphrase. */
export function makeCanary(key: Buffer): string {
  return seal(CANARY_TEXT, subkey(key, 'canary')).toString('hex');
}

export function verifyCanary(canaryHex: string, key: Buffer): boolean {
  try {
    return open(Buffer.from(canaryHex, 'hex'), subkey(key, 'canary')).equals(CANARY_TEXT);
  } catch {
    return false;
  }
}

/** Content MAC in hex: SHA-256 for plaintext stores, HMAC-SHA256 for encrypted ones. */
export function computeMac(data: Uint8Array, macKey: Buffer | undefined): string {
  return (macKey ? createHmac('sha256', macKey) : createHash('sha256')).update(data).digest('hex');
}

export interface MacHasher {
  update(data: Uint8Array): void;
  digest(): string;
}

export function macHasher(macKey: Buffer | undefined): MacHasher {
  const hash = macKey ? createHmac('sha256', macKey) : createHash('sha256');
  return { update: (data) => void hash.update(data), digest: () => hash.digest('hex') };
}

/** AES-256-GCM: 12-byte IV, ciphertext, 16-byte tag. */
export function seal(plain: Uint8Array, key: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

export function open(sealed: Buffer, key: Buffer): Buffer {
  if (sealed.length < 28) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
}

const FLAG_COMPRESSED = 1;
const FLAG_ENCRYPTED = 2;

/** Blob encoding on disk: one flags byte, then the (compressed, then sealed) payload. */
export function encodeBlob(data: Uint8Array, compress: boolean, dataKey: Buffer | undefined): Buffer {
  let payload: Buffer = Buffer.from(data);
  let flags = 0;
  if (compress) {
    payload = deflateRawSync(payload);
    flags |= FLAG_COMPRESSED;
  }
  if (dataKey) {
    payload = seal(payload, dataKey);
    flags |= FLAG_ENCRYPTED;
  }
  return Buffer.concat([Buffer.from([flags]), payload]);
}

export function decodeBlob(raw: Buffer, dataKey: Buffer | undefined): Buffer {
  const flags = raw[0];
  if (flags === undefined || flags > 3) throw new Error('invalid blob header');
  let payload = raw.subarray(1);
  if (flags & FLAG_ENCRYPTED) {
    if (!dataKey) throw new Error('blob is encrypted');
    payload = open(payload, dataKey);
  }
  if (flags & FLAG_COMPRESSED) payload = inflateRawSync(payload);
  return Buffer.from(payload);
}
