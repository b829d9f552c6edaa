/**
 * A list the crawl appends to (unreachable items, unsupported blocks, synced blocks, failed files),
 * also grouped by the page each item belongs to. The checkpoint asks for one page's items every time a
 * page is complete: a lookup here instead of a pass over the whole list, which at 100,000 pages with
 * many items would cost pages × items.
 */
export class ByPageList<T> {
  private items: T[] = [];
  private readonly groups = new Map<string, T[]>();

  constructor(private readonly pageOf: (item: T) => string | null) {}

  static of<T>(items: readonly T[], pageOf: (item: T) => string | null): ByPageList<T> {
    const list = new ByPageList(pageOf);
    for (const item of items) list.push(item);
    return list;
  }

  push(...items: T[]): void {
    for (const item of items) {
      this.items.push(item);
      const page = this.pageOf(item);
      if (page === null) continue;
      const group = this.groups.get(page);
      if (group) group.push(item);
      else this.groups.set(page, [item]);
    }
  }

  /** The items of one page, in the order they were added. */
  ofPage(pageId: string): readonly T[] {
    return this.groups.get(pageId) ?? [];
  }

  /** Every item, in the order they were added. */
  all(): readonly T[] {
    return this.items;
  }

  get length(): number {
    return this.items.length;
  }

  /** Removes every item and returns them (a work list that may grow while it is being worked through). */
  drain(): T[] {
    const items = this.items;
    this.items = [];
    this.groups.clear();
    return items;
  }
}
