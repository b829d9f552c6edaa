import type { IndexEntry } from '../../snapshot/format';
import { SpilledMap } from './spill-file';

/**
 * The index entries of a crawl (index.json), one per page and database. An entry is open while its
 * object's own tree is being written (its stats still count blocks, files and comments), then sealed:
 * its JSON goes to a spill file and memory keeps where it is (about 100 bytes an entry instead of
 * about 800). The rare change after that (a synced copy's children or a child_page block counted at
 * the end of the crawl) opens it again with `edit`. Ids are unique: the crawl visits each object once.
 */
export class CrawlIndex {
  private readonly open = new Map<string, IndexEntry>();
  private readonly sealed: SpilledMap<IndexEntry>;

  constructor(spillDir?: string) {
    this.sealed = new SpilledMap('index-entries', spillDir);
  }

  add(entry: IndexEntry): void {
    this.sealed.delete(entry.id);
    this.open.set(entry.id, entry);
  }

  /** The entry is complete: out of memory until it is written out or edited. */
  seal(id: string): void {
    const entry = this.open.get(id);
    if (!entry) return;
    this.sealed.set(id, entry);
    this.open.delete(id);
  }

  /** The entry, open to changes: it stays open until sealed again. */
  edit(id: string): IndexEntry | undefined {
    const open = this.open.get(id);
    if (open) return open;
    const entry = this.sealed.get(id);
    if (!entry) return undefined;
    this.sealed.delete(id);
    this.open.set(id, entry);
    return entry;
  }

  has(id: string): boolean {
    return this.open.has(id) || this.sealed.has(id);
  }

  get size(): number {
    return this.open.size + this.sealed.size;
  }

  /**
   * Every entry in index.json's order (by path). `keep` makes what the caller holds on to of each
   * entry, and its path is the sort key: no other list of paths is made. `entries` then reads each
   * entry from the spill file again as it is written out.
   */
  sortedByPath<T extends { id: string; path: string }>(keep: (entry: IndexEntry) => T): { kept: T[]; entries: Generator<IndexEntry> } {
    const kept: T[] = [];
    for (const id of this.ids()) kept.push(keep(this.get(id)!));
    kept.sort((a, b) => a.path.localeCompare(b.path));
    return { kept, entries: this.readEach(kept) };
  }

  /** Every entry's path. */
  *paths(): Generator<string> {
    for (const id of this.ids()) yield this.get(id)!.path;
  }

  close(): void {
    this.open.clear();
    this.sealed.close();
  }

  private *ids(): Generator<string> {
    yield* this.open.keys();
    yield* this.sealed.keys();
  }

  private *readEach(order: Iterable<{ id: string }>): Generator<IndexEntry> {
    for (const { id } of order) yield this.get(id)!;
  }

  private get(id: string): IndexEntry | undefined {
    return this.open.get(id) ?? this.sealed.get(id);
  }
}
