import type { JsonRecord } from '../snapshot/json-values';
import { arrayOf, plainTextOf, recordOf, stringOf } from '../snapshot/json-values';
import type { LinkResolver } from './links';
import { safeExternalUrl } from './links';

/** A rich text item as the Notion API returns it (only what rendering reads; each field is checked as it is read). */
export interface RichTextItem {
  type?: string;
  plain_text?: string;
  href?: string | null;
  annotations?: { bold?: boolean; italic?: boolean; strikethrough?: boolean; underline?: boolean; code?: boolean };
  text?: { content?: string; link?: { url?: string } | null };
  mention?: Record<string, unknown> & { type?: string };
  equation?: { expression?: string };
}

/** What inline rendering needs: where the text goes (for relative links) and how to name things. */
export interface InlineContext {
  /** Export-relative path of the document being written. */
  document: string;
  links: LinkResolver;
  userName(id: string): string | undefined;
}

/** Backslash-escapes what Markdown would read as formatting or HTML inside a line of text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<~$]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/**
 * Escapes what Markdown reads at the start of a line (headings, quotes, list markers, setext
 * underlines) and drops leading indentation (which would start a code block). Only for text that
 * comes from Notion, before any marker of ours is put in front of it.
 */
export function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(/^([#>+=-])/, '\\$1')
        .replace(/^(\d{1,9})([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** A page or database title on one line, escaped; "Untitled" when empty. */
export function titleText(title: string | null | undefined): string {
  return escapeMarkdown((title ?? '').replace(/\s+/g, ' ').trim() || 'Untitled');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A code span that holds any text: a fence longer than any backtick run inside it. */
export function codeSpan(text: string): string {
  const content = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || (/^ .* $/.test(content) && content.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

export function plainText(items: unknown): string {
  return plainTextOf(items);
}

export function formatDate(date: unknown): string {
  const value = recordOf(date);
  const start = stringOf(value.start);
  if (!start) return '';
  const end = stringOf(value.end);
  return end ? `${start} → ${end}` : start;
}

interface Segment {
  /** `text` is escaped Markdown, `code` raw text for a code span, `markup` finished Markdown. */
  kind: 'text' | 'code' | 'markup';
  content: string;
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
  underline: boolean;
  href: string | undefined;
}

function mentionSegment(item: JsonRecord, context: InlineContext): Pick<Segment, 'content' | 'href'> {
  const mention = recordOf(item.mention);
  const mentionType = stringOf(mention.type);
  const plain = stringOf(item.plain_text) ?? '';
  const href = stringOf(item.href);
  const value = recordOf(mention[mentionType ?? '']);
  switch (mentionType) {
    case 'user': {
      const id = stringOf(value.id) ?? '';
      const name = context.userName(id) ?? stringOf(value.name) ?? plain.replace(/^@/, '');
      return { content: escapeMarkdown(`@${name || 'Unknown user'}`), href: undefined };
    }
    case 'page':
    case 'database': {
      const id = stringOf(value.id) ?? '';
      return { content: titleText(context.links.entry(id)?.title || plain), href: context.links.objectHref(context.document, id, href) };
    }
    case 'date':
      return { content: escapeMarkdown(formatDate(value) || plain), href: undefined };
    case 'link_preview':
      return { content: escapeMarkdown(plain || String(value.url ?? '')), href: safeExternalUrl(value.url) };
    case 'link_mention':
      return { content: escapeMarkdown(String(value.title ?? '') || plain), href: safeExternalUrl(value.href ?? item.href) };
    default:
      return { content: escapeMarkdown(plain), href: href ? safeExternalUrl(href) : undefined };
  }
}

function toSegment(item: JsonRecord, context: InlineContext): Segment {
  const annotations = recordOf(item.annotations);
  const base = {
    bold: annotations.bold === true,
    italic: annotations.italic === true,
    strikethrough: annotations.strikethrough === true,
    underline: annotations.underline === true,
  };
  const plain = stringOf(item.plain_text);
  if (item.type === 'equation') {
    const expression = stringOf(recordOf(item.equation).expression) ?? plain ?? '';
    return { ...base, kind: 'markup', content: `$${codeSpan(expression)}$`, href: undefined };
  }
  if (item.type === 'mention') return { ...base, kind: 'text', ...mentionSegment(item, context) };
  const richText = recordOf(item.text);
  const text = stringOf(richText.content) ?? plain ?? '';
  const link = stringOf(recordOf(richText.link).url) ?? stringOf(item.href);
  const href = link ? context.links.textHref(context.document, link) : undefined;
  if (annotations.code === true) return { ...base, kind: 'code', content: text, href };
  return { ...base, kind: 'text', content: escapeMarkdown(text), href };
}

const sameStyle = (a: Segment, b: Segment) =>
  a.kind === b.kind && a.kind !== 'markup' && a.bold === b.bold && a.italic === b.italic &&
  a.strikethrough === b.strikethrough && a.underline === b.underline && a.href === b.href;

function renderSegment(segment: Segment): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment.content);
  const [lead, core, trail] = [match?.[1] ?? '', match?.[2] ?? '', match?.[3] ?? ''];
  if (core === '') return segment.content;
  let markdown = segment.kind === 'code' ? codeSpan(core) : core;
  if (segment.strikethrough) markdown = `~~${markdown}~~`;
  if (segment.italic) markdown = `*${markdown}*`;
  if (segment.bold) markdown = `**${markdown}**`;
  if (segment.underline) markdown = `<u>${markdown}</u>`;
  if (segment.href) markdown = `[${markdown}](${segment.href})`;
  return lead + markdown + trail;
}

/**
 * Notion rich text as inline Markdown: annotations (bold, italic, strikethrough, code, underline as
 * `<u>`), links (rewritten to exported documents), mentions (users by name, dates, pages and
 * databases as links) and inline equations (`` $`…`$ ``). Newlines are kept as `\n`.
 */
export function richTextToMarkdown(items: unknown, context: InlineContext): string {
  if (!Array.isArray(items)) return '';
  const segments: Segment[] = [];
  for (const item of arrayOf(items).map(recordOf)) {
    const segment = toSegment(item, context);
    const previous = segments[segments.length - 1];
    if (previous && sameStyle(previous, segment)) previous.content += segment.content;
    else segments.push(segment);
  }
  return segments.map(renderSegment).join('');
}

/** Rich text for a block's own line: line starts escaped, newlines as hard line breaks. */
export function blockText(items: unknown, context: InlineContext): string {
  return escapeLineStarts(richTextToMarkdown(items, context)).replace(/\n/g, '\\\n');
}

/** Rich text on one line (headings, table cells, link texts). */
export function singleLineText(items: unknown, context: InlineContext): string {
  return escapeLineStarts(richTextToMarkdown(items, context).replace(/\s*\n\s*/g, ' '));
}
