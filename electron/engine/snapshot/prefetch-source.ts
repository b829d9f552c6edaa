import type { PlakarStore } from '../plakar/store';
import type { SnapshotSource } from './snapshot-source';
import { checkSnapshotPath } from './untrusted';

/**
 * Splits bytes holding JSON documents one after the other (what `plakar cat a.json b.json` prints)
 * into each document's bytes; undefined when they are not exactly `count` objects or arrays. Works
 * on bytes: the characters it looks at are ASCII, which UTF-8 never uses inside another character.
 */
export function splitJsonDocuments(bytes: Buffer, count: number): Buffer[] | undefined {
  const documents: Buffer[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let at = 0; at < bytes.length; at += 1) {
    const byte = bytes[at]!;
    if (inString) {
      if (byte === 0x5c) at += 1; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
      continue;
    }
    if (byte === 0x22) {
      if (depth === 0) return undefined; // a bare string at the top level: not one of ours
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (depth === 0) start = at;
      depth += 1;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth -= 1;
      if (depth < 0) return undefined;
      if (depth === 0) documents.push(bytes.subarray(start, at + 1));
    } else if (depth === 0 && byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) {
      return undefined;
    }
  }
  return depth === 0 && !inString && documents.length === count ? documents : undefined;
}

/**
 * A source over the store that can fetch many JSON files in one plakar command first (`prefetch`),
 * then serves them from memory; anything else, or anything the batch could not be split into, is
 * read one file at a time as before. Every plakar command pays the store's key derivation (about a
 * second), so a page preview that reads twenty files this way costs one command instead of twenty.
 */
export class PrefetchingSource implements SnapshotSource {
  private readonly fetched = new Map<string, Buffer>();
  /** Folder listings learnt from a prefetch, so the reader's listDirectory needs no plakar command. */
  private readonly listings = new Map<string, Array<{ name: string; isDirectory: boolean }>>();

  constructor(
    private readonly store: PlakarStore,
    private readonly snapshotId: string,
    private readonly fallback: SnapshotSource,
  ) {}

  /** Reads these JSON files in one command; a failure leaves them to be read one by one. */
  async prefetch(paths: readonly string[]): Promise<void> {
    const wanted = paths.map((file) => checkSnapshotPath(file, 'A read')).filter((file) => !this.fetched.has(file));
    if (wanted.length < 2) return;
    try {
      const documents = splitJsonDocuments(await this.store.readFiles(this.snapshotId, wanted), wanted.length);
      documents?.forEach((bytes, position) => this.fetched.set(wanted[position]!, bytes));
    } catch {
      // One of them is missing or unreadable: each is read alone, and the one that fails says why.
    }
  }

  /**
   * Lists everything below `dir` (one command), remembers the listing, and fetches in one more
   * command the JSON files `wanted` keeps. Folders it listed read as empty when absent from it.
   */
  async prefetchFolder(dir: string, wanted: (file: string) => boolean): Promise<void> {
    let tree: Array<{ path: string; isDirectory: boolean }>;
    try {
      tree = await this.store.listFolderTree(this.snapshotId, checkSnapshotPath(dir, 'A listing'));
    } catch {
      return;
    }
    const listings = new Map<string, Array<{ name: string; isDirectory: boolean }>>([[dir, []]]);
    for (const item of tree) {
      const slash = item.path.lastIndexOf('/');
      const parent = slash < 0 ? '' : item.path.slice(0, slash);
      if (item.isDirectory && !listings.has(item.path)) listings.set(item.path, []);
      const siblings = listings.get(parent) ?? [];
      siblings.push({ name: item.path.slice(slash + 1), isDirectory: item.isDirectory });
      listings.set(parent, siblings);
    }
    for (const [folder, items] of listings) if (folder === dir || folder.startsWith(`${dir}/`)) this.listings.set(folder, items);
    await this.prefetch(tree.filter((item) => !item.isDirectory && item.path.endsWith('.json') && wanted(item.path)).map((item) => item.path));
  }

  async readBytes(relativePath: string): Promise<Buffer | undefined> {
    const fetched = this.fetched.get(relativePath);
    if (fetched) return fetched;
    // A file missing from a folder the prefetch listed is not there: no command to find that out.
    const slash = relativePath.lastIndexOf('/');
    const listing = this.listings.get(slash < 0 ? '' : relativePath.slice(0, slash));
    if (listing && !listing.some((item) => !item.isDirectory && item.name === relativePath.slice(slash + 1))) return undefined;
    return this.fallback.readBytes(relativePath);
  }

  async listDirectory(relativePath: string): Promise<Array<{ name: string; isDirectory: boolean }>> {
    return this.listings.get(relativePath) ?? this.fallback.listDirectory(relativePath);
  }
}

/**
 * The files of a page's own folder tree: those whose nearest folder of an indexed object is the
 * page's (a sub-page's folder, inside it, holds the sub-page's files).
 */
export function ownFilesOf(pageDir: string, indexedDirs: ReadonlySet<string>): (file: string) => boolean {
  return (file) => {
    let dir = file.slice(0, Math.max(0, file.lastIndexOf('/')));
    while (dir !== pageDir) {
      if (indexedDirs.has(dir) || !dir.startsWith(`${pageDir}/`)) return false;
      dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')));
    }
    return true;
  };
}
