/**
 * Snapshots: the header kept in `states/` (what `ls`/`info` show and selectors filter on) and the
 * VFS, a blob listing every recorded path with full absolute paths (`/`, `/home`, … down to the
 * source directory and below), as plakar's VFS does.
 */
import path from 'node:path';
import type { Store } from './store';
import { isDirMode, isRegularMode, isSymlinkMode, modeHas, MODE, parseRfc3339 } from './gofmt';

export const SNAPSHOT_VERSION = '1.0.0';
export const NIL_MAC = '0'.repeat(64);

export interface Summary {
  directories: number;
  files: number;
  symlinks: number;
  devices: number;
  pipes: number;
  sockets: number;
  setuid: number;
  setgid: number;
  sticky: number;
  objects: number;
  chunks: number;
  minSize: number;
  maxSize: number;
  size: number;
  minModTime: number;
  maxModTime: number;
  minEntropy: number;
  maxEntropy: number;
  hiEntropy: number;
  loEntropy: number;
  mimeAudio: number;
  mimeVideo: number;
  mimeImage: number;
  mimeText: number;
  mimeApplication: number;
  mimeOther: number;
  errors: number;
}

export interface SnapshotHeader {
  format: 'plakar-standin-snapshot';
  version: string;
  identifier: string;
  timestamp: string;
  durationNs: string;
  name: string;
  category: string;
  environment: string;
  perimeter: string;
  job: string;
  tags: string[];
  context: Record<string, string>;
  importer: { type: string; origin: string; directory: string };
  vfs: { root: string; xattrs: string; errors: string };
  summary: Summary;
}

export interface ObjectRef {
  mac: string;
  chunks: { mac: string; length: number }[];
  contentType: string;
  entropy: number;
}

export interface VfsEntry {
  path: string;
  /** Go fs.FileMode (type bits + permissions). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtimeNs: string;
  nlink: number;
  dev: number;
  ino: number;
  target?: string;
  object?: ObjectRef;
}

export interface BackupError {
  path: string;
  error: string;
}

export function emptySummary(): Summary {
  return {
    directories: 0,
    files: 0,
    symlinks: 0,
    devices: 0,
    pipes: 0,
    sockets: 0,
    setuid: 0,
    setgid: 0,
    sticky: 0,
    objects: 0,
    chunks: 0,
    minSize: 0,
    maxSize: 0,
    size: 0,
    minModTime: 0,
    maxModTime: 0,
    minEntropy: 0,
    maxEntropy: 0,
    hiEntropy: 0,
    loEntropy: 0,
    mimeAudio: 0,
    mimeVideo: 0,
    mimeImage: 0,
    mimeText: 0,
    mimeApplication: 0,
    mimeOther: 0,
    errors: 0,
  };
}

/** Summary of what is below the source directory (the directory itself not counted). */
export function summarize(entries: Iterable<VfsEntry>, root: string, errors: number): Summary {
  const s = emptySummary();
  s.errors = errors;
  const prefix = root === '/' ? '/' : `${root}/`;
  let first = true;
  for (const e of entries) {
    if (!e.path.startsWith(prefix) || e.path === root) continue;
    const mode = e.mode;
    if (isDirMode(mode)) s.directories += 1;
    else if (isSymlinkMode(mode)) s.symlinks += 1;
    else if (modeHas(mode, MODE.device)) s.devices += 1;
    else if (modeHas(mode, MODE.namedPipe)) s.pipes += 1;
    else if (modeHas(mode, MODE.socket)) s.sockets += 1;
    else if (isRegularMode(mode)) s.files += 1;
    if (modeHas(mode, MODE.setuid)) s.setuid += 1;
    if (modeHas(mode, MODE.setgid)) s.setgid += 1;
    if (modeHas(mode, MODE.sticky)) s.sticky += 1;
    if (!isRegularMode(mode)) continue;
    const mtime = Number(BigInt(e.mtimeNs) / 1_000_000_000n);
    if (first) {
      s.minSize = e.size;
      s.minModTime = mtime;
      s.minEntropy = e.object?.entropy ?? 0;
      first = false;
    }
    s.size += e.size;
    s.minSize = Math.min(s.minSize, e.size);
    s.maxSize = Math.max(s.maxSize, e.size);
    s.minModTime = Math.min(s.minModTime, mtime);
    s.maxModTime = Math.max(s.maxModTime, mtime);
    if (e.object) {
      s.objects += 1;
      s.chunks += e.object.chunks.length;
      s.minEntropy = Math.min(s.minEntropy, e.object.entropy);
      s.maxEntropy = Math.max(s.maxEntropy, e.object.entropy);
      if (e.object.entropy > 7) s.hiEntropy += 1;
      if (e.object.entropy < 2) s.loEntropy += 1;
      const major = e.object.contentType.split('/')[0];
      if (major === 'audio') s.mimeAudio += 1;
      else if (major === 'video') s.mimeVideo += 1;
      else if (major === 'image') s.mimeImage += 1;
      else if (major === 'text') s.mimeText += 1;
      else if (major === 'application') s.mimeApplication += 1;
      else s.mimeOther += 1;
    }
  }
  return s;
}

export class SkipDir extends Error {}

/** The snapshot's file tree, with children sorted by name like plakar's VFS walk. */
export class Vfs {
  private readonly byPath = new Map<string, VfsEntry>();
  private readonly children = new Map<string, string[]>();

