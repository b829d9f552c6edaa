/**
 * The stand-in's Kloset store on disk, laid out like plakar's fs backend:
 *
 *   CONFIG                      JSON (see StoreConfigFile); "is this a store?" = does CONFIG exist
 *   packfiles/<xx>/<mac>        content-addressed blobs, written once (temp file + rename)
 *   states/<xx>/<snapshot id>   one snapshot header per file; writing it commits the snapshot
 *   states/coloured.json        blobs `maintenance` scheduled for deletion
 *   locks/<64 hex>              shared (backup) / exclusive (maintenance) locks, JSON
 *
 * Every write goes to a `.tmp-*` file in the target directory and is renamed into place, so a
 * killed process never leaves a half-written blob or a snapshot that lists as valid.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { computeMac, decodeBlob, encodeBlob, open as openSealed, seal, type KdfParams, type StoreKeys } from './crypto';
import { GoError, goPathError, isErrno, pathErrorText } from './errors';

export const STORAGE_VERSION = '1.0.0';
export const STANDIN_CHUNK_SIZE = 1024 * 1024;

export interface StoreConfigFile {
  format: 'plakar-standin-config';
  version: string;
  timestamp: string;
  repositoryId: string;
  encrypted: boolean;
  packfile: { maxSize: number };
  chunking: { algorithm: string; minSize: number; normalSize: number; maxSize: number };
  hashing: { algorithm: string; bits: number };
  compression: { algorithm: string; level: number } | null;
  encryption: {
    subkeyAlgorithm: string;
    dataAlgorithm: string;
    chunkSize: number;
    kdf: KdfParams;
    canary: string;
  } | null;
  /** What the stand-in really does (the fields above mirror what real plakar would record). */
  standin: { chunkSize: number; mac: string; compression: string | null; cipher: string | null };
}

export class BlobError extends Error {
  constructor(
    readonly kind: 'missing' | 'corrupted',
    message: string,
  ) {
    super(message);
  }
}

export interface LockInfo {
  id: string;
  version: string;
  timestamp: string;
  hostname: string;
  exclusive: boolean;
  pid?: number;
}

/** Bytes a simulated disk may still take (control file `diskFullAfterBytes`). */
export interface DiskBudget {
  limit: number;
  used: number;
  errno: 'ENOSPC' | 'EIO';
}

export class Store {
  /** Bytes read from / written to the store by this process: the result line's in/out. */
  rbytes = 0;
  wbytes = 0;
  keys: StoreKeys | undefined;
  diskBudget: DiskBudget | undefined;

  constructor(
    readonly root: string,
    readonly config: StoreConfigFile,
  ) {}

  get compress(): boolean {
    return this.config.compression !== null;
  }

  p(...parts: string[]): string {
    return path.join(this.root, ...parts);
  }

  /** Creates the directory layout (buckets 00..ff like plakar) and writes CONFIG last. */
  static async initialize(root: string, config: StoreConfigFile): Promise<void> {
    const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
    await Promise.all(
      ['packfiles', 'states'].flatMap((top) => hex.map((b) => mkdir(path.join(root, top, b), { recursive: true, mode: 0o700 }))),
    );
    await mkdir(path.join(root, 'locks'), { mode: 0o700 });
    await writeAtomic(path.join(root, 'CONFIG'), Buffer.from(`${JSON.stringify(config, null, 2)}\n`));
  }

  private async write(target: string, data: Buffer): Promise<number> {
    const budget = this.diskBudget;
    if (budget && budget.used + data.length > budget.limit) {
      const room = Math.max(0, budget.limit - budget.used);
      budget.used = budget.limit;
      await writeAtomic(target, data, room, budget.errno);
    }
    await writeAtomic(target, data);
    if (budget) budget.used += data.length;
    this.wbytes += data.length;
    return data.length;
  }

  blobPath(mac: string): string {
    return this.p('packfiles', mac.slice(0, 2), mac);
  }

  hasBlob(mac: string): boolean {
    return existsSync(this.blobPath(mac));
  }

  mac(data: Uint8Array): string {
    return computeMac(data, this.keys?.mac);
  }

  /** Stores `data` unless a blob with the same MAC exists; returns the MAC and bytes written. */
  async putBlob(data: Uint8Array, knownMac?: string): Promise<{ mac: string; written: number }> {
    const mac = knownMac ?? this.mac(data);
    if (this.hasBlob(mac)) return { mac, written: 0 };
    await mkdir(path.dirname(this.blobPath(mac)), { recursive: true, mode: 0o700 });
    try {
      const written = await this.write(this.blobPath(mac), encodeBlob(data, this.compress, this.keys?.data));
      return { mac, written };
    } catch (error) {
      // A real full disk: Node says "ENOSPC: …, write"; plakar says "write <file>: no space left on device".
      if (error instanceof GoError) throw error;
      throw goPathError('write', this.blobPath(mac), error);
    }
  }

