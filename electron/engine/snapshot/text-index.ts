import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { CatalogRecord, EntryVersion } from './catalog';
import { pageText } from './page-text';
import { commaSeparated, replacePrivateFile } from './private-file';
import type { SnapshotReader } from './reader';
import { compareEntries, searchKey } from './snapshot-history';

/**
 * The text of every page of every snapshot, for "which snapshot still has this paragraph?". Kept on
 * this machine beside the catalog:
 * - `texts.jsonl`: each distinct page text once, `{"h": hash, "t": text}` per line, only ever appended;
 * - `<snapshot id>.json`: which text each page of that snapshot has (page id → hash).
 * A backup adds its snapshot right after storing it, reading only the pages that changed since the
 * snapshot before (the others keep their hash), so the index grows with what changes, not with the
 * workspace.
 */

const TEXTS = 'texts.jsonl';
/** New texts held before they are appended (characters). */
const FLUSH_CHARS = 1 << 20;
const textLineSchema = z.object({ h: z.string(), t: z.string() });

export interface TextIndexBuild {
  /** Page id → text hash. */
  pages: Map<string, string>;
  /** Pages whose text was read from the tree (the rest kept the previous snapshot's). */
  read: number;
}
export type PreparedText = TextIndexBuild;

/**
 * What a new tree keeps of the snapshot before: the text hash of each of its pages whose last edit is
 * the one the snapshot before had, and every hash that snapshot used (stored already). Only this is
 * held while the tree's text is read, not the records of both snapshots.
 */
