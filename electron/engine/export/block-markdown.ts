// Notion blocks as Markdown. Conventions are in docs/export-format.md.
import type { StoredBlock } from '../snapshot/format';
import { blockPayload } from '../snapshot/format';
import { recordOf, stringOf } from '../snapshot/json-values';
import type { BlockContext } from './block-context';
import { renderChildObject, renderLinkToPage, renderMedia, renderTable, renderWebLink } from './block-media';
import { joinPath } from './layout';
import { safeExternalUrl } from './links';
import { blockText, escapeHtml, escapeMarkdown, plainText, singleLineText } from './markdown-text';

/** Deeper than this, content is cut (with a warning): it guards against cycles of synced blocks. */
const MAX_DEPTH = 40;

type ListKind = 'bullet' | 'numbered' | undefined;

function listKindOf(type: string): ListKind {
  if (type === 'bulleted_list_item' || type === 'to_do') return 'bullet';
  return type === 'numbered_list_item' ? 'numbered' : undefined;
}

function indent(markdown: string, width: number): string {
  const pad = ' '.repeat(width);
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n');
}

function quote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** Blocks one after another: list items of one list on consecutive lines, others apart. */
export async function renderBlocks(blocks: readonly StoredBlock[], dir: string, context: BlockContext, depth = 0): Promise<string> {
  const parts: Array<{ markdown: string; list: ListKind }> = [];
  let number = 0;
  for (const block of blocks) {
    context.signal?.throwIfAborted();
    number = block.type === 'numbered_list_item' ? number + 1 : 0;
    const markdown = await renderBlock(block, dir, context, depth, number);
    if (markdown.trim() !== '') parts.push({ markdown, list: listKindOf(block.type) });
  }
  return parts
    .map((part, index) => {
      const previous = parts[index - 1];
      if (!previous) return part.markdown;
      return (part.list && part.list === previous.list ? '\n' : '\n\n') + part.markdown;
    })
    .join('');
}

/** The stored children of a block (a synced copy's are its original's), with their directory. */
async function childrenOf(block: StoredBlock, dir: string, context: BlockContext): Promise<{ blocks: StoredBlock[]; dir: string } | undefined> {
  const syncedFrom = stringOf(recordOf(blockPayload(block).synced_from).block_id);
  if (block.type === 'synced_block' && syncedFrom) {
    const original = await context.synced.find(syncedFrom, [dir, context.pageDir]);
    if (original) return original;
  }
  if (!block.has_children || block.type === 'child_page' || block.type === 'child_database') return undefined;
  const blocks = await context.reader.blockChildren(dir, block.id);
  if (blocks) return { blocks, dir: joinPath(dir, block.id) };
  if (!syncedFrom) context.warnings.push(`${context.label}: the children of the ${block.type} block ${block.id} are missing from the snapshot.`);
  return undefined;
}

async function renderChildren(block: StoredBlock, dir: string, context: BlockContext, depth: number): Promise<string> {
  if (depth >= MAX_DEPTH) {
    context.warnings.push(`${context.label}: content nested deeper than ${MAX_DEPTH} levels was left out (block ${block.id}).`);
    return '';
  }
  const children = await childrenOf(block, dir, context);
  return children ? renderBlocks(children.blocks, children.dir, context, depth + 1) : '';
}

/** A list item: its marker and text, then its children indented under it. */
async function listItem(marker: string, block: StoredBlock, dir: string, context: BlockContext, depth: number): Promise<string> {
  const text = blockText(blockPayload(block).rich_text, context);
  const children = await renderChildren(block, dir, context, depth);
  const head = `${marker} ${text}`.trimEnd();
  if (!children) return head;
  const startsWithList = /^(?:[-*+]|\d+\.)\s/.test(children);
  return `${head}${startsWithList ? '\n' : '\n\n'}${indent(children, marker.startsWith('-') ? 2 : marker.length + 1)}`;
}

/** Text followed by its children as blocks of their own. */
async function withChildren(head: string, block: StoredBlock, dir: string, context: BlockContext, depth: number): Promise<string> {
  const children = await renderChildren(block, dir, context, depth);
  return [head, children].filter((part) => part !== '').join('\n\n');
}

function calloutIcon(icon: unknown): { emoji?: string; ref?: string; url?: string } {
  const value = recordOf(icon);
  if (value.type === 'emoji') return { emoji: stringOf(value.emoji) ?? '' };
  if (value.type === 'custom_emoji') return { emoji: `:${stringOf(recordOf(value.custom_emoji).name) ?? 'emoji'}:` };
  if (value.type === 'external') return { url: safeExternalUrl(recordOf(value.external).url) };
  if (value.type === 'file' || value.type === 'file_upload') return { ref: 'icon' };
  return {};
}

