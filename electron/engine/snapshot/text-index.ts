import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { CatalogRecord } from './catalog';
import { pageText } from './page-text';
import { readJsonFile, replacePrivateFile } from './private-file';
import type { SnapshotReader } from './reader';
import { searchKey } from './snapshot-history';

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
const pageMapSchema = z.object({ version: z.literal(1), snapshotId: z.string(), pages: z.record(z.string(), z.string()) });
const textLineSchema = z.object({ h: z.string(), t: z.string() });

export interface TextIndexBuild {
  /** Page id → text hash. */
  pages: Record<string, string>;
  /** Pages whose text was read from the tree (the rest kept the previous snapshot's). */
  read: number;
}
export type PreparedText = TextIndexBuild;

/** The snapshot before, as the catalog and the text index have it. */
export interface PreviousText {
  record: CatalogRecord;
  pages: Record<string, string>;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export class TextIndex {
  /** Folded text by hash, with where the original line starts in texts.jsonl; read up to `loadedBytes`. */
  private folded = new Map<string, string>();
  private offsets = new Map<string, [number, number]>();
  private loadedBytes = 0;
  private readonly pageMaps = new Map<string, Record<string, string>>();

  constructor(readonly dir: string) {}

  static inDataDir(dataDir: string): TextIndex {
    return new TextIndex(path.join(dataDir, 'cache', 'text'));
  }

  private mapFile(snapshotId: string): string {
    if (!/^[0-9a-f]{64}$/.test(snapshotId)) throw new Error(`Not a snapshot id: ${snapshotId}`);
    return path.join(this.dir, `${snapshotId}.json`);
  }

  /** Page id → text hash for a snapshot this machine has indexed; undefined otherwise. */
  async pagesOf(snapshotId: string): Promise<Record<string, string> | undefined> {
    const kept = this.pageMaps.get(snapshotId);
    if (kept) return kept;
    const map = await readJsonFile(this.mapFile(snapshotId), pageMapSchema);
    if (map?.snapshotId !== snapshotId) return undefined;
    this.pageMaps.set(snapshotId, map.pages);
    return map.pages;
  }

  /** Indexes a snapshot from its reader: `prepare` then `commit`. */
  async add(snapshotId: string, reader: SnapshotReader, previous?: PreviousText): Promise<TextIndexBuild> {
    this.mapFile(snapshotId);
    const prepared = await this.prepare(reader, previous);
    await this.commit(snapshotId, prepared);
    return prepared;
  }

  /**
   * Reads the text of a tree's pages and stores the texts not stored yet; pages with the same last
   * edit as in `previous` (the snapshot before, when this machine indexed it) keep their text without
   * being read. A backup runs this while plakar stores the same tree, before its snapshot has an id.
   */
  async prepare(reader: SnapshotReader, previous?: PreviousText, signal?: AbortSignal): Promise<PreparedText> {
    // Without a snapshot before, every page is read: the hashes of the texts already stored are
    // learnt first (not the texts: search's copy of them all would grow with the history), so none is
    // stored twice.
    const known = new Set(previous ? Object.values(previous.pages) : await this.storedHashes());
    const before = new Map(previous?.record.entries.map((entry) => [entry.id, entry.lastEditedTime]));
    const pages: Record<string, string> = {};
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
      if (entry.object !== 'page') continue;
      const kept = previous?.pages[entry.id];
      if (kept && entry.lastEditedTime !== null && before.get(entry.id) === entry.lastEditedTime) {
        pages[entry.id] = kept;
        continue;
      }
      const text = await pageText(reader, entry);
      read += 1;
      const hash = hashOf(text);
      pages[entry.id] = hash;
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
    await replacePrivateFile(this.mapFile(snapshotId), JSON.stringify({ version: 1, snapshotId, pages: prepared.pages }));
    this.pageMaps.set(snapshotId, prepared.pages);
  }

  /** The hash of every text texts.jsonl holds, read a line at a time. */
  private async storedHashes(): Promise<string[]> {
    const hashes: string[] = [];
    try {
      const input = createReadStream(path.join(this.dir, TEXTS), { encoding: 'utf8' });
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        const parsed = textLineSchema.shape.h.safeParse((safeJson(line) as { h?: unknown } | undefined)?.h);
        if (parsed.success) hashes.push(parsed.data);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return hashes;
  }

  /** Reads what texts.jsonl gained since the last call (all of it the first time). */
  private async refresh(): Promise<void> {
    const file = path.join(this.dir, TEXTS);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return;
    }
    if (size <= this.loadedBytes) return;
    let offset = this.loadedBytes;
    const lines = createInterface({ input: createReadStream(file, { start: this.loadedBytes, end: size - 1, encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      const length = Buffer.byteLength(line) + 1;
      const parsed = textLineSchema.safeParse(safeJson(line));
      if (parsed.success && !this.folded.has(parsed.data.h)) {
        this.folded.set(parsed.data.h, searchKey(parsed.data.t));
        this.offsets.set(parsed.data.h, [offset, length - 1]);
      }
      offset += length;
    }
    this.loadedBytes = offset;
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
