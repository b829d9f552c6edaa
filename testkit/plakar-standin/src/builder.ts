/**
 * Turns importer records into a snapshot (kloset `snapshot/backup.go` + builder): per-path
 * OK/KO events, file contents cut into 1 MiB chunks stored as content-addressed blobs (so identical
 * data is written once), the VFS and error lists as blobs, and the header written last: the state
 * file's atomic rename is the commit point, so an interrupted backup leaves no snapshot behind.
 */
import { open } from 'node:fs/promises';
import os from 'node:os';
import type { AppContext } from './context';
import { PLAKAR_VERSION, goArch, goOs } from './context';
import { GoError, InterruptedError, messageOf, pathErrorText } from './errors';
import { contentType, EntropyCounter, goFileMode, mtimeNs } from './fsutil';
import { MODE, isRegularMode, rfc3339NanoUtc } from './gofmt';
import type { IgnoreRules } from './ignore';
import type { ImportRecord } from './importer';
import { macHasher } from './crypto';
import { NIL_MAC, SNAPSHOT_VERSION, summarize, type BackupError, type ObjectRef, type SnapshotHeader, type Vfs, type VfsEntry } from './snapshot';
import { STANDIN_CHUNK_SIZE, type Store } from './store';

/** A store write failed: the backup as a whole fails (plakar cancels on packer flush errors). */
export class StoreWriteError extends Error {}

export interface BuilderOptions {
  id: string;
  excludes: IgnoreRules;
  parent: Vfs | undefined;
}

