import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `store` packs offset × 2^24 + length in one number: texts under 16 MB, offsets exact up to 2^53. */
const PACKED_LENGTH_LIMIT = 2 ** 24;

/** Where a text stands in a spill file. */
export interface SpillSpan {
  offset: number;
  length: number;
}

/**
 * A private file holding texts the crawl would otherwise keep in memory by the hundred thousand (search
 * results waiting for their visit, finished index entries), read back by position: memory holds two
 * numbers per text. In the crawl's own folder when it has one (0700), else the system's temporary
 * folder; 0600. On POSIX the file is unlinked as soon as it is open, so nothing is left behind whatever
 * happens to the process; on Windows `close` removes it. Reads and writes are synchronous: a few KB at
 * a time, from the page cache, cheaper than a promise each.
 */
export class SpillFile {
  private fd: number | undefined;
  private file: string | undefined;
  private end = 0;

  constructor(
    private readonly name: string,
    private readonly dir?: string,
  ) {}

  append(text: string): SpillSpan {
    const bytes = Buffer.from(text, 'utf8');
    const fd = this.open();
    writeSync(fd, bytes, 0, bytes.length, this.end);
    const span = { offset: this.end, length: bytes.length };
    this.end += bytes.length;
    return span;
  }

  read(span: SpillSpan): string {
    if (this.fd === undefined) throw new Error(`The ${this.name} spill file is closed.`);
    const bytes = Buffer.alloc(span.length);
    readSync(this.fd, bytes, 0, span.length, span.offset);
    return bytes.toString('utf8');
  }

  /** Appends a text and gives where it is as one number (no object to keep per text). */
  store(text: string): number {
    const { offset, length } = this.append(text);
    if (length >= PACKED_LENGTH_LIMIT) throw new Error(`A ${this.name} text is too long to spill (${length} bytes).`);
    return offset * PACKED_LENGTH_LIMIT + length;
  }

  /** A text stored by `store`. */
  load(packed: number): string {
    const length = packed % PACKED_LENGTH_LIMIT;
    return this.read({ offset: (packed - length) / PACKED_LENGTH_LIMIT, length });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.file) rmSync(this.file, { force: true });
    this.file = undefined;
    this.end = 0;
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    const file = path.join(this.dir ?? os.tmpdir(), `${this.name}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    this.fd = openSync(file, 'w+', 0o600);
    if (process.platform === 'win32') this.file = file;
    else unlinkSync(file);
    return this.fd;
  }
}

/**
 * A map whose values (anything JSON can carry) wait in a spill file: memory keeps each key and one
 * number. Setting a key again appends the new value; the old one stays in the file until `close`.
 */
export class SpilledMap<V> {
  private readonly where = new Map<string, number>();
  private readonly spill: SpillFile;

  constructor(name: string, dir?: string) {
    this.spill = new SpillFile(name, dir);
  }

  set(key: string, value: V): void {
    this.where.set(key, this.spill.store(JSON.stringify(value)));
  }

  /** A fresh copy of the value, parsed from the file. */
  get(key: string): V | undefined {
    const packed = this.where.get(key);
    return packed === undefined ? undefined : (JSON.parse(this.spill.load(packed)) as V);
  }

  has(key: string): boolean {
    return this.where.has(key);
  }

  delete(key: string): boolean {
    return this.where.delete(key);
  }

  get size(): number {
    return this.where.size;
  }

  keys(): IterableIterator<string> {
    return this.where.keys();
  }

  /** Forgets every key and removes the file. */
  close(): void {
    this.where.clear();
    this.spill.close();
  }
}
