import type { BlockObjectResponse, CommentObjectResponse, PageObjectResponse } from '@notionhq/client';
import type { FileDescriptor, IndexEntry } from '../../snapshot/format';
import { joinSnapshotPath } from '../../snapshot/writer';
import type { CrawlContext, ReusableTree } from './context';
import { blockHostedFiles } from './files';
import { pageTitle } from './notion-objects';
// Natural mutual recursion: a page holds databases, whose rows are pages.
import { visitDatabase } from './databases';
import type { OwnTree } from './page-files';
import { pageFiles, storeCommentFiles, storeOwnFile } from './page-files';
import { retrieveTruncatedProperties } from './properties';
import { listBlockChildren, listComments, readOrUnreachable, retrieveBlock, retrievePage } from './reads';
// Natural mutual recursion: the block walk notes synced blocks, and synced copies are walked with it.
import { noteSyncedCopy, noteSyncedOriginal, reuseSyncedBlocks } from './synced-blocks';
import { revisitLinkedDatabases } from './views';
import { CheckpointTree, PageTracker } from './checkpoint';
import { clearOwnTree } from './own-tree';

export interface PageVisit {
  pageId: string;
  /** The page object when the caller already has it (search results, query rows). */
  page?: PageObjectResponse | undefined;
  dir: string;
  parentId: string | null;
  isRow: boolean;
  referencedFrom: string | null;
}

/** Block types that can carry inline comments (text-bearing blocks and media captions). */
const COMMENTABLE_TYPES = new Set([
  'paragraph', 'heading_1', 'heading_2', 'heading_3', 'heading_4', 'bulleted_list_item', 'numbered_list_item',
  'to_do', 'toggle', 'quote', 'callout', 'code', 'image', 'video', 'audio', 'pdf', 'file', 'bookmark', 'equation',
  'table_row',
]);

export async function visitPage(context: CrawlContext, visit: PageVisit): Promise<void> {
  const { state } = context;
  if (state.visited.has(visit.pageId)) return;
  state.visited.add(visit.pageId);
  const counted = visit.page !== undefined || state.searchPages.has(visit.pageId);
  let page = visit.page ?? state.searchPages.get(visit.pageId);
  state.searchPages.delete(visit.pageId);
  if (!page) {
    if (!counted) state.knownPages += 1;
    page = await readOrUnreachable(context, { id: visit.pageId, object: 'page', referencedFrom: visit.referencedFrom }, () => retrievePage(context, visit.pageId));
    if (!page) return;
  }
  // A page moved to the trash since the last snapshot (reached through the previous tree) is gone.
  if (page.in_trash || page.archived) return;
  const entry: IndexEntry = {
    id: page.id,
    object: 'page',
    title: pageTitle(page),
    icon: page.icon ?? null,
    path: visit.dir,
    parentId: visit.parentId,
    isRow: visit.isRow,
    lastEditedTime: page.last_edited_time ?? null,
    url: page.url ?? null,
    stats: { blocks: 0, files: 0, fileBytes: 0, comments: 0 },
  };
  state.index.add(entry);
  const reusable = context.reuse.find((tree) => tree.canReuse(page.id, page.last_edited_time));
  if (reusable) {
    await reusePage(context, reusable, page, visit, entry);
  } else {
    await fetchPage(context, page, visit, entry);
  }
  if (visit.isRow) state.counts.rows += 1;
  else state.counts.pages += 1;
  context.onProgress();
}

/**
 * Unchanged since it was stored (the last good snapshot, or an interrupted crawl into this tree):
 * link its own files, then visit its children one by one.
 */
async function reusePage(context: CrawlContext, previous: ReusableTree, page: PageObjectResponse, visit: PageVisit, entry: IndexEntry): Promise<void> {
  const before = previous.entry(page.id);
  if (!before?.stats) return;
  const linkedViews = await previous.copyOwnTree(before, context.writer, visit.dir);
  revisitLinkedDatabases(context, page.id, linkedViews);
  entry.stats = { ...before.stats };
  const { counts } = context.state;
  counts.blocks += before.stats.blocks;
  counts.files += before.stats.files;
  counts.fileBytes += before.stats.fileBytes;
  counts.comments += before.stats.comments;
  counts.reusedPages += 1;
  context.state.unsupportedBlocks.push(...previous.unsupportedBlocksOf(page.id));
  context.state.unreachable.push(...previous.unreachableFrom(page.id));
  reuseSyncedBlocks(context, { pageId: page.id, entry }, previous.syncedBlocksOf(page.id), before.path, visit.dir);
  const children = previous.childrenOf(page.id).map((child) => ({ ...child, path: joinSnapshotPath(visit.dir, child.path.slice(before.path.length + 1)) }));
  await context.checkpoint?.record(context.state, entry, children);
  context.state.index.seal(entry.id);
  for (const child of children) {
    const dir = child.path;
    const childId = child.id;
    const pageId = page.id;
    context.state.objectBlocks.push({ id: childId, ownerId: pageId });
    if (child.object === 'database') {
      context.schedule(() => visitDatabase(context, { databaseId: childId, dir, parentId: pageId, referencedFrom: pageId }), dir);
    } else {
      context.schedule(() => visitPage(context, { pageId: childId, dir, parentId: pageId, isRow: false, referencedFrom: pageId }), dir);
    }
  }
}

