import type { IndexEntry, StoredBlock } from '../snapshot/format';
import { storedBlockSchema } from '../snapshot/format';
import type { AppendPosition } from './convert';
import type { Container, RestoreRun } from './run';

/**
 * Pages and databases that lived inside a block (a toggle, a column, a synced block, a callout…).
 * `pages.create` takes only a page, data source, database or workspace parent, never a block, so such a
 * page is created as a sub-page of the nearest page, right after the first-level block that held it,
 * and a link_to_page stands where it was. Databases have no `position`: they go to the end of the page.
 */
export interface NestedObject {
  entry: IndexEntry;
  block: StoredBlock;
  /** The first-level block of the page that held it (the page is placed right after it). */
  topBlockOldId: string;
  /** Type of the block that directly held it, for the report. */
  holderType: string;
}

export function isObjectBlock(block: StoredBlock): boolean {
  return block.type === 'child_page' || block.type === 'child_database';
}

/** Id of the link that stands in for a nested page or database (kept apart from the object's own id). */
export function standInId(objectId: string): string {
  return `${objectId}:link`;
}

/** The link_to_page block left where a nested page or database stood. */
export function linkStandIn(block: StoredBlock): StoredBlock {
  const target = block.type === 'child_page' ? { type: 'page_id', page_id: block.id } : { type: 'database_id', database_id: block.id };
  return storedBlockSchema.parse({ object: 'block', id: standInId(block.id), type: 'link_to_page', has_children: false, link_to_page: target });
}

/** Nested pages and databases found while restoring each page's content, in the order they appeared. */
export class NestedObjects {
  private readonly byPage = new Map<string, NestedObject[]>();

  constructor(private readonly run: RestoreRun) {}

  /**
   * The blocks to restore in place of `block` inside a block container: a link to the nested object,
   * which is remembered for its page; nothing when the object is not in the restore.
   */
  standInFor(container: Container, block: StoredBlock): StoredBlock[] {
    if (container.topBlockOldId === undefined || !isObjectBlock(block)) return [block];
    const entry = this.run.reader.entry(block.id);
    if (this.run.leftOut.has(block.id)) return [];
    if (!entry || !this.run.inRestore.has(block.id)) {
      const what = block.type === 'child_page' ? 'a sub-page' : 'a database (a linked view?)';
      this.run.recordLoss({ kind: 'link-outside-restore', objectId: block.id, detail: `${what} inside a ${readable(container.blockType)} is not in the snapshot and was left out` });
      return [];
    }
    const list = this.byPage.get(container.pageOldId) ?? [];
    if (!list.some((item) => item.block.id === block.id)) {
      list.push({ entry, block, topBlockOldId: container.topBlockOldId, holderType: container.blockType ?? 'block' });
      this.byPage.set(container.pageOldId, list);
    }
    return [linkStandIn(block)];
  }

  /** Nested objects of one page, in reading order. */
  of(pageOldId: string): NestedObject[] {
    return this.byPage.get(pageOldId) ?? [];
  }

  /** Where the nested object at `index` goes: right after the previous one beside the same block, else after that block. */
  positionOf(pageOldId: string, index: number): AppendPosition | undefined {
    const items = this.of(pageOldId);
    const item = items[index];
    const previous = items[index - 1];
    if (!item) return undefined;
    const afterOldId = previous?.topBlockOldId === item.topBlockOldId ? previous.entry.id : item.topBlockOldId;
    const afterNewId = this.run.newIdFor(afterOldId);
    return afterNewId ? { type: 'after_block', after_block: { id: afterNewId } } : undefined;
  }

  reportMove(item: NestedObject, pageTitle: string): void {
    const holder = readable(item.holderType);
    const detail =
      item.block.type === 'child_page'
        ? `"${item.entry.title}" lived inside a ${holder}; Notion cannot create pages inside blocks, so it is now a sub-page of "${pageTitle}" right after that block, and a link stands where it was`
        : `the database "${item.entry.title}" lived inside a ${holder}; Notion cannot create databases inside blocks or place them, so it is at the end of "${pageTitle}", and a link stands where it was`;
    this.run.recordLoss({ kind: 'object-moved', objectId: item.entry.id, detail });
  }
}

function readable(type: string | undefined): string {
  if (!type) return 'block';
  if (type === 'column') return 'column';
  if (type === 'synced_block') return 'synced block';
  return type.replace(/_/g, ' ').replace(/^heading (\d)$/, 'toggle heading $1');
}
