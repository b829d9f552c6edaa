/** File-system helpers: Unix mode → Go FileMode, uid/gid names, content types, entropy. */
import type { BigIntStats, Stats } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MODE } from './gofmt';

/** Go FileMode type bits for each Unix file type (st_mode & S_IFMT); a regular file has none. */
const FILE_TYPE_BITS = new Map<number, number>([
  [0o060000, MODE.device],
  [0o020000, MODE.device + MODE.charDevice],
  [0o040000, MODE.dir],
  [0o010000, MODE.namedPipe],
  [0o120000, MODE.symlink],
  [0o140000, MODE.socket],
]);

/** os.FileMode from a Unix st_mode, as Go's fillFileStatFromSys does. */
export function goFileMode(unixMode: number): number {
  let mode = (unixMode & 0o777) + (FILE_TYPE_BITS.get(unixMode & 0o170000) ?? 0);
  if (unixMode & 0o2000) mode += MODE.setgid;
  if (unixMode & 0o4000) mode += MODE.setuid;
  if (unixMode & 0o1000) mode += MODE.sticky;
  return mode;
}

/** Unix permission bits to chmod from a Go FileMode (perm + setuid/setgid/sticky). */
export function chmodBits(goMode: number): number {
  let bits = goMode % 0o1000;
  if (Math.floor(goMode / MODE.setuid) % 2) bits |= 0o4000;
  if (Math.floor(goMode / MODE.setgid) % 2) bits |= 0o2000;
  if (Math.floor(goMode / MODE.sticky) % 2) bits |= 0o1000;
  return bits;
}

export function mtimeNs(stats: BigIntStats | Stats): bigint {
  if ('mtimeNs' in stats && typeof stats.mtimeNs === 'bigint') return stats.mtimeNs;
  return BigInt(Math.round(Number(stats.mtimeMs) * 1e6));
}

function loadIdMap(file: string): Map<number, string> {
  const map = new Map<number, string>();
  try {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const parts = line.split(':');
      const name = parts[0];
      const id = Number(parts[2]);
      if (name && !line.startsWith('#') && Number.isInteger(id) && !map.has(id)) map.set(id, name);
    }
  } catch {
    // no such database: numeric ids are printed instead
  }
  return map;
}

let users: Map<number, string> | undefined;
let groups: Map<number, string> | undefined;

/** user.LookupId falling back to the numeric id, as `ls` prints it. */
export function userName(uid: number): string {
  users ??= loadIdMap('/etc/passwd');
  return users.get(uid) ?? String(uid);
}

export function groupName(gid: number): string {
  groups ??= loadIdMap('/etc/group');
  return groups.get(gid) ?? String(gid);
}

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'text/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.tar': 'application/x-tar',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export function contentType(pathname: string, head: Uint8Array): string {
  const byExt = CONTENT_TYPES[path.extname(pathname).toLowerCase()];
  if (byExt) return byExt;
  if (head.length === 0) return 'text/plain; charset=utf-8';
  const sample = head.subarray(0, 512);
  return sample.includes(0) ? 'application/octet-stream' : 'text/plain; charset=utf-8';
}

/** Shannon entropy in bits per byte, from byte frequencies. */
export class EntropyCounter {
  private readonly counts = new Float64Array(256);
  private total = 0;

  update(data: Uint8Array): void {
    for (const byte of data) this.counts[byte] = (this.counts[byte] ?? 0) + 1;
    this.total += data.length;
  }

  value(): number {
    if (this.total === 0) return 0;
    let h = 0;
    for (const count of this.counts) {
      if (count === 0) continue;
      const p = count / this.total;
      h -= p * Math.log2(p);
    }
    return h;
  }
}
