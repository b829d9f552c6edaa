import type { PagePreview, PreviewBlock, PreviewSpan } from '../../../shared/ipc/app-schemas';
import type { IndexEntry, StoredBlock } from './format';
import { blockPayload, hasOwnChildren, iconEmoji } from './format';
import { arrayOf, recordOf, stringOf } from './json-values';
import type { SnapshotReader } from './reader';
import { outlineViews, SnapshotViews } from './views';

const MAX_BLOCKS = 1500;
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function spans(items: unknown): PreviewSpan[] {
  return arrayOf(items).map((item) => {
    const value = recordOf(item);
    const annotations = recordOf(value.annotations);
    const span: PreviewSpan = { text: stringOf(value.plain_text) ?? '' };
    for (const key of ['bold', 'italic', 'strikethrough', 'underline', 'code'] as const) if (annotations[key] === true) span[key] = true;
    const href = stringOf(value.href);
    if (href && /^https?:\/\//.test(href)) span.href = href;
    return span;
  });
}

/** Builds the preview of one page from the snapshot: its blocks in order and nesting, images inline. */
export async function buildPagePreview(reader: SnapshotReader, entry: IndexEntry, views = new SnapshotViews(reader)): Promise<PagePreview> {
  const { page, children } = await reader.page(entry);
  const blocks: PreviewBlock[] = [];
  let truncated = false;

  const visit = async (dir: string, list: StoredBlock[], depth: number): Promise<void> => {
    const files = await reader.files(dir);
    for (const block of list) {
      if (blocks.length >= MAX_BLOCKS) {
        truncated = true;
        return;
      }
      const body = blockPayload(block);
      const preview: PreviewBlock = { id: block.id, type: block.type, depth, spans: spans(body.rich_text ?? body.caption) };
      if (block.type === 'to_do') preview.checked = body.checked === true;
      const language = stringOf(body.language);
      if (block.type === 'code' && language !== undefined) preview.language = language;
      const emoji = stringOf(recordOf(body.icon).emoji);
      if (block.type === 'callout' && emoji) preview.emoji = emoji;
      if (block.type === 'table_row') preview.cells = arrayOf(body.cells).map(spans);
      if (block.type === 'child_page' || block.type === 'child_database') preview.target = String(body.title ?? '');
      if (block.type === 'child_database' && !reader.entry(block.id)) {
        const linked = await views.linked(dir, block.id);
        if (linked) preview.linked = await views.previewLinked(linked);
      }
      if (block.type === 'link_to_page') {
        const id = String(body.page_id ?? body.database_id ?? '');
        preview.target = reader.entry(id)?.title ?? 'a page outside this backup';
      }
      if (block.type === 'bookmark' || block.type === 'embed') preview.target = String(body.url ?? '');
      if (block.type === 'image') {
        const stored = files.get(`block:${block.id}`);
        if (stored && stored.size <= MAX_IMAGE_BYTES && IMAGE_TYPES.has(stored.contentType ?? '')) {
          const bytes = await reader.fileBytes(dir, stored);
          if (bytes) preview.image = `data:${stored.contentType};base64,${bytes.toString('base64')}`;
        }
      }
      blocks.push(preview);
      if (hasOwnChildren(block)) {
        const nested = (await reader.blockChildren(dir, block.id)) ?? [];
        await visit(`${dir}/${block.id}`, nested, depth + 1);
      }
    }
  };

  await visit(entry.path, children, 0);
  return { title: entry.title, emoji: iconEmoji(page.icon) ?? null, blocks, truncated };
}

/** A database's preview: its title and its views in tab order (its rows are in the tree). */
export async function buildDatabasePreview(reader: SnapshotReader, entry: IndexEntry): Promise<PagePreview> {
  return { title: entry.title, emoji: iconEmoji(entry.icon ?? undefined) ?? null, blocks: [], truncated: false, views: outlineViews(await reader.views(entry)) };
}
