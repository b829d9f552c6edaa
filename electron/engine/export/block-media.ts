// Blocks that point at something else: files and media, bookmarks and embeds, other pages, tables.
import type { StoredBlock, StoredView } from '../snapshot/format';
import { blockPayload, iconEmoji } from '../snapshot/format';
import type { JsonRecord } from '../snapshot/json-values';
import { arrayOf, recordOf, stringOf } from '../snapshot/json-values';
import { outlineViews } from '../snapshot/views';
import type { BlockContext } from './block-context';
import { safeExternalUrl } from './links';
import { escapeMarkdown, plainText, singleLineText, titleText } from './markdown-text';

function captionLine(payload: JsonRecord, context: BlockContext): string {
  const caption = singleLineText(payload.caption, context);
  return caption ? `\n\n*${caption}*` : '';
}

interface MediaTarget {
  href: string | undefined;
  /** the copied file's name, or the last segment of the external URL */
  fileName: string;
}

/** Where a file object's bytes are in the export, or its external URL. */
async function mediaTarget(block: StoredBlock, dir: string, context: BlockContext, preferredName: string | null): Promise<MediaTarget> {
  const payload = blockPayload(block);
  const lastSegment = (url: string | undefined) => url?.split(/[?#]/)[0]?.split('/').pop() ?? '';
  if (payload.type === 'external') {
    const url = stringOf(recordOf(payload.external).url);
    return { href: safeExternalUrl(url), fileName: lastSegment(url) };
  }
  const copied = await context.files.copy(dir, `block:${block.id}`, preferredName);
  if (copied) return { href: context.links.fileHref(context.document, copied), fileName: copied.split('/').pop() ?? '' };
  context.warnings.push(`${context.label}: the ${block.type} block ${block.id} has no stored file.`);
  return { href: undefined, fileName: lastSegment(stringOf(recordOf(payload.file).url)) };
}

/** image, video, audio, pdf, file: an image or a link to the copied file (or the external URL). */
export async function renderMedia(block: StoredBlock, dir: string, context: BlockContext): Promise<string> {
  const payload = blockPayload(block);
  const name = stringOf(payload.name) || null;
  const { href, fileName } = await mediaTarget(block, dir, context, name);
  const caption = plainText(payload.caption).replace(/\s+/g, ' ').trim();
  if (block.type === 'image') {
    const alt = escapeMarkdown(caption || 'image');
    return href ? `![${alt}](${href})${captionLine(payload, context)}` : `*Image not in this backup*${captionLine(payload, context)}`;
  }
  let label = escapeMarkdown(name ?? '');
  if (!label) label = escapeMarkdown(safeDecode(fileName) || caption || block.type);
  const kind = MEDIA_KINDS[block.type] ?? 'File';
  const link = href ? `[${label}](${href})` : `${label} *(not in this backup)*`;
  return `${kind}: ${link}${captionLine(payload, context)}`;
}

const MEDIA_KINDS: Partial<Record<string, string>> = { video: 'Video', audio: 'Audio', pdf: 'PDF', file: 'File' };

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** bookmark, embed, link_preview: a link to the URL. */
export function renderWebLink(block: StoredBlock, context: BlockContext): string {
  const payload = blockPayload(block);
  const url = stringOf(payload.url) ?? '';
  const href = safeExternalUrl(url);
  const caption = singleLineText(payload.caption, context);
  const label = caption || escapeMarkdown(url) || block.type;
  return href ? `[${label}](${href})` : label;
}

function objectLink(context: BlockContext, id: string, fallbackTitle: string): string | undefined {
  const entry = context.links.entry(id);
  const emoji = iconEmoji(entry?.icon);
  const icon = emoji === null ? '' : `${emoji} `;
  const title = titleText(entry?.title || fallbackTitle);
  const href = context.links.objectHref(context.document, id);
  return href ? `${icon}[${title}](${href})` : undefined;
}

/**
 * child_page and child_database blocks: a link to the child's document. A linked database (a view of
 * a database stored elsewhere) names that database and its views.
 */
export async function renderChildObject(block: StoredBlock, dir: string, context: BlockContext): Promise<string> {
  const title = String(blockPayload(block).title ?? '');
  const link = objectLink(context, block.id, title);
  if (link) return link;
  if (block.type === 'child_database') {
    const views = context.reader.entry(block.id) ? undefined : await context.views.linked(dir, block.id);
    if (views) return renderLinkedDatabase(views, context);
    return `*Linked database view: ${titleText(title)} (not in this backup)*`;
  }
  return `${titleText(title)} *(not in this backup)*`;
}

async function renderLinkedDatabase(views: readonly StoredView[], context: BlockContext): Promise<string> {
  const source = await context.views.sourceOf(views);
  const target = source ? (objectLink(context, source.id, source.title) ?? titleText(source.title)) : 'a database outside this backup';
  const names = outlineViews(views).map((view) => escapeMarkdown(view.name || 'Untitled view'));
  return `*Linked view of ${target}${names.length > 0 ? ` (${names.join(', ')})` : ''}*`;
}

/** link_to_page: a link to the page or database. */
export function renderLinkToPage(block: StoredBlock, context: BlockContext): string {
  const payload = blockPayload(block);
  const id = String(payload.page_id ?? payload.database_id ?? '');
  return objectLink(context, id, '') ?? '*Link to a page that is not in this backup*';
}

/** table: a Markdown table; GFM needs a header row, left empty when the table has none. */
export async function renderTable(block: StoredBlock, dir: string, context: BlockContext): Promise<string> {
  const payload = blockPayload(block);
  const rows = (block.has_children ? await context.reader.blockChildren(dir, block.id) : undefined) ?? [];
  const cells = rows.filter((row) => row.type === 'table_row').map((row) => arrayOf(blockPayload(row).cells).map((cell) => singleLineText(cell, context)));
  const width = Math.max(Number(payload.table_width) || 0, ...cells.map((row) => row.length), 1);
  const line = (row: string[], rowHeader: boolean) =>
    `| ${Array.from({ length: width }, (_unused, index) => {
      const cell = (row[index] ?? '').replace(/\|/g, '\\|');
      return rowHeader && index === 0 && cell ? `**${cell}**` : cell;
    }).join(' | ')} |`;
  const hasHeader = payload.has_column_header === true && cells.length > 0;
  const header = hasHeader ? (cells[0] ?? []) : [];
  const body = hasHeader ? cells.slice(1) : cells;
  const rowHeader = payload.has_row_header === true;
  return [line(header, false), `|${' --- |'.repeat(width)}`, ...body.map((row) => line(row, rowHeader))].join('\n');
}