export interface ReusableText {
  pages: Map<string, string>;
  stored: Set<string>;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export class TextIndex {
  /** Folded text by hash, with where the original line starts in texts.jsonl; read up to `loadedBytes`. */
  private folded = new Map<string, string>();
  private offsets = new Map<string, [number, number]>();
  private loadedBytes = 0;
  private readonly pageMaps = new Map<string, ReadonlyMap<string, string>>();

  constructor(readonly dir: string) {}

  static inDataDir(dataDir: string): TextIndex {
    return new TextIndex(path.join(dataDir, 'cache', 'text'));
  }

  private mapFile(snapshotId: string): string {
    if (!/^[0-9a-f]{64}$/.test(snapshotId)) throw new Error(`Not a snapshot id: ${snapshotId}`);
    return path.join(this.dir, `${snapshotId}.json`);
  }

  /** Page id → text hash for a snapshot this machine has indexed (kept for the next call); undefined otherwise. */
  async pagesOf(snapshotId: string): Promise<ReadonlyMap<string, string> | undefined> {
    const kept = this.pageMaps.get(snapshotId);
    if (kept) return kept;
    const read = pairsOf(await readPageMap(this.mapFile(snapshotId), snapshotId));
    if (!read) return undefined;
    const pages = new Map(read);
    this.pageMaps.set(snapshotId, pages);
    return pages;
  }

  /**
   * What a tree can keep of the snapshot before (`beforeId`), when this machine indexed it: the text
   * hashes of its `unchanged` pages (`unchangedPages`) and every hash already stored. Read for one
   * backup and not kept: 100,000 pages are about 20 MB that the rest of the backup does not need.
   */
  async reusableFrom(beforeId: string, unchanged: ReadonlySet<string>): Promise<ReusableText | undefined> {
    const before = this.pageMaps.get(beforeId) ?? pairsOf(await readPageMap(this.mapFile(beforeId), beforeId));
    if (!before) return undefined;
    const pages = new Map<string, string>();
    const stored = new Set<string>();
    for (const [id, hash] of before) {
      stored.add(hash);
      if (unchanged.has(id)) pages.set(id, hash);
    }
    return { pages, stored };
  }

  /** Indexes a snapshot from its reader, keeping the text of the pages unchanged since `before`: `prepare` then `commit`. */
  async add(snapshotId: string, reader: SnapshotReader, before?: CatalogRecord): Promise<TextIndexBuild> {
    this.mapFile(snapshotId);
    const reusable = before && (await this.reusableFrom(before.snapshotId, unchangedPages(before.entries, reader)));
    const prepared = await this.prepare(reader, reusable);
    await this.commit(snapshotId, prepared);
    return prepared;
  }

  /**
   * Reads the text of a tree's pages and stores the texts not stored yet; the pages in `reusable` keep
   * their text without being read (its maps become the result's: they are not copied). A backup runs
   * this while plakar stores the same tree, before its snapshot has an id.
   */
  async prepare(reader: SnapshotReader, reusable?: ReusableText, signal?: AbortSignal): Promise<PreparedText> {
    // Without a snapshot before, every page is read: the hashes of the texts already stored are
    // learnt first (not the texts: search's copy of them all would grow with the history), so none is
    // stored twice.
    const known = reusable?.stored ?? (await this.storedHashes());
    const pages = reusable?.pages ?? new Map<string, string>();
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // New texts are appended in batches of whole lines, not held until the end (a full backup of
    // 100,000 pages holds every page's text otherwise). Two processes appending at once interleave
    // whole writes (O_APPEND), so whole lines.
    let lines: string[] = [];
    let pending = 0;
    const flush = async () => {
      if (lines.length > 0) await appendFile(path.join(this.dir, TEXTS), lines.join(''), { mode: 0o600 });
      lines = [];
      pending = 0;
    };
    let read = 0;
    for (const entry of reader.index()) {
      signal?.throwIfAborted();
      if (entry.object !== 'page' || pages.has(entry.id)) continue;
      const text = await pageText(reader, entry);
      read += 1;
      const hash = hashOf(text);
      pages.set(entry.id, hash);
      if (!this.folded.has(hash) && !known.has(hash)) {
        const line = `${JSON.stringify({ h: hash, t: text })}\n`;
        lines.push(line);
        pending += line.length;
        if (pending >= FLUSH_CHARS) await flush();
      }
      known.add(hash);
    }
    await flush();
    return { pages, read };
  }

  /** Files a prepared tree's page texts under the id its snapshot got. */
  async commit(snapshotId: string, prepared: PreparedText): Promise<void> {
    // Written a pair at a time: 100,000 pairs as one string, or as an object, would be one more copy.
    const json = (function* () {
      yield `{"version":1,"snapshotId":${JSON.stringify(snapshotId)},"pages":{`;
      yield* commaSeparated(prepared.pages, ([id, hash]) => `${JSON.stringify(id)}:${JSON.stringify(hash)}`);
      yield '}}';
    })();
    await replacePrivateFile(this.mapFile(snapshotId), json);
    this.pageMaps.set(snapshotId, prepared.pages);
  }

  /** The hash of every text texts.jsonl holds. */
  private async storedHashes(): Promise<Set<string>> {
    const hashes = new Set<string>();
    await this.forEachTextLine(0, (line) => hashes.add(line.h));
    return hashes;
  }

  /** Reads what texts.jsonl gained since the last call (all of it the first time). */
  private async refresh(): Promise<void> {
    this.loadedBytes = await this.forEachTextLine(this.loadedBytes, (line, offset, length) => {
      if (this.folded.has(line.h)) return;
      this.folded.set(line.h, searchKey(line.t));
      this.offsets.set(line.h, [offset, length]);
    });
  }

  /**
   * Hands each well-formed line of texts.jsonl from byte `start` on to `onLine`, with where it starts
   * and its length in bytes, a line at a time; returns where the lines read end.
   */
  private async forEachTextLine(start: number, onLine: (line: z.infer<typeof textLineSchema>, offset: number, length: number) => void): Promise<number> {
    const file = path.join(this.dir, TEXTS);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return start;
      throw error;
    }
    if (size <= start) return start;
    let offset = start;
    const lines = createInterface({ input: createReadStream(file, { start, end: size - 1, encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      const length = Buffer.byteLength(line);
      const parsed = textLineSchema.safeParse(safeJson(line));
      if (parsed.success) onLine(parsed.data, offset, length);
      offset += length + 1;
    }
    return offset;
  }

  /** The hashes of the texts holding every word of the (folded) query. */
  async matching(words: readonly string[]): Promise<Set<string>> {
    await this.refresh();
    const found = new Set<string>();
    if (words.length === 0) return found;
    for (const [hash, text] of this.folded) if (words.every((word) => text.includes(word))) found.add(hash);
    return found;
  }

  /** A line of the text around the first word of the query, as the page has it. */
  async snippet(hash: string, words: readonly string[], width = 160): Promise<string> {
    const where = this.offsets.get(hash);
    if (!where) return '';
    const handle = await open(path.join(this.dir, TEXTS), 'r');
    try {
      const buffer = Buffer.alloc(where[1]);
      await handle.read(buffer, 0, where[1], where[0]);
      const parsed = textLineSchema.safeParse(safeJson(buffer.toString('utf8')));
      if (!parsed.success) return '';
      const text = parsed.data.t;
      const folded = searchKey(text);
      const at = Math.max(0, folded.indexOf(words[0] ?? ''));
      // Folding can shorten a text (accents); the position is close enough for a snippet.
      const start = Math.max(0, text.lastIndexOf('\n', at) + 1, at - width / 2);
      const line = text.slice(start, start + width).split('\n')[0] ?? '';
      return `${start > 0 && text[start - 1] !== '\n' ? '…' : ''}${line}${start + line.length < text.length && text[start + line.length] !== '\n' ? '…' : ''}`;
    } finally {
      await handle.close();
    }
  }
}

/** A page whose last edit is the one it had in the snapshot before: its text is the one indexed then. */
export function keepsItsText(before: EntryVersion, page: EntryVersion): boolean {
  return page.object === 'page' && before.object === 'page' && page.lastEditedTime !== null && page.lastEditedTime === before.lastEditedTime;
}

/**
 * The pages of `tree` that keep their text from `before`, the snapshot before. Their ids are the tree's
 * own strings, so the set costs little more than its table.
 */
export function unchangedPages(before: Iterable<EntryVersion>, tree: SnapshotReader): Set<string> {
  const unchanged = new Set<string>();
  compareEntries(before, tree.index(), {
    inBoth: (page, previous) => {
      if (keepsItsText(previous, page)) unchanged.add(page.id);
    },
  });
  return unchanged;
}

/**
 * A snapshot's page map (page id → text hash), or undefined when the file is missing, damaged, of
 * another shape or of another snapshot. Checked field by field instead of through zod, which would
 * copy 100,000 pairs once more.
 */
async function readPageMap(file: string, snapshotId: string): Promise<Record<string, string> | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || parsed.version !== 1 || parsed.snapshotId !== snapshotId || !isObject(parsed.pages)) return undefined;
  const pages = parsed.pages;
  for (const id in pages) if (typeof pages[id] !== 'string') return undefined;
  return pages as Record<string, string>;
}

/** A page map's pairs, without an array of 100,000 of them. */
function pairsOf(pages: Record<string, string> | undefined): Iterable<[string, string]> | undefined {
  if (!pages) return undefined;
  return (function* () {
    for (const id in pages) yield [id, pages[id]!] as [string, string];
  })();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
