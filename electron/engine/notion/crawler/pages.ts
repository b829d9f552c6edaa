import { originalFileName } from '../../snapshot/file-names';
import type { FileDescriptor, IndexEntry } from '../../snapshot/writer';
import { joinSnapshotPath } from '../../snapshot/writer';
import type { CrawlContext } from './context';
import type { HostedFile } from './files';
import { blockHostedFiles, fileExtension, isHostedFile, shortHash, storeHostedFile } from './files';
import type { BlockObject, CommentObject, FileObject, PageObject, PropertyValue } from './notion-objects';
import { pageTitle } from './notion-objects';
import { visitDatabase } from './databases';
import { isUnreadable, listBlockChildren, listComments, retrieveBlock, retrievePage, unreadableReason } from './reads';

export interface PageVisit {
  pageId: string;
  /** The page object when the caller already has it (search results, query rows). */
  page?: PageObject | undefined;
  dir: string;
  parentId: string | null;
  isRow: boolean;
  referencedFrom: string | null;
}

/** What a page's own files hold, shared by the tasks that fill its block directories. */
interface OwnTree {
  pageId: string;
  entry: IndexEntry;
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
  let page = visit.page ?? state.searchPages.get(visit.pageId);
  state.searchPages.delete(visit.pageId);
  if (!page) {
    state.knownPages += 1;
    try {
      page = await retrievePage(context, visit.pageId);
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      state.unreachable.push({ id: visit.pageId, object: 'page', referencedFrom: visit.referencedFrom, reason: unreadableReason(error) });
      return;
    }
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
  state.index.push(entry);
  if (context.previous?.canReuse(page.id, page.last_edited_time)) {
    await reusePage(context, page, visit, entry);
  } else {
    await fetchPage(context, page, visit, entry);
  }
  if (visit.isRow) state.counts.rows += 1;
  else state.counts.pages += 1;
  context.onProgress();
}

/** Unchanged since the last good snapshot: link its own files, then visit its children one by one. */
async function reusePage(context: CrawlContext, page: PageObject, visit: PageVisit, entry: IndexEntry): Promise<void> {
  const previous = context.previous;
  const before = previous?.entry(page.id);
  if (!previous || !before?.stats) return;
  await previous.copyOwnTree(before, context.writer, visit.dir);
  entry.stats = { ...before.stats };
  const { counts } = context.state;
  counts.blocks += before.stats.blocks;
  counts.files += before.stats.files;
  counts.fileBytes += before.stats.fileBytes;
  counts.comments += before.stats.comments;
  counts.reusedPages += 1;
  context.state.unsupportedBlocks.push(...previous.unsupportedBlocksOf(page.id));
  for (const child of previous.childrenOf(page.id)) {
    const relative = child.path.slice(before.path.length + 1);
    const dir = joinSnapshotPath(visit.dir, relative);
    const childId = child.id;
    const pageId = page.id;
    context.state.objectBlocks.push({ id: childId, entry });
    if (child.object === 'database') {
      context.schedule(() => visitDatabase(context, { databaseId: childId, dir, parentId: pageId, referencedFrom: pageId }), dir);
    } else {
      context.schedule(() => visitPage(context, { pageId: childId, dir, parentId: pageId, isRow: false, referencedFrom: pageId }), dir);
    }
  }
}

async function fetchPage(context: CrawlContext, page: PageObject, visit: PageVisit, entry: IndexEntry): Promise<void> {
  const own: OwnTree = { pageId: page.id, entry };
  const files = new Map<string, FileDescriptor>();
  const comments: CommentObject[] = [];
  let children: BlockObject[];
  try {
    children = await listBlockChildren(context, page.id);
  } catch (error) {
    if (!isUnreadable(error)) throw error;
    context.state.unreachable.push({ id: page.id, object: 'page', referencedFrom: visit.referencedFrom, reason: `content: ${unreadableReason(error)}` });
    children = [];
  }
  await handleBlocks(context, own, children, visit.dir, files, comments);
  for (const target of pageFiles(context, page)) await storeOwnFile(context, own, visit.dir, files, target);
  const fullProperties = await retrieveTruncatedProperties(context, page);
  if (context.comments !== 'off') {
    const pageComments = await listComments(context, page.id);
    comments.unshift(...pageComments);
  }
  await storeCommentFiles(context, own, visit.dir, files, comments);
  await context.writer.writePage(visit.dir, page, children);
  if (Object.keys(fullProperties).length > 0) await context.writer.writeSidecar(visit.dir, 'properties.json', fullProperties);
  await writeComments(context, own, visit.dir, comments);
  await context.writer.writeFilesIndex(visit.dir, files);
}

/** Records each block, stores its file, and schedules its children, child pages and child databases. */
async function handleBlocks(
  context: CrawlContext,
  own: OwnTree,
  blocks: BlockObject[],
  dir: string,
  files: Map<string, FileDescriptor>,
  comments: CommentObject[],
): Promise<void> {
  for (const block of blocks) {
    // child_page and child_database blocks stand for the pages and databases counted on their own.
    if (block.type !== 'child_page' && block.type !== 'child_database') {
      own.entry.stats!.blocks += 1;
      context.state.counts.blocks += 1;
    }
    if (block.type === 'unsupported') {
      const detail = block.unsupported as { block_type?: string } | undefined;
      context.state.unsupportedBlocks.push({ blockId: block.id, pageId: own.pageId, blockType: detail?.block_type ?? 'unknown' });
    }
    for (const file of blockHostedFiles(block, () => retrieveBlock(context, block.id))) {
      await storeOwnFile(context, own, dir, files, file);
    }
    if (context.comments === 'all' && COMMENTABLE_TYPES.has(block.type)) comments.push(...(await listComments(context, block.id)));
    const childDir = joinSnapshotPath(dir, block.id);
    const blockId = block.id;
    const ownerId = own.pageId;
    if (block.type === 'child_page' || block.type === 'child_database') context.state.objectBlocks.push({ id: blockId, entry: own.entry });
    if (block.type === 'child_page') {
      context.schedule(
        () => visitPage(context, { pageId: blockId, dir: childDir, parentId: ownerId, isRow: false, referencedFrom: ownerId }),
        childDir,
      );
    } else if (block.type === 'child_database') {
      context.schedule(() => visitDatabase(context, { databaseId: blockId, dir: childDir, parentId: ownerId, referencedFrom: ownerId }), childDir);
    } else if (block.type === 'synced_block' && syncedOriginalOf(block)) {
      // A copy's children are its original's: stored once, under the original (see finishSyncedCopies).
      context.state.syncedCopies.push({ blockId: block.id, originalId: syncedOriginalOf(block) ?? '', dir: childDir, pageId: own.pageId, entry: own.entry });
    } else if (block.has_children) {
      if (block.type === 'synced_block') context.state.syncedOriginals.add(block.id);
      context.schedule(() => visitBlockChildren(context, own, blockId, childDir), childDir);
    }
  }
  context.onProgress();
}

function syncedOriginalOf(block: BlockObject): string | undefined {
  const payload = block.synced_block as { synced_from?: { block_id?: string } | null } | undefined;
  return payload?.synced_from?.block_id;
}

/** Synced copies whose original is not in this backup: their content is fetched through the copy. */
export function finishSyncedCopies(context: CrawlContext): void {
  for (const copy of context.state.syncedCopies) {
    if (context.state.syncedOriginals.has(copy.originalId)) continue;
    const own: OwnTree = { pageId: copy.pageId, entry: copy.entry };
    context.schedule(() => visitBlockChildren(context, own, copy.blockId, copy.dir), copy.dir);
  }
  context.state.syncedCopies = [];
}

async function visitBlockChildren(context: CrawlContext, own: OwnTree, blockId: string, blockDir: string): Promise<void> {
  let children: BlockObject[];
  try {
    children = await listBlockChildren(context, blockId);
  } catch (error) {
    if (!isUnreadable(error)) throw error;
    // e.g. a synced copy whose original is not shared with the integration
    context.state.unreachable.push({ id: blockId, object: 'block', referencedFrom: own.pageId, reason: unreadableReason(error) });
    return;
  }
  const files = new Map<string, FileDescriptor>();
  const comments: CommentObject[] = [];
  await handleBlocks(context, own, children, blockDir, files, comments);
  await storeCommentFiles(context, own, blockDir, files, comments);
  await context.writer.writeBlockChildren(blockDir, children);
  await writeComments(context, own, blockDir, comments);
  await context.writer.writeFilesIndex(blockDir, files);
}

async function storeOwnFile(
  context: CrawlContext,
  own: OwnTree,
  dir: string,
  files: Map<string, FileDescriptor>,
  target: HostedFile,
): Promise<void> {
  await storeHostedFile(context, dir, files, target, own.pageId);
  const stored = files.get(target.ref);
  if (stored) {
    own.entry.stats!.files += 1;
    own.entry.stats!.fileBytes += stored.size;
  }
}

async function writeComments(context: CrawlContext, own: OwnTree, dir: string, comments: CommentObject[]): Promise<void> {
  if (comments.length === 0) return;
  own.entry.stats!.comments += comments.length;
  context.state.counts.comments += comments.length;
  await context.writer.writeSidecar(dir, 'comments.json', comments);
}

/**
 * A child_page or child_database block stands for a page or database of the snapshot; when none was
 * stored (a linked database view, a page unreadable or trashed since), it is a block of its own. Runs
 * once the whole tree is stored, so the manifest counts what the snapshot holds.
 */
export function countUnstoredObjectBlocks(context: CrawlContext): void {
  const stored = new Set(context.state.index.map((entry) => entry.id));
  const counted = new Set<string>();
  for (const { id, entry } of context.state.objectBlocks) {
    if (stored.has(id) || counted.has(id)) continue;
    counted.add(id);
    entry.stats!.blocks += 1;
    context.state.counts.blocks += 1;
  }
  context.state.objectBlocks = [];
}

/** Cover, icon and `files` property values that Notion hosts. */
function pageFiles(context: CrawlContext, page: PageObject): HostedFile[] {
  const targets: HostedFile[] = [];
  const refreshPage = () => retrievePage(context, page.id);
  for (const slot of ['cover', 'icon'] as const) {
    const file = page[slot];
    if (!isHostedFile(file)) continue;
    targets.push({
      ref: `page:${page.id}:${slot}`,
      fileName: `page-${slot}${fileExtension(file.file.url)}`,
      url: file.file.url,
      name: originalFileName({ url: file.file.url }),
      refresh: async () => {
        const fresh = (await refreshPage())[slot];
        return isHostedFile(fresh) ? fresh.file.url : undefined;
      },
    });
  }
  for (const [name, value] of Object.entries(page.properties ?? {})) {
    if (value.type !== 'files' || !Array.isArray(value.files)) continue;
    (value.files as FileObject[]).forEach((file, index) => {
      if (!isHostedFile(file)) return;
      const original = originalFileName({ name: file.name, url: file.file.url });
      targets.push({
        ref: `property:${page.id}:${value.id}:${index}`,
        fileName: `prop-${shortHash(value.id)}-${index}${fileExtension(original ?? file.file.url)}`,
        url: file.file.url,
        name: original,
        refresh: async () => {
          const fresh = ((await refreshPage()).properties[name]?.files as FileObject[] | undefined)?.[index];
          return isHostedFile(fresh) ? fresh.file.url : undefined;
        },
      });
    });
  }
  return targets;
}

async function storeCommentFiles(
  context: CrawlContext,
  own: OwnTree,
  dir: string,
  files: Map<string, FileDescriptor>,
  comments: CommentObject[],
): Promise<void> {
  for (const comment of comments) {
    for (const [index, attachment] of (comment.attachments ?? []).entries()) {
      const url = attachment.file?.url;
      if (!url) continue;
      const original = originalFileName({ name: attachment.name, url });
      await storeOwnFile(context, own, dir, files, {
        ref: `comment:${comment.id}:${index}`,
        fileName: `comment-${comment.id}-${index}${fileExtension(original ?? url)}`,
        url,
        name: original,
        refresh: async () => {
          const parent = comment.parent.page_id ?? comment.parent.block_id;
          if (!parent) return undefined;
          const fresh = (await listComments(context, parent)).find((candidate) => candidate.id === comment.id);
          return fresh?.attachments?.[index]?.file?.url;
        },
      });
    }
  }
}

/** Property values that may be cut at 25 references in the page object (notion-api.md §2.7). */
export function isPossiblyTruncated(value: PropertyValue): boolean {
  if (value.type === 'relation') return value.has_more === true || (Array.isArray(value.relation) && value.relation.length >= 25);
  if (value.type === 'people' || value.type === 'title' || value.type === 'rich_text') {
    const items = value[value.type];
    return Array.isArray(items) && items.length >= 25;
  }
  if (value.type === 'rollup') {
    const rollup = value.rollup as { type?: string; array?: unknown[] } | undefined;
    return rollup?.type === 'array' && (rollup.array?.length ?? 0) >= 25;
  }
  return false;
}

async function retrieveTruncatedProperties(context: CrawlContext, page: PageObject): Promise<Record<string, unknown>> {
  const full: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(page.properties ?? {})) {
    if (!isPossiblyTruncated(value)) continue;
    const results = await context.gateway.collect('pages.properties.retrieve', async (client, cursor) => {
      const response = (await client.pages.properties.retrieve({
        page_id: page.id,
        property_id: value.id,
        start_cursor: cursor,
        page_size: 100,
      })) as unknown as { object: string; results?: unknown[]; next_cursor?: string | null; has_more?: boolean };
      if (response.object !== 'list') return { results: [response], next_cursor: null, has_more: false };
      return { results: response.results ?? [], next_cursor: response.next_cursor ?? null, has_more: response.has_more ?? false };
    });
    full[value.id] = { name, type: value.type, results };
  }
  return full;
}
