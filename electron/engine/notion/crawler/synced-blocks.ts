/**
 * Synced blocks (docs/snapshot-format.md, "Synced blocks"). An original's children are stored like any
 * block's. A copy with children gets a blocks.json too (the official connector's layout has one for
 * every block with children): written at the end of the crawl from its original's stored tree, with no
 * request, or listed through the copy when its original is not in the backup. The manifest lists
 * every synced block with stored children, so readers can tell a mirror from content of its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileDescriptor, StoredBlock, SyncedBlockEntry } from '../../snapshot/format';
import { blocksFileSchema, filesFileSchema, syncedOriginalOf } from '../../snapshot/format';
import { joinSnapshotPath } from '../../snapshot/writer';
import type { CrawlContext, SyncedCopy } from './context';
import { linkOrCopy } from './link-or-copy';
import type { OwnTree } from './page-files';
// Natural mutual recursion: a synced copy's children are walked like a page's blocks, which note further copies.
import { visitBlockChildren } from './pages';
import { clearOwnTree } from './own-tree';

/** Notes a synced copy with children (its blocks.json is written later); false for any other block. */
export function noteSyncedCopy(context: CrawlContext, own: OwnTree, block: StoredBlock, dir: string): boolean {
  const originalId = syncedOriginalOf(block);
  if (!originalId) return false;
  context.state.syncedCopies.push({ blockId: block.id, originalId, dir, pageId: own.pageId });
  return true;
}

/** A synced original whose children are stored in `dir`. */
export function noteSyncedOriginal(context: CrawlContext, own: OwnTree, blockId: string, dir: string): void {
  context.state.syncedOriginals.set(blockId, dir);
  context.state.syncedBlocks.push({ blockId, pageId: own.pageId, path: dir, syncedFrom: null, children: 'own' });
}

/**
 * The synced blocks of a page reused from the previous snapshot, moved from its old directory to its
 * new one. Mirrors are rebuilt at the end of every crawl (the original may have changed while the
 * copy's page did not), so what the previous snapshot recorded inside a mirror is dropped.
 */
export function reuseSyncedBlocks(context: CrawlContext, own: OwnTree, records: SyncedBlockEntry[], oldDir: string, newDir: string): void {
  const mirrors = records.filter((record) => record.children === 'mirror').map((record) => `${record.path}/`);
  for (const record of records) {
    if (!record.path.startsWith(`${oldDir}/`) || mirrors.some((mirror) => record.path.startsWith(mirror))) continue;
    const dir = joinSnapshotPath(newDir, record.path.slice(oldDir.length + 1));
    if (record.syncedFrom === null) noteSyncedOriginal(context, own, record.blockId, dir);
    else {
      const copy = { blockId: record.blockId, originalId: record.syncedFrom, dir, pageId: own.pageId };
      context.state.syncedCopies.push({ ...copy, reused: record.children });
    }
  }
}

function recordCopy(context: CrawlContext, copy: SyncedCopy, children: SyncedBlockEntry['children']): void {
  context.state.syncedBlocks.push({ blockId: copy.blockId, pageId: copy.pageId, path: copy.dir, syncedFrom: copy.originalId, children });
}

/**
 * Runs once every page is stored. A copy whose original is not in the backup keeps (reused page) or
 * gets (one listing per copy) the children Notion lists through it; every other copy mirrors its
 * original's stored tree. Copies found while listing are handled in the next round.
 */
export async function finishSyncedBlocks(context: CrawlContext, drain: () => Promise<void>): Promise<void> {
  const { state } = context;
  const mirrors: SyncedCopy[] = [];
  while (state.syncedCopies.length > 0) {
    for (const copy of state.syncedCopies.drain()) {
      if (state.syncedOriginals.has(copy.originalId)) mirrors.push(copy);
      else if (copy.reused === 'own') recordCopy(context, copy, 'own');
      else {
        // The page's entry was sealed with its own tree: opened again to count the copy's blocks.
        const own: OwnTree = { pageId: copy.pageId, entry: state.index.edit(copy.pageId)! };
        context.schedule(async () => {
          if (copy.reused) await clearOwnTree(context.writer.absolute(copy.dir));
          if (await visitBlockChildren(context, own, copy.blockId, copy.dir)) recordCopy(context, copy, 'own');
        }, copy.dir);
      }
    }
    await drain();
  }
  mirrors.sort((a, b) => a.dir.localeCompare(b.dir));
  for (const copy of mirrors) {
    if (copy.reused) await clearOwnTree(context.writer.absolute(copy.dir));
    await mirrorCopy(context, copy, [copy.originalId]);
  }
}

/** Writes `copy.dir` as a mirror of its original's tree; `seen` guards against copies of copies in a loop. */
async function mirrorCopy(context: CrawlContext, copy: SyncedCopy, seen: string[]): Promise<void> {
  const originalDir = context.state.syncedOriginals.get(copy.originalId);
  if (originalDir === undefined) return;
  if (await mirrorTree(context, copy, copy.dir, originalDir, seen)) recordCopy(context, copy, 'mirror');
}

/**
 * Links `<source>/blocks.json` and the block files beside it into `target`, then does the same for
 * every child with children (pages and databases stay where they are, under the original). Comments
 * are not mirrored: they belong to the original's blocks. False when the source has no blocks.json.
 */
async function mirrorTree(context: CrawlContext, copy: SyncedCopy, target: string, source: string, seen: string[]): Promise<boolean> {
  const { writer } = context;
  let children: StoredBlock[];
  try {
    children = blocksFileSchema.parse(JSON.parse(await readFile(writer.absolute(source, 'blocks.json'), 'utf8')));
  } catch {
    return false;
  }
  await writer.ensureDir(target);
  await linkOrCopy(writer.absolute(source, 'blocks.json'), writer.absolute(target, 'blocks.json'));
  await mirrorBlockFiles(context, source, target);
  for (const child of children) {
    if (!child.has_children || child.type === 'child_page' || child.type === 'child_database') continue;
    const childTarget = joinSnapshotPath(target, child.id);
    const nestedOriginal = syncedOriginalOf(child);
    if (nestedOriginal && context.state.syncedOriginals.has(nestedOriginal)) {
      if (seen.includes(nestedOriginal)) continue;
      await mirrorCopy(context, { ...copy, blockId: child.id, originalId: nestedOriginal, dir: childTarget, reused: undefined }, [...seen, nestedOriginal]);
    } else {
      await mirrorTree(context, copy, childTarget, joinSnapshotPath(source, child.id), seen);
    }
  }
  return true;
}

async function mirrorBlockFiles(context: CrawlContext, source: string, target: string): Promise<void> {
  let described: Record<string, FileDescriptor>;
  try {
    described = filesFileSchema.parse(JSON.parse(await readFile(context.writer.absolute(source, 'files.json'), 'utf8')));
  } catch {
    return;
  }
  const files = new Map<string, FileDescriptor>();
  for (const [ref, descriptor] of Object.entries(described)) {
    if (!ref.startsWith('block:') || path.basename(descriptor.file) !== descriptor.file) continue;
    await linkOrCopy(context.writer.absolute(source, descriptor.file), context.writer.absolute(target, descriptor.file));
    files.set(ref, descriptor);
  }
  await context.writer.writeFilesIndex(target, files);
}