  constructor(
    entries: readonly VfsEntry[],
    readonly errors: readonly BackupError[],
  ) {
    for (const e of entries) this.byPath.set(e.path, e);
    for (const e of entries) {
      if (e.path === '/') continue;
      const parent = path.posix.dirname(e.path);
      const list = this.children.get(parent) ?? [];
      list.push(e.path);
      this.children.set(parent, list);
    }
    for (const list of this.children.values()) list.sort((a, b) => compareNames(path.posix.basename(a), path.posix.basename(b)));
  }

  get(pathname: string): VfsEntry | undefined {
    return this.byPath.get(cleanPath(pathname));
  }

  entries(): IterableIterator<VfsEntry> {
    return this.byPath.values();
  }

  childrenOf(pathname: string): VfsEntry[] {
    return (this.children.get(pathname) ?? []).flatMap((p) => {
      const e = this.byPath.get(p);
      return e ? [e] : [];
    });
  }

  /** Pre-order walk from `pathname`; the callback may throw SkipDir to prune a directory. */
  async walk(pathname: string, fn: (entry: VfsEntry) => Promise<void> | void): Promise<void> {
    const start = this.get(pathname);
    if (!start) throw new Error('file does not exist');
    const visit = async (entry: VfsEntry): Promise<void> => {
      try {
        await fn(entry);
      } catch (error) {
        if (error instanceof SkipDir) return;
        throw error;
      }
      if (isDirMode(entry.mode)) for (const child of this.childrenOf(entry.path)) await visit(child);
    };
    await visit(start);
  }

  /** Every path, in walk order from `/` (what `locate` iterates over). */
  pathnames(): string[] {
    const out: string[] = [];
    const visit = (p: string): void => {
      out.push(p);
      for (const child of this.children.get(p) ?? []) visit(child);
    };
    if (this.byPath.has('/')) visit('/');
    return out;
  }
}

/** Go's path.Clean for absolute slash paths. */
export function cleanPath(pathname: string): string {
  const cleaned = path.posix.normalize(pathname);
  return cleaned.length > 1 && cleaned.endsWith('/') ? cleaned.slice(0, -1) : cleaned;
}

/** Byte-wise name order (Go string comparison). */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export class Snapshot {
  private vfsCache: Vfs | undefined;

  constructor(
    readonly store: Store,
    readonly header: SnapshotHeader,
  ) {}

  get id(): string {
    return this.header.identifier;
  }

  get shortId(): string {
    return this.header.identifier.slice(0, 8);
  }

  get timestampNs(): bigint {
    return parseRfc3339(this.header.timestamp) ?? 0n;
  }

  get directory(): string {
    return this.header.importer.directory;
  }

  static async load(store: Store, id: string): Promise<Snapshot> {
    return new Snapshot(store, await store.readState<SnapshotHeader>(id));
  }

  async vfs(): Promise<Vfs> {
    if (!this.vfsCache) {
      const doc = JSON.parse((await this.store.getBlob(this.header.vfs.root)).toString('utf8')) as { entries: VfsEntry[] };
      let errors: BackupError[] = [];
      if (this.header.vfs.errors !== NIL_MAC) {
        errors = (JSON.parse((await this.store.getBlob(this.header.vfs.errors)).toString('utf8')) as { errors: BackupError[] }).errors;
      }
      this.vfsCache = new Vfs(doc.entries, errors);
    }
    return this.vfsCache;
  }
}
