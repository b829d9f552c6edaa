/**
 * Proves that converted blocks, icons, covers and comments of a real crawl are payloads Notion accepts:
 * the emulator validates requests the way Notion does (testkit/notion-emulator/input).
 */
import { collectPaginatedAPI } from '@notionhq/client';
import { blockPayload } from '../../snapshot/format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts } from '../../../../testkit/notion-emulator';
import { convertBlock, withChildren } from './blocks';
import { convertComment } from './comments';
import type { CrawledWorkspace, StoredNode } from '../../../../testkit/support/convert-emulator';
import { accepted, contextWithUsers, crawledRichWorkspace, createTargetPage, flatten, storedPages } from '../../../../testkit/support/convert-emulator';
import { convertCover, convertIcon } from './files';
import { convertPageProperties } from './properties';
import type { FakeContext } from '../../../../testkit/support/convert-context';
import type { BlockObjectRequest } from './types';

let workspace: CrawledWorkspace;
let pages: Awaited<ReturnType<typeof storedPages>>;

beforeAll(async () => {
  workspace = await crawledRichWorkspace();
  pages = await storedPages(workspace.reader);
}, 60_000);
afterAll(async () => {
  await workspace.close();
});

/** Only valid with their children (columns in a column list, rows in a table): covered by the tree test. */
const STRUCTURAL = new Set(['column_list', 'column', 'table', 'table_row', 'tab']);
const REQUIRES_CHILDREN = new Set(['column_list', 'column', 'table']);
const FIXTURE_TYPES = [
  'paragraph', 'heading_1', 'heading_2', 'heading_3', 'heading_4', 'bulleted_list_item', 'numbered_list_item', 'to_do', 'toggle',
  'quote', 'callout', 'code', 'equation', 'divider', 'breadcrumb', 'table_of_contents', 'column_list', 'column', 'table',
  'table_row', 'embed', 'bookmark', 'image', 'video', 'audio', 'pdf', 'file', 'link_to_page', 'synced_block', 'link_preview',
  'template', 'tab', 'meeting_notes', 'unsupported', 'child_page', 'child_database',
];

async function appendAll(target: string, payloads: BlockObjectRequest[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < payloads.length; start += 100) {
    const children = payloads.slice(start, start + 100);
    const response = await accepted('blocks.children.append', children, () => workspace.notion.blocks.children.append({ block_id: target, children }));
    ids.push(...response.results.map((block) => block.id));
  }
  return ids;
}

/** A block with its stored children, at most two nesting levels deep (a column is not a level). */
function treeOf(node: StoredNode, depth: number, ctx: FakeContext): BlockObjectRequest[] {
  const converted = convertBlock(node.block, ctx);
  if (!converted.payload) return [];
  const own = [converted.payload, ...converted.continuation];
  const type = node.block.type;
  const canNest = converted.acceptsChildren && (depth < 2 || type === 'column');
  if (!canNest) return REQUIRES_CHILDREN.has(type) ? [] : own;
  // A column list goes only in a request's top-level array: it is a root of its own.
  const nested = node.children.slice(0, 100).filter((child) => child.block.type !== 'column_list');
  const children = nested.flatMap((child) => treeOf(child, type === 'column' ? depth : depth + 1, ctx));
  if ((REQUIRES_CHILDREN.has(type) && children.length === 0) || (type === 'column_list' && children.length < 2)) return [];
  return [children.length > 0 ? withChildren(converted.payload, children) : converted.payload, ...converted.continuation];
}

function isSyncedOriginal(node: StoredNode): boolean {
  return node.block.type === 'synced_block' && (node.block.synced_block as { synced_from: unknown }).synced_from === null;
}

