import type { StoredBlock } from '../snapshot/format';
import { syncedOriginalOf } from '../snapshot/format';
import type { BlockObjectRequest, ConvertedBlock } from './convert';
import { convertBlock, withChildren } from './convert';
import { isObjectBlock } from './nested-objects';
import type { Container, RestoreRun } from './run';

/**
 * The unit of an append: one stored block converted to its request payload, with the children that
 * can travel inside the same request (two levels per request; a column list carries its columns and
 * their first children).
 */
/** Notion's limits for one append: 100 children per level, 1,000 blocks and ~500 KB in all. */
export const MAX_CHILDREN = 100;
export const MAX_BLOCKS_PER_REQUEST = 1000;
export const MAX_BYTES_PER_REQUEST = 450_000;

/** One stored block ready to append: its payload(s) and the children sent inside the same request. */
export interface Unit {
  block: StoredBlock;
  /** Position among the container's stored children. */
  index?: number;
  converted: ConvertedBlock;
  /** Unit ids in creation order: the block, then `<id>#2`, `<id>#3`… for continuation blocks. */
  unitIds: string[];
  /** Stored children created inline under the first payload (level 2). */
  inline: StoredBlock[];
  /** Stored children of each inline column (column_list only), created inline too. */
  inlineColumns: Map<string, StoredBlock[]>;
  /** Stored children beyond the inline limit, appended to the created block afterwards. */
  rest: StoredBlock[];
  blockCount: number;
  bytes: number;
  /** Replaced by a note after Notion refused it. */
  degraded?: boolean;
}

export function unitIds(block: StoredBlock, converted: ConvertedBlock): string[] {
  return [block.id, ...converted.continuation.map((_payload, index) => `${block.id}#${index + 2}`)];
}

export function isSyncedCopy(block: StoredBlock): string | undefined {
  return syncedOriginalOf(block);
}

/** A synced copy whose original exists in the restore: its content is the original's. */
export function waitsForOriginal(run: RestoreRun, block: StoredBlock): boolean {
  const original = isSyncedCopy(block);
  return original !== undefined && run.newIdFor(original) !== undefined;
}


export async function unitFor(run: RestoreRun, container: Container, block: StoredBlock, context: ReturnType<RestoreRun['convertContext']>): Promise<Unit> {
  const converted = convertBlock(block, context);
  const unit: Unit = {
    block,
    converted,
    unitIds: unitIds(block, converted),
    inline: [],
    inlineColumns: new Map(),
    rest: [],
    blockCount: 1 + converted.continuation.length,
    bytes: Buffer.byteLength(JSON.stringify(converted.payload ?? {})),
  };
  if (!converted.payload || !converted.acceptsChildren || !block.has_children || waitsForOriginal(run, block)) return unit;
  const children = (await run.reader.blockChildren(container.dir, block.id)) ?? [];
  const inlineCandidates = children.slice(0, MAX_CHILDREN);
  unit.rest = children.slice(MAX_CHILDREN);
  unit.inline = inlinePrefix(run, inlineCandidates);
  unit.rest = children.slice(unit.inline.length);
  if (block.type === 'column_list') {
    for (const column of unit.inline) {
      const columnChildren = ((await run.reader.blockChildren(`${container.dir}/${block.id}`, column.id)) ?? []).slice(0, MAX_CHILDREN);
      unit.inlineColumns.set(column.id, inlinePrefix(run, columnChildren));
    }
  }
  // A column whose content cannot go inline gets a placeholder paragraph (Notion needs one child).
  const columnBlocks = [...unit.inlineColumns.values()].reduce((sum, list) => sum + Math.max(list.length, 1), 0);
  unit.blockCount += unit.inline.length + columnBlocks;
  // The stored form is larger than the request form, so this errs on the safe side of the size limit.
  unit.bytes += Buffer.byteLength(JSON.stringify([unit.inline, [...unit.inlineColumns.values()]]));
  return unit;
}

/**
 * The leading children that can be created inside their parent's request: pages and databases are
 * created by other endpoints, and blocks that wait for what they refer to come later.
 */
export function inlinePrefix(run: RestoreRun, children: StoredBlock[]): StoredBlock[] {
  // A column list goes only in the top-level array of a request (Notion's request types), so it is
  // appended on its own to the block that holds it.
  const stop = children.findIndex(
    (child) => isObjectBlock(child) || isSyncedCopy(child) || child.type === 'column_list' || run.forwardReferences(child).length > 0,
  );
  return stop < 0 ? children : children.slice(0, stop);
}

export const COLUMN_PLACEHOLDER: BlockObjectRequest = { type: 'paragraph', paragraph: { rich_text: [] } };

/** Request payloads of a unit: its block with the inline children attached, then continuations. */
export async function payloadsOf(run: RestoreRun, container: Container, unit: Unit): Promise<BlockObjectRequest[]> {
  const context = run.convertContext();
  const { payload, continuation } = unit.converted;
  if (!payload) return [];
  const childDir = `${container.dir}/${unit.block.id}`;
  const children: BlockObjectRequest[] = [];
  for (const child of unit.inline) {
    await run.uploader.uploadFrom(childDir, (ref) => ref === `block:${child.id}` || ref === `block:${child.id}:icon`);
    const converted = convertBlock(child, context);
    if (!converted.payload) continue;
    if (child.type === 'synced_block') run.syncedOriginals.add(child.id);
    const columnChildren = unit.inlineColumns.get(child.id);
    if (columnChildren) {
      const grandchildren: BlockObjectRequest[] = [];
      for (const grandchild of columnChildren) {
        const convertedGrandchild = convertBlock(grandchild, context);
        if (convertedGrandchild.payload) grandchildren.push(convertedGrandchild.payload, ...convertedGrandchild.continuation);
      }
      if (grandchildren.length === 0) grandchildren.push(COLUMN_PLACEHOLDER);
      children.push(withChildren(converted.payload, grandchildren));
    } else {
      children.push(converted.payload, ...converted.continuation);
    }
  }
  return [children.length > 0 ? withChildren(payload, children) : payload, ...continuation];
}