  /** Reads, decodes and verifies a blob; BlobError when missing or not matching its MAC. */
  async getBlob(mac: string): Promise<Buffer> {
    let raw: Buffer;
    try {
      raw = await readFile(this.blobPath(mac));
    } catch (error) {
      if (isErrno(error, 'ENOENT')) throw new BlobError('missing', `blob ${mac} not found`);
      throw error;
    }
    this.rbytes += raw.length;
    let data: Buffer;
    try {
      data = decodeBlob(raw, this.keys?.data);
    } catch {
      throw new BlobError('corrupted', `blob ${mac} is corrupted`);
    }
    if (this.mac(data) !== mac) throw new BlobError('corrupted', `blob ${mac} is corrupted`);
    return data;
  }

  async listBlobs(): Promise<string[]> {
    return listBuckets(this.p('packfiles'));
  }

  async deleteBlob(mac: string): Promise<void> {
    await rm(this.blobPath(mac), { force: true });
  }

  statePath(id: string): string {
    return this.p('states', id.slice(0, 2), id);
  }

  async listSnapshotIds(): Promise<string[]> {
    return listBuckets(this.p('states'));
  }

  /** A snapshot header; JSON in plaintext stores, sealed JSON in encrypted ones. */
  async readState<T>(id: string): Promise<T> {
    const raw = await readFile(this.statePath(id));
    this.rbytes += raw.length;
    const text = this.keys ? openSealed(raw, this.keys.data).toString('utf8') : raw.toString('utf8');
    return JSON.parse(text) as T;
  }

  /** States are small and written apart from packfiles: a simulated full disk spares them, as the recorded one did. */
  async writeState(id: string, value: unknown): Promise<void> {
    const json = Buffer.from(JSON.stringify(value));
    await mkdir(path.dirname(this.statePath(id)), { recursive: true, mode: 0o700 });
    const data = this.keys ? seal(json, this.keys.data) : json;
    await writeAtomic(this.statePath(id), data);
    this.wbytes += data.length;
  }

  async deleteState(id: string): Promise<void> {
    await unlink(this.statePath(id));
  }

  async putLock(lock: LockInfo): Promise<void> {
    await writeAtomic(this.p('locks', lock.id), Buffer.from(JSON.stringify(lock)), undefined, undefined, this.root);
  }

  async deleteLock(id: string): Promise<void> {
    await rm(this.p('locks', id), { force: true });
  }

  /** Locks in locks/ (names that are not 64 hex are ignored, as plakar's fs backend does). */
  async readLocks(): Promise<LockInfo[]> {
    const names = await readdir(this.p('locks'));
    const locks: LockInfo[] = [];
    for (const name of names) {
      if (!/^[0-9a-f]{64}$/.test(name)) continue;
      try {
        const lock = JSON.parse(await readFile(this.p('locks', name), 'utf8')) as LockInfo;
        locks.push({ ...lock, id: name });
      } catch (error) {
        if (isErrno(error, 'ENOENT')) continue;
        throw new GoError(`msgpack: invalid lock ${name}`);
      }
    }
    return locks;
  }

  /** Total bytes of every file under the store (fs backend `Size`). */
  async size(): Promise<number> {
    let total = 0;
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile()) total += (await stat(full)).size;
      }
    };
    await walk(this.root);
    return total;
  }
}

async function listBuckets(top: string): Promise<string[]> {
  const ids: string[] = [];
  let buckets: string[];
  try {
    buckets = await readdir(top);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return ids;
    throw error;
  }
  for (const bucket of buckets.sort()) {
    if (!/^[0-9a-f]{2}$/.test(bucket)) continue;
    let names: string[];
    try {
      names = await readdir(path.join(top, bucket));
    } catch {
      continue;
    }
    for (const name of names) if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(bucket)) ids.push(name);
  }
  return ids;
}

/**
 * Writes `data` to a temp file next to `target` (or in `tmpDir`) and renames it into place. With
 * `failAfter` set, writes only that many bytes and fails like a full (or broken) disk would.
 */
export async function writeAtomic(
  target: string,
  data: Buffer,
  failAfter?: number,
  errno: 'ENOSPC' | 'EIO' = 'ENOSPC',
  tmpDir?: string,
): Promise<void> {
  const tmp = path.join(tmpDir ?? path.dirname(target), `.tmp-${randomBytes(8).toString('hex')}`);
  const handle = await open(tmp, 'wx', 0o600);
  let renamed = false;
  try {
    if (failAfter !== undefined) {
      if (failAfter > 0) await handle.write(data.subarray(0, failAfter));
      const code = errno;
      throw new GoError(pathErrorText('write', tmp, { code }), code);
    }
    await handle.write(data);
    await handle.close();
    await rename(tmp, target);
    renamed = true;
  } finally {
    if (!renamed) {
      await handle.close().catch(() => undefined);
      await rm(tmp, { force: true });
    }
  }
}