describe('converted payloads against the emulator', () => {
  it('appends every stored block without children, 100 per request', async () => {
    const ctx = await contextWithUsers(workspace.reader);
    const target = await createTargetPage(workspace.notion, 'Flat restore');
    const seen = new Set<string>();
    const payloads: BlockObjectRequest[] = [];
    for (const { nodes } of pages) {
      for (const { block } of flatten(nodes)) {
        seen.add(block.type);
        if (STRUCTURAL.has(block.type)) continue;
        const converted = convertBlock(block, ctx);
        if (converted.payload) payloads.push(converted.payload, ...converted.continuation);
      }
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(FIXTURE_TYPES));
    expect(payloads.length).toBeGreaterThan(300);
    const created = await appendAll(target, payloads);
    const listed = await collectPaginatedAPI(workspace.notion.blocks.children.list, { block_id: target });
    expect(created).toHaveLength(payloads.length);
    expect(listed.map((block) => ('type' in block ? block.type : ''))).toEqual(payloads.map((payload) => payload.type));
    const kinds = new Set(ctx.lossKinds());
    for (const kind of ['unsupported-block', 'file-not-available', 'link-outside-restore', 'block-converted'] as const) expect(kinds).toContain(kind);
  });

  it('appends two-level trees of every block with children, synced copies pointing at their new original', async () => {
    const ctx = await contextWithUsers(workspace.reader);
    const target = await createTargetPage(workspace.notion, 'Tree restore');
    ctx.ids.set(richWorkspaceFacts.ids.childPages[0] ?? '', target);
    // Columns only exist inside their column list, which is a root of its own.
    const roots = pages.flatMap(({ nodes }) => flatten(nodes)).filter((node) => node.block.has_children && node.block.type !== 'column');
    roots.sort((a, b) => Number(isSyncedOriginal(b)) - Number(isSyncedOriginal(a)));
    const types = new Set<string>();
    for (const root of roots) {
      const tree = treeOf(root, 0, ctx);
      if (tree.length === 0) continue;
      types.add(root.block.type);
      const [newId] = await appendAll(target, tree);
      if (isSyncedOriginal(root) && newId) ctx.ids.set(root.block.id, newId);
    }
    for (const type of ['bulleted_list_item', 'numbered_list_item', 'toggle', 'callout', 'heading_2', 'column_list', 'table', 'tab', 'synced_block']) {
      expect(types).toContain(type);
    }
    const copy = roots.find((node) => node.block.type === 'synced_block' && !isSyncedOriginal(node));
    expect(copy && convertBlock(copy.block, ctx).payload).toEqual({
      type: 'synced_block',
      synced_block: { synced_from: { type: 'block_id', block_id: ctx.ids.get(richWorkspaceFacts.ids.syncedOriginalBlock) } },
    });
    const linked = pages.flatMap(({ nodes }) => flatten(nodes)).find((node) => node.block.type === 'link_to_page');
    expect(linked && convertBlock(linked.block, ctx).payload).toEqual({ type: 'link_to_page', link_to_page: { type: 'page_id', page_id: target } });
  });

  it('sends hosted files as file uploads (blocks, callout icons, page icons and covers, comment attachments)', async () => {
    const { notion, reader } = workspace;
    const ctx = await contextWithUsers(reader);
    const target = await createTargetPage(notion, 'Uploads');
    // One upload per attachment (Notion allows reusing one; the emulator, stricter, does not), of the
    // kind the place takes.
    const KINDS: Record<string, [string, string]> = {
      image: ['pixel.png', 'image/png'],
      callout: ['pixel.png', 'image/png'],
      video: ['clip.mp4', 'video/mp4'],
      audio: ['voice.mp3', 'audio/mpeg'],
      pdf: ['manual.pdf', 'application/pdf'],
      file: ['notes.txt', 'text/plain'],
    };
    const uploadOf = async (kind: string): Promise<string> => {
      const [filename, contentType] = KINDS[kind] ?? KINDS.image ?? ['pixel.png', 'image/png'];
      const upload = await notion.fileUploads.create({ mode: 'single_part', filename, content_type: contentType });
      await notion.fileUploads.send({ file_upload_id: upload.id, file: { filename, data: new Blob([Buffer.from('bytes')], { type: contentType }) } });
      return upload.id;
    };
    const hosted = pages.flatMap(({ nodes }) => flatten(nodes)).filter(({ block }) => JSON.stringify(blockPayload(block)).includes('"type":"file"'));
    for (const { block } of hosted) {
      ctx.uploads.set(`block:${block.id}`, await uploadOf(block.type));
      ctx.uploads.set(`block:${block.id}:icon`, await uploadOf('image'));
    }
    const payloads = hosted.flatMap(({ block }) => convertBlock(block, ctx).payload ?? []);
    expect(payloads.map((payload) => payload.type).sort()).toEqual(['audio', 'callout', 'file', 'image', 'pdf', 'video']);
    expect(JSON.stringify(payloads)).toContain('"file_upload"');
    await appendAll(target, payloads);

    const level1 = reader.entry(richWorkspaceFacts.ids.childPages[0] ?? '');
    if (!level1) throw new Error('Level 1 is not in the snapshot');
    const { page } = await reader.page(level1);
    const iconUpload = await uploadOf('image');
    ctx.uploads.set(`page:${page.id}:icon`, iconUpload);
    ctx.uploads.set(`page:${page.id}:cover`, await uploadOf('image'));
    const icon = convertIcon(page.icon, `page:${page.id}:icon`, ctx);
    const cover = convertCover(page.cover, `page:${page.id}:cover`, ctx);
    expect(icon).toEqual({ type: 'file_upload', file_upload: { id: iconUpload } });
    const { properties } = convertPageProperties(page.properties, { title: { type: 'title' } }, ctx, { pageId: page.id, isRow: false });
    const body = { parent: { type: 'page_id' as const, page_id: target }, properties, ...(icon ? { icon } : {}), ...(cover ? { cover } : {}) };
    await accepted('pages.create', body, () => notion.pages.create(body));

    const home = reader.entry(richWorkspaceFacts.ids.home);
    const withAttachment = home ? (await reader.comments(home.path)).find((comment) => (comment.attachments ?? []).length > 0) : undefined;
    if (!withAttachment) throw new Error('the fixture has a comment with an attachment');
    const attachment = await uploadOf('image');
    ctx.uploads.set(`comment:${withAttachment.id}:0`, attachment);
    const converted = convertComment(withAttachment, ctx);
    expect(converted.attachments).toEqual([{ file_upload_id: attachment }]);
    const comment = { parent: { page_id: target }, rich_text: converted.rich_text, attachments: converted.attachments };
    await accepted('comments.create', comment, () => notion.comments.create(comment));
    expect(ctx.losses.filter((loss) => loss.kind === 'file-not-available')).toEqual([]);
  });

  it('creates every page with its title, icon and cover, and every comment', async () => {
    const { notion, reader } = workspace;
    const ctx = await contextWithUsers(reader);
    const target = await createTargetPage(notion, 'Pages and comments');
    let comments = 0;
    for (const { entry } of pages.filter(({ entry }) => !entry.isRow)) {
      const { page } = await reader.page(entry);
      const icon = convertIcon(page.icon, `page:${page.id}:icon`, ctx);
      const cover = convertCover(page.cover, `page:${page.id}:cover`, ctx);
      const { properties } = convertPageProperties(page.properties, { title: { type: 'title' } }, ctx, { pageId: page.id, isRow: false });
      const body = { parent: { type: 'page_id' as const, page_id: target }, properties, ...(icon ? { icon } : {}), ...(cover ? { cover } : {}) };
      await accepted('pages.create', body, () => notion.pages.create(body));
      const dirs = [entry.path, ...flatten(pages.find((item) => item.entry === entry)?.nodes ?? []).map(({ block }) => `${entry.path}/${block.id}`)];
      for (const dir of dirs) {
        for (const stored of await reader.comments(dir)) {
          const converted = convertComment(stored, ctx);
          const comment = { parent: { page_id: target }, rich_text: converted.rich_text };
          await accepted('comments.create', comment, () => notion.comments.create(comment));
          comments += 1;
        }
      }
    }
    expect(comments).toBeGreaterThanOrEqual(3);
    expect(ctx.lossKinds()).toContain('file-not-available');
  });
});