export class SnapshotBuilder {
  readonly entries = new Map<string, VfsEntry>();
  readonly errors: BackupError[] = [];
  private filesProcessed = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly store: Store,
    private readonly opts: BuilderOptions,
  ) {}

  private recordError(pathname: string, message: string): void {
    this.errors.push({ path: pathname, error: message });
  }

  private inStore(pathname: string): boolean {
    const root = this.store.root;
    return pathname === root || pathname.startsWith(`${root}/`);
  }

  async process(record: ImportRecord): Promise<void> {
    const { out } = this.ctx;
    const id = this.opts.id;
    if (record.err !== undefined) {
      out.pathError(id, record.path, record.err);
      this.recordError(record.path, record.err);
      return;
    }
    const isDir = record.synthetic === true || record.stats?.isDirectory() === true;
    if (record.path !== '/' && this.opts.excludes.isExcluded(record.path, isDir)) return;
    if (this.inStore(record.path)) {
      out.warn(`skipping entry from repository: ${record.path}`);
      out.pathOk(id, record.path);
      return;
    }
    try {
      await this.processEntry(record);
    } catch (error) {
      if (error instanceof StoreWriteError || error instanceof InterruptedError) throw error;
      const message = messageOf(error);
      this.recordError(record.path, message);
      out.pathError(id, record.path, message);
      return;
    }
    out.pathOk(id, record.path);
  }

  private async processEntry(record: ImportRecord): Promise<void> {
    const stats = record.stats;
    if (!stats) {
      this.entries.set(record.path, {
        path: record.path,
        mode: MODE.dir + 0o755,
        uid: 0,
        gid: 0,
        size: 0,
        mtimeNs: '0',
        nlink: 1,
        dev: 0,
        ino: 0,
      });
      return;
    }
    const entry: VfsEntry = {
      path: record.path,
      mode: goFileMode(Number(stats.mode)),
      uid: Number(stats.uid),
      gid: Number(stats.gid),
      size: Number(stats.size),
      mtimeNs: mtimeNs(stats).toString(),
      nlink: Number(stats.nlink),
      dev: Number(stats.dev),
      ino: Number(stats.ino),
    };
    if (record.target !== undefined) entry.target = record.target;
    if (isRegularMode(entry.mode)) entry.object = await this.fileObject(record.path, entry);
    this.entries.set(record.path, entry);
  }

  private async fileObject(pathname: string, entry: VfsEntry): Promise<ObjectRef> {
    const { control, cancellation } = this.ctx;
    if (control.delayPerFileMs) await cancellation.sleep(control.delayPerFileMs);
    if (control.failBackupAfterFiles !== undefined && this.filesProcessed >= control.failBackupAfterFiles && !this.store.diskBudget) {
      this.store.diskBudget = { limit: 0, used: 0, errno: control.failBackupError ?? 'EIO' };
    }
    this.filesProcessed += 1;
    const cached = this.opts.parent?.get(pathname);
    if (
      cached?.object &&
      cached.size === entry.size &&
      cached.mtimeNs === entry.mtimeNs &&
      cached.mode === entry.mode &&
      cached.ino === entry.ino &&
      cached.object.chunks.every((chunk) => this.store.hasBlob(chunk.mac))
    ) {
      return cached.object;
    }
    let handle;
    try {
      handle = await open(pathname, 'r');
    } catch (error) {
      throw new GoError(pathErrorText('open', pathname, error));
    }
    const hasher = macHasher(this.store.keys?.mac);
    const entropy = new EntropyCounter();
    const chunks: ObjectRef['chunks'] = [];
    let head: Uint8Array | undefined;
    try {
      const buffer = Buffer.alloc(STANDIN_CHUNK_SIZE);
      for (;;) {
        cancellation.check();
        let filled = 0;
        while (filled < buffer.length) {
          let n: number;
          try {
            ({ bytesRead: n } = await handle.read(buffer, filled, buffer.length - filled, null));
          } catch (error) {
            throw new GoError(pathErrorText('read', pathname, error));
          }
          if (n === 0) break;
          filled += n;
        }
        if (filled === 0) break;
        const chunk = buffer.subarray(0, filled);
        head ??= Buffer.from(chunk.subarray(0, 512));
        hasher.update(chunk);
        entropy.update(chunk);
        const mac = await this.putBlobLikeFlusher(chunk);
        chunks.push({ mac, length: filled });
        if (filled < buffer.length) break;
      }
    } finally {
      await handle.close();
    }
    return { mac: hasher.digest(), chunks, contentType: contentType(pathname, head ?? new Uint8Array()), entropy: entropy.value() };
  }

  private flushFailed = false;
  /** Blobs this backup wrote: plakar's packfile in flight, lost as a whole when its write fails. */
  private readonly written: string[] = [];

  /**
   * plakar v1.1.4 writes packfiles from a background flusher: when a write fails (a full disk), it
   * logs `error: Flusher group error: failed to flush packer: …` once, drops the data, and the backup
   * still commits and reports success with exit 0 (fixtures/v1.1.4/backup-disk-full.json). The
   * snapshot then fails `check`. The stand-in does the same: log once, keep the MAC, store nothing.
   */
  private async putBlobLikeFlusher(data: Uint8Array): Promise<string> {
    const mac = this.store.mac(data);
    if (this.flushFailed) return mac;
    try {
      const stored = await this.store.putBlob(data, mac);
      if (stored.written > 0) this.written.push(mac);
      return stored.mac;
    } catch (error) {
      this.flushFailed = true;
      this.ctx.out.error(`Flusher group error: failed to flush packer: ${messageOf(error)}`);
      for (const lost of this.written.splice(0)) await this.store.deleteBlob(lost);
      return mac;
    }
  }

  /** Stores the VFS and errors, then the header: the snapshot exists once this returns. */
  async commit(
    fields: Pick<SnapshotHeader, 'name' | 'category' | 'environment' | 'perimeter' | 'job' | 'tags'> & {
      timestamp: bigint;
      durationNs: () => bigint;
      directory: string;
    },
  ): Promise<SnapshotHeader> {
    const ctx = this.ctx;
    const sorted = [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const vfsMac = await this.putBlobLikeFlusher(Buffer.from(JSON.stringify({ entries: sorted })));
    const errorsMac = this.errors.length > 0 ? await this.putBlobLikeFlusher(Buffer.from(JSON.stringify({ errors: this.errors }))) : NIL_MAC;
    const header: SnapshotHeader = {
      format: 'plakar-standin-snapshot',
      version: SNAPSHOT_VERSION,
      identifier: this.opts.id,
      timestamp: rfc3339NanoUtc(fields.timestamp),
      durationNs: '0',
      name: fields.name,
      category: fields.category,
      environment: fields.environment,
      perimeter: fields.perimeter,
      job: fields.job,
      tags: fields.tags,
      context: {
        MachineID: ctx.machineId,
        Hostname: ctx.hostname,
        Username: ctx.username,
        OperatingSystem: goOs(),
        Architecture: goArch(),
        NumCPU: String(os.availableParallelism()),
        GOMAXPROCS: '',
        ProcessID: String(process.pid),
        Client: `plakar/${PLAKAR_VERSION}`,
        CommandLine: ctx.commandLine,
      },
      importer: { type: 'fs', origin: ctx.hostname, directory: fields.directory },
      vfs: { root: vfsMac, xattrs: NIL_MAC, errors: errorsMac },
      summary: summarize(sorted, fields.directory, this.errors.length),
    };
    ctx.cancellation.check();
    header.durationNs = fields.durationNs().toString();
    try {
      await this.store.writeState(this.opts.id, header);
    } catch (error) {
      throw new StoreWriteError(`failed to commit snapshot: ${messageOf(error)}`);
    }
    return header;
  }
}
