import { arrayOf, dashedId, LIMITS, notionUrlFor, recordOf, stringOf } from './common';
import type { JsonRecord } from './common';
import type { ConvertContext, RichTextItemRequest } from './types';

type Annotations = NonNullable<RichTextItemRequest['annotations']>;
type Mention = Extract<RichTextItemRequest, { mention: unknown }>['mention'];
type TemplateMention = Extract<Mention, { template_mention: unknown }>['template_mention'];

const ANNOTATION_FLAGS = ['bold', 'italic', 'strikethrough', 'underline', 'code'] as const;

/**
 * Splits text into pieces of at most `max` UTF-16 units (what Notion's 2,000-character limit counts),
 * never between the two halves of a surrogate pair.
 */
export function splitText(content: string, max: number = LIMITS.textContent): string[] {
  if (content.length <= max) return [content];
  const pieces: string[] = [];
  let start = 0;
  while (start < content.length) {
    let end = Math.min(start + max, content.length);
    if (end < content.length && isHighSurrogate(content.charCodeAt(end - 1))) end -= 1;
    pieces.push(content.slice(start, end));
    start = end;
  }
  return pieces;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function annotationsOf(raw: unknown): Annotations | undefined {
  if (raw === undefined || raw === null) return undefined;
  const given = recordOf(raw);
  const annotations: Annotations = {};
  for (const flag of ANNOTATION_FLAGS) if (typeof given[flag] === 'boolean') annotations[flag] = given[flag];
  const color = stringOf(given.color);
  if (color) annotations.color = color as Annotations['color'];
  return annotations;
}

function withAnnotations<T extends RichTextItemRequest>(item: T, annotations: Annotations | undefined): T {
  return annotations ? { ...item, annotations } : item;
}

/** Text items carrying the same annotations and link, split to Notion's length limit. */
export function textItems(content: string, link: string | undefined, annotations?: Annotations): RichTextItemRequest[] {
  return splitText(content).map((piece) =>
    withAnnotations({ type: 'text' as const, text: link ? { content: piece, link: { url: link } } : { content: piece } }, annotations),
  );
}

const NOTION_HOST = /^https?:\/\/([a-z0-9-]+\.)*notion\.(so|site|com)\//i;

/**
 * Links inside the workspace: relative links ("/<id>") are made absolute, and links to restored pages
 * point at the new page. Returns undefined for a link Notion would refuse (too long).
 */
export function remapLinkUrl(url: string, ctx: ConvertContext, ownerId: string): string | undefined {
  const internal = url.startsWith('/');
  if (internal || NOTION_HOST.test(url)) {
    const path = internal ? url : url.replace(NOTION_HOST, '/');
    const ids = path.split(/[?#]/)[0]?.match(/[0-9a-f]{32}/gi) ?? [];
    const oldId = ids.at(-1);
    const newId = oldId ? ctx.newIdFor(dashedId(oldId)) : undefined;
    if (newId) return notionUrlFor(newId);
    if (internal && oldId) {
      ctx.recordLoss({ kind: 'link-outside-restore', objectId: ownerId, detail: `a link to ${dashedId(oldId)} (not in the restore) points to the original page` });
    }
    if (internal) url = `https://www.notion.so${url}`;
  }
  if (url.length > LIMITS.url) {
    ctx.recordLoss({ kind: 'other', objectId: ownerId, detail: `a link longer than ${LIMITS.url} characters was removed (the text is kept)` });
    return undefined;
  }
  return url;
}

/** Response rich text → request rich text, ids remapped, long text split (see docs in index.ts). */
export function convertRichText(items: unknown, ctx: ConvertContext, ownerId: string): RichTextItemRequest[] {
  return arrayOf(items).flatMap((item) => convertItem(recordOf(item), ctx, ownerId));
}

function convertItem(item: JsonRecord, ctx: ConvertContext, ownerId: string): RichTextItemRequest[] {
  const annotations = annotationsOf(item.annotations);
  const plain = stringOf(item.plain_text) ?? '';
  const type = stringOf(item.type) ?? (item.text ? 'text' : item.mention ? 'mention' : item.equation ? 'equation' : undefined);
  if (type === 'text') {
    const text = recordOf(item.text);
    const linkUrl = stringOf(recordOf(text.link).url);
    return textItems(stringOf(text.content) ?? plain, linkUrl ? remapLinkUrl(linkUrl, ctx, ownerId) : undefined, annotations);
  }
  if (type === 'equation') {
    const expression = stringOf(recordOf(item.equation).expression) ?? plain;
    if (expression.length <= LIMITS.equation) return [withAnnotations({ type: 'equation' as const, equation: { expression } }, annotations)];
    ctx.recordLoss({ kind: 'other', objectId: ownerId, detail: `an inline equation longer than ${LIMITS.equation} characters became code text` });
    return textItems(expression, undefined, { ...annotations, code: true });
  }
  if (type === 'mention') return convertMention(recordOf(item.mention), plain, stringOf(item.href), annotations, ctx, ownerId);
  if (plain) {
    ctx.recordLoss({ kind: 'other', objectId: ownerId, detail: `rich text of type "${type ?? 'unknown'}" became plain text` });
    return textItems(plain, undefined, annotations);
  }
  return [];
}

function mentionItem(mention: Mention, annotations: Annotations | undefined): RichTextItemRequest {
  return withAnnotations({ type: 'mention' as const, mention }, annotations);
}

function convertMention(
  mention: JsonRecord,
  plain: string,
  href: string | undefined,
  annotations: Annotations | undefined,
  ctx: ConvertContext,
  ownerId: string,
): RichTextItemRequest[] {
  const type = stringOf(mention.type);
  const body = recordOf(type ? mention[type] : undefined);
  switch (type) {
    case 'page':
    case 'database': {
      const oldId = stringOf(body.id) ?? '';
      const newId = oldId ? ctx.newIdFor(oldId) : undefined;
      if (newId) return [mentionItem(type === 'page' ? { type, page: { id: newId } } : { type, database: { id: newId } }, annotations)];
      const title = (oldId ? ctx.titleOf(oldId) : undefined) || plain || 'Untitled';
      ctx.recordLoss({ kind: 'link-outside-restore', objectId: ownerId, detail: `a mention of the ${type} "${title}" (not in the restore) became a link to the original` });
      return textItems(title, href ?? (oldId ? notionUrlFor(oldId) : undefined), annotations);
    }
    case 'user': {
      const oldId = stringOf(body.id) ?? '';
      const newId = oldId ? ctx.userFor(oldId) : undefined;
      if (newId) return [mentionItem({ type: 'user', user: { id: newId } }, annotations)];
      const name = plain.replace(/^@/, '') || stringOf(body.name) || 'Unknown user';
      ctx.recordLoss({ kind: 'user-not-mapped', objectId: ownerId, detail: `the mention of @${name} became plain text (no matching user in the target workspace)` });
      return textItems(`@${name}`, undefined, annotations);
    }
    case 'date': {
      const start = stringOf(body.start);
      if (!start) return plain ? textItems(plain, undefined, annotations) : [];
      const date = { start, end: stringOf(body.end) ?? null, time_zone: stringOf(body.time_zone) ?? null };
      return [mentionItem({ type: 'date', date }, annotations)];
    }
    case 'template_mention': {
      const template = templateMention(body);
      if (template) return [mentionItem({ type: 'template_mention', template_mention: template }, annotations)];
      return plain ? textItems(plain, undefined, annotations) : [];
    }
    case 'link_preview': {
      const url = stringOf(body.url) ?? href ?? plain;
      ctx.recordLoss({ kind: 'block-converted', objectId: ownerId, detail: `the link preview mention of ${url || 'a link'} became a plain link (Notion's API cannot create link previews)` });
      return textItems(plain || url, url ? remapLinkUrl(url, ctx, ownerId) : undefined, annotations);
    }
    case 'link_mention': {
      const url = stringOf(body.href) ?? href ?? plain;
      ctx.recordLoss({ kind: 'block-converted', objectId: ownerId, detail: `the link mention of ${url || 'a link'} became a plain link (Notion's API cannot create link mentions)` });
      return textItems(stringOf(body.title) || plain || url, url ? remapLinkUrl(url, ctx, ownerId) : undefined, annotations);
    }
    case 'custom_emoji': {
      const name = stringOf(body.name);
      ctx.recordLoss({ kind: 'other', objectId: ownerId, detail: `the custom emoji :${name ?? 'emoji'}: became text (custom emojis belong to their workspace)` });
      return textItems(plain || `:${name ?? 'emoji'}:`, undefined, annotations);
    }
    default:
      ctx.recordLoss({ kind: 'other', objectId: ownerId, detail: `a mention of type "${type ?? 'unknown'}" became plain text` });
      return plain ? textItems(plain, href ? remapLinkUrl(href, ctx, ownerId) : undefined, annotations) : [];
  }
}

function templateMention(body: JsonRecord): TemplateMention | undefined {
  const date = body.template_mention_date;
  if (date === 'today' || date === 'now') return { type: 'template_mention_date', template_mention_date: date };
  if (body.template_mention_user === 'me') return { type: 'template_mention_user', template_mention_user: 'me' };
  return undefined;
}

/** Splits a request rich-text array into arrays of at most `max` items; always at least one (possibly empty) array. */
export function chunkRichText(items: RichTextItemRequest[], max: number = LIMITS.richTextItems): RichTextItemRequest[][] {
  if (items.length === 0) return [[]];
  const chunks: RichTextItemRequest[][] = [];
  for (let start = 0; start < items.length; start += max) chunks.push(items.slice(start, start + max));
  return chunks;
}

function textStyleKey(item: RichTextItemRequest): string | undefined {
  if (!('text' in item)) return undefined;
  return JSON.stringify([item.annotations ?? {}, item.text.link?.url ?? null]);
}

/**
 * Merges neighbouring text items that look the same (same annotations and link), then splits again
 * at the length limit: the same text in as few items as possible, for arrays over Notion's 100 items.
 */
export function compactRichText(items: RichTextItemRequest[]): RichTextItemRequest[] {
  const merged: RichTextItemRequest[] = [];
  for (const item of items) {
    const previous = merged.at(-1);
    const key = textStyleKey(item);
    if (previous && key !== undefined && key === textStyleKey(previous) && 'text' in previous && 'text' in item) {
      merged[merged.length - 1] = { ...previous, text: { ...previous.text, content: previous.text.content + item.text.content } };
    } else {
      merged.push(item);
    }
  }
  return merged.flatMap((item) => {
    if (!('text' in item) || item.text.content.length <= LIMITS.textContent) return [item];
    return splitText(item.text.content).map((piece) => ({ ...item, text: { ...item.text, content: piece } }));
  });
}

/** Rich text for a field that holds one array (captions, cells, property values): at most 100 items. */
export function fitRichText(items: RichTextItemRequest[], ctx: ConvertContext, ownerId: string, where: string): RichTextItemRequest[] {
  if (items.length <= LIMITS.richTextItems) return items;
  const compact = compactRichText(items);
  if (compact.length <= LIMITS.richTextItems) return compact;
  ctx.recordLoss({
    kind: 'text-truncated',
    objectId: ownerId,
    detail: `${where} kept its first ${LIMITS.richTextItems} of ${compact.length} rich-text pieces`,
  });
  return compact.slice(0, LIMITS.richTextItems);
}

/** The plain text of request rich text (for placeholders). */
export function plainTextOf(items: RichTextItemRequest[]): string {
  return items
    .map((item) => ('text' in item ? item.text.content : 'equation' in item ? item.equation.expression : ''))
    .join('');
}