async function renderCallout(block: StoredBlock, dir: string, context: BlockContext, depth: number): Promise<string> {
  const payload = blockPayload(block);
  const icon = calloutIcon(payload.icon);
  let prefix = icon.emoji ? escapeMarkdown(icon.emoji) : '';
  if (icon.url) prefix = `![icon](${icon.url})`;
  if (icon.ref) {
    const copied = await context.files.copy(dir, `block:${block.id}:icon`);
    if (copied) prefix = `![icon](${context.links.fileHref(context.document, copied)})`;
  }
  const text = blockText(payload.rich_text, context);
  const body = await withChildren([prefix, text].filter(Boolean).join(' '), block, dir, context, depth);
  return quote(body);
}

const LANGUAGE_ALIASES: Record<string, string> = { 'plain text': '', 'c++': 'cpp', 'c#': 'csharp', 'f#': 'fsharp', 'objective-c': 'objectivec', 'vb.net': 'vbnet', 'java/c/c++/c#': 'java' };

function renderCode(block: StoredBlock, context: BlockContext): string {
  const payload = blockPayload(block);
  const source = plainText(payload.rich_text);
  const language = String(payload.language ?? '').toLowerCase();
  const info = (LANGUAGE_ALIASES[language] ?? language).replace(/[^a-z0-9+#_-]+/g, '-');
  const longest = Math.max(0, ...(source.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const caption = singleLineText(payload.caption, context);
  return `${fence}${info}\n${source}\n${fence}${caption ? `\n\n*${caption}*` : ''}`;
}

async function renderToggle(summary: string, block: StoredBlock, dir: string, context: BlockContext, depth: number): Promise<string> {
  const children = await renderChildren(block, dir, context, depth);
  return `<details>\n<summary>${summary}</summary>\n\n${children ? `${children}\n\n` : ''}</details>`;
}

function headingLevel(type: string): number {
  return Math.min(6, Number(type.slice('heading_'.length)) || 1);
}

/** One block (and its children) as Markdown; `number` is its position in a numbered list. */
export async function renderBlock(block: StoredBlock, dir: string, context: BlockContext, depth: number, number: number): Promise<string> {
  const payload = blockPayload(block);
  switch (block.type) {
    case 'paragraph':
      return withChildren(blockText(payload.rich_text, context), block, dir, context, depth);
    case 'heading_1':
    case 'heading_2':
    case 'heading_3':
    case 'heading_4': {
      const title = singleLineText(payload.rich_text, context);
      // Toggleable headings stay headings, their content follows them (see docs/export-format.md).
      return withChildren(title ? `${'#'.repeat(headingLevel(block.type))} ${title}` : '', block, dir, context, depth);
    }
    case 'bulleted_list_item':
      return listItem('-', block, dir, context, depth);
    case 'numbered_list_item':
      return listItem(`${number}.`, block, dir, context, depth);
    case 'to_do':
      return listItem(payload.checked === true ? '- [x]' : '- [ ]', block, dir, context, depth);
    case 'toggle':
      return renderToggle(escapeHtml(plainText(payload.rich_text).replace(/\s+/g, ' ').trim()), block, dir, context, depth);
    case 'quote':
      return quote(await withChildren(blockText(payload.rich_text, context), block, dir, context, depth));
    case 'callout':
      return renderCallout(block, dir, context, depth);
    case 'code':
      return renderCode(block, context);
    case 'equation':
      return `$$\n${String(payload.expression ?? '').trim()}\n$$`;
    case 'divider':
      return '---';
    case 'breadcrumb':
      return '<!-- breadcrumb -->';
    case 'table_of_contents':
      return '<!-- table of contents -->';
    case 'table':
      return renderTable(block, dir, context);
    case 'column_list':
    case 'column':
    case 'tab':
    case 'synced_block': {
      const children = await renderChildren(block, dir, context, depth);
      const missing = block.type === 'synced_block' && payload.synced_from ? '*Synced block whose original is not in this backup*' : '';
      return children || missing;
    }
    case 'bookmark':
    case 'embed':
    case 'link_preview':
      return renderWebLink(block, context);
    case 'image':
    case 'video':
    case 'audio':
    case 'pdf':
    case 'file':
      return renderMedia(block, dir, context);
    case 'child_page':
    case 'child_database':
      return renderChildObject(block, dir, context);
    case 'link_to_page':
      return renderLinkToPage(block, context);
    case 'template':
      return withChildren(`*Template: ${singleLineText(payload.rich_text, context) || 'untitled'}*`, block, dir, context, depth);
    case 'meeting_notes': {
      const title = singleLineText(payload.title, context);
      return withChildren(title ? `**${title}**` : '', block, dir, context, depth);
    }
    case 'unsupported':
      return withChildren(`*Unsupported block: ${escapeMarkdown(String(payload.block_type ?? 'unknown'))}*`, block, dir, context, depth);
    default:
      return withChildren(`*Unsupported block: ${escapeMarkdown(block.type)}*`, block, dir, context, depth);
  }
}