async function fetchPage(context: CrawlContext, page: PageObjectResponse, visit: PageVisit, entry: IndexEntry): Promise<void> {
  // What an interrupted crawl left of this page is stale: its own tree is written again from scratch.
  if (context.reuse.some((tree) => tree instanceof CheckpointTree)) await clearOwnTree(context.writer.absolute(visit.dir));
  // Once the page's own tree is written: recorded for resuming, and its index entry sealed.
  const tracker: PageTracker = new PageTracker(async () => {
    await context.checkpoint?.record(context.state, entry, tracker.children);
    context.state.index.seal(entry.id);
  });
  const own: OwnTree = { pageId: page.id, entry, tracker };
  const files = new Map<string, FileDescriptor>();
  const comments: CommentObjectResponse[] = [];
  const what = { id: page.id, object: 'page', referencedFrom: visit.referencedFrom } as const;
  const listed = await readOrUnreachable(context, what, () => listBlockChildren(context, page.id), 'content: ');
  const children = listed ?? [];
  await handleBlocks(context, own, children, visit.dir, files, comments);
  for (const target of pageFiles(context, page)) await storeOwnFile(context, own, visit.dir, files, target);
  const fullProperties = await retrieveTruncatedProperties(context, page);
  if (context.comments !== 'off') {
    const pageComments = await listComments(context, page.id);
    comments.unshift(...pageComments);
  }
  await storeCommentFiles(context, own, visit.dir, files, comments);
  await context.writer.writePage(visit.dir, page, children);
  if (Object.keys(fullProperties).length > 0) await context.writer.writeFullProperties(visit.dir, fullProperties);
  await writeComments(context, own, visit.dir, comments);
  await context.writer.writeFilesIndex(visit.dir, files);
  // A page whose content could not be listed is not recorded: a resumed crawl asks again.
  if (listed) await tracker.end();
}

/** Records each block, stores its file, and schedules its children, child pages and child databases. */
async function handleBlocks(
  context: CrawlContext,
  own: OwnTree,
  blocks: BlockObjectResponse[],
  dir: string,
  files: Map<string, FileDescriptor>,
  comments: CommentObjectResponse[],
): Promise<void> {
  for (const block of blocks) {
    // child_page and child_database blocks stand for the pages and databases counted on their own.
    if (block.type !== 'child_page' && block.type !== 'child_database') {
      own.entry.stats!.blocks += 1;
      context.state.counts.blocks += 1;
    }
    if (block.type === 'unsupported') {
      context.state.unsupportedBlocks.push({ blockId: block.id, pageId: own.pageId, blockType: block.unsupported?.block_type ?? 'unknown' });
    }
    for (const file of blockHostedFiles(block, () => retrieveBlock(context, block.id))) {
      await storeOwnFile(context, own, dir, files, file);
    }
    if (context.comments === 'all' && COMMENTABLE_TYPES.has(block.type)) comments.push(...(await listComments(context, block.id)));
    const childDir = joinSnapshotPath(dir, block.id);
    const blockId = block.id;
    const ownerId = own.pageId;
    if (block.type === 'child_page' || block.type === 'child_database') {
      context.state.objectBlocks.push({ id: blockId, ownerId });
      own.tracker?.children.push({ id: blockId, object: block.type === 'child_page' ? 'page' : 'database', path: childDir });
    }
    if (block.type === 'child_page') {
      context.schedule(
        () => visitPage(context, { pageId: blockId, dir: childDir, parentId: ownerId, isRow: false, referencedFrom: ownerId }),
        childDir,
      );
    } else if (block.type === 'child_database') {
      context.schedule(() => visitDatabase(context, { databaseId: blockId, dir: childDir, parentId: ownerId, referencedFrom: ownerId }), childDir);
    } else if (block.has_children && !noteSyncedCopy(context, own, block, childDir)) {
      const syncedOriginal = block.type === 'synced_block';
      own.tracker?.begin();
      context.schedule(async () => {
        const stored = await visitBlockChildren(context, own, blockId, childDir);
        if (stored && syncedOriginal) noteSyncedOriginal(context, own, blockId, childDir);
        await own.tracker?.end();
      }, childDir);
    }
  }
  context.onProgress();
}

/**
 * Lists a block's children into `<blockDir>/blocks.json` and handles them. False when Notion would
 * not list them (recorded as unreachable).
 */
export async function visitBlockChildren(context: CrawlContext, own: OwnTree, blockId: string, blockDir: string): Promise<boolean> {
  // e.g. a synced copy whose original is not shared with the integration
  const children = await readOrUnreachable(context, { id: blockId, object: 'block', referencedFrom: own.pageId }, () => listBlockChildren(context, blockId));
  if (!children) return false;
  const files = new Map<string, FileDescriptor>();
  const comments: CommentObjectResponse[] = [];
  await handleBlocks(context, own, children, blockDir, files, comments);
  await storeCommentFiles(context, own, blockDir, files, comments);
  await context.writer.writeBlockChildren(blockDir, children);
  await writeComments(context, own, blockDir, comments);
  await context.writer.writeFilesIndex(blockDir, files);
  return true;
}

async function writeComments(context: CrawlContext, own: OwnTree, dir: string, comments: CommentObjectResponse[]): Promise<void> {
  if (comments.length === 0) return;
  own.entry.stats!.comments += comments.length;
  context.state.counts.comments += comments.length;
  await context.writer.writeComments(dir, comments);
}

/**
 * A child_page or child_database block stands for a page or database of the snapshot; when none was
 * stored (a linked database view, a page unreadable or trashed since), it is a block of its own. Runs
 * once the whole tree is stored, so the manifest counts what the snapshot holds.
 */
export function countUnstoredObjectBlocks(context: CrawlContext): void {
  const { index } = context.state;
  const counted = new Set<string>();
  for (const { id, ownerId } of context.state.objectBlocks) {
    if (index.has(id) || counted.has(id)) continue;
    counted.add(id);
    const owner = index.edit(ownerId);
    if (owner?.stats) owner.stats.blocks += 1;
    context.state.counts.blocks += 1;
  }
  context.state.objectBlocks = [];
}
