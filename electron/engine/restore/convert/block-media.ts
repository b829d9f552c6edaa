// Blocks that point at something else: files, URLs, pages, synced originals.
import type { StoredBlock } from '../../snapshot/format';
import { blockPayload, syncedOriginalOf } from '../../snapshot/format';
import { fileNameFromUrl, LIMITS, notionUrlFor, recordOf, stringOf } from './common';
import { uploadedFile } from './files';
import { convertRichText, fitRichText, remapLinkUrl, textItems } from './rich-text';
import type { BlockObjectRequest, ConvertContext, ConvertedBlock, RichTextItemRequest } from './types';

type MediaBlock = Extract<StoredBlock, { type: 'image' | 'video' | 'audio' | 'pdf' | 'file' }>;

export function single(payload: BlockObjectRequest | null, acceptsChildren = false): ConvertedBlock {
  return { payload, continuation: [], acceptsChildren: payload !== null && acceptsChildren };
}

export function paragraph(richText: RichTextItemRequest[]): BlockObjectRequest {
  return { type: 'paragraph', paragraph: { rich_text: richText } };
}

function captionOf(body: Record<string, unknown>, block: StoredBlock, ctx: ConvertContext): RichTextItemRequest[] {
  return fitRichText(convertRichText(body.caption, ctx, block.id), ctx, block.id, `the caption of a ${block.type} block`);
}

/** image / video / audio / pdf / file: external kept, hosted → its upload, else a paragraph placeholder. */
export function convertMedia(block: MediaBlock, ctx: ConvertContext): ConvertedBlock {
  const type = block.type;
  const body = blockPayload(block);
  const caption = captionOf(body, block, ctx);
  const name = stringOf(body.name);
  const named = type === 'file' && name ? { name } : {};
  const kind = stringOf(body.type) ?? (body.external ? 'external' : body.file ? 'file' : body.file_upload ? 'file_upload' : undefined);
  if (kind === 'external') {
    const url = stringOf(recordOf(body.external).url);
    if (url && url.length <= LIMITS.url) return single(mediaPayload(type, { type: 'external', external: { url }, caption, ...named }));
  }
  const uploadId = kind === 'file_upload' ? stringOf(recordOf(body.file_upload).id) : undefined;
  const uploaded = uploadId ? ({ type: 'file_upload', file_upload: { id: uploadId } } as const) : kind === 'file' ? uploadedFile(`block:${block.id}`, ctx) : undefined;
  if (uploaded) return single(mediaPayload(type, { ...uploaded, caption, ...named }));
  const label = name ?? fileNameFromUrl(stringOf(recordOf(body.file).url) ?? stringOf(recordOf(body.external).url) ?? '') ?? type;
  ctx.recordLoss({ kind: 'file-not-available', objectId: block.id, detail: `the ${type} "${label}" was not available; a placeholder paragraph stands in for it` });
  const placeholder = textItems(`${type === 'file' ? 'File' : type[0]?.toUpperCase() + type.slice(1)} not restored: ${label}`, undefined, { italic: true, color: 'gray' });
  const withCaption = caption.length > 0 ? [...placeholder, ...textItems(' — ', undefined, { italic: true, color: 'gray' }), ...caption] : placeholder;
  return single(paragraph(fitRichText(withCaption, ctx, block.id, 'a file placeholder')));
}

type MediaBody = { caption: RichTextItemRequest[]; name?: string } & (
  | { type: 'external'; external: { url: string } }
  | { type: 'file_upload'; file_upload: { id: string } }
);

function mediaPayload(type: MediaBlock['type'], body: MediaBody): BlockObjectRequest {
  switch (type) {
    case 'image':
      return { type, image: body };
    case 'video':
      return { type, video: body };
    case 'audio':
      return { type, audio: body };
    case 'pdf':
      return { type, pdf: body };
    case 'file':
      return { type, file: body };
  }
}

/** embed and bookmark keep their URL and caption; one without a URL cannot be created. */
export function convertUrlBlock(block: Extract<StoredBlock, { type: 'embed' | 'bookmark' }>, ctx: ConvertContext): ConvertedBlock {
  const type = block.type;
  const body = blockPayload(block);
  const url = stringOf(body.url);
  if (!url || url.length > LIMITS.url) {
    ctx.recordLoss({ kind: 'other', objectId: block.id, detail: `a ${type} block without a usable URL was left out` });
    return single(null);
  }
  const caption = captionOf(body, block, ctx);
  if (type === 'embed' && isApiEmbeddable(url)) return single({ type, embed: { url, caption } });
  if (type === 'embed') {
    const video = isYouTubeUrl(url);
    ctx.recordLoss({
      kind: 'block-converted',
      objectId: block.id,
      detail: `the embed of ${url} became a ${video ? 'video' : 'bookmark'} block: Notion's API embeds only a few providers (Figma, Loom, Miro, Google Drive, PDFs…)`,
    });
    if (video) return single({ type: 'video', video: { type: 'external', external: { url }, caption } });
  }
  return single({ type: 'bookmark', bookmark: { url: remapLinkUrl(url, ctx, block.id) ?? url, caption } });
}

/** link_preview is read-only: it comes back as a bookmark of the same URL. */
export function convertLinkPreview(block: StoredBlock, ctx: ConvertContext): ConvertedBlock {
  const url = stringOf(blockPayload(block).url);
  if (!url || url.length > LIMITS.url) {
    ctx.recordLoss({ kind: 'unsupported-block', objectId: block.id, detail: 'a link preview without a usable URL was left out' });
    return single(null);
  }
  ctx.recordLoss({ kind: 'block-converted', objectId: block.id, detail: `the link preview of ${url} became a bookmark` });
  return single({ type: 'bookmark', bookmark: { url: remapLinkUrl(url, ctx, block.id) ?? url, caption: [] } });
}

/** link_to_page: the restored page/database, or a paragraph linking to the original. */
export function convertLinkToPage(block: StoredBlock, ctx: ConvertContext): ConvertedBlock {
  const body = blockPayload(block);
  const kind = stringOf(body.type) ?? (body.page_id ? 'page_id' : body.database_id ? 'database_id' : body.comment_id ? 'comment_id' : undefined);
  const oldId = kind ? stringOf(body[kind]) : undefined;
  if (!oldId) {
    ctx.recordLoss({ kind: 'other', objectId: block.id, detail: 'a link to page without a target was left out' });
    return single(null);
  }
  const newId = kind === 'comment_id' ? undefined : ctx.newIdFor(oldId);
  if (newId && kind === 'page_id') return single({ type: 'link_to_page', link_to_page: { type: 'page_id', page_id: newId } });
  if (newId && kind === 'database_id') return single({ type: 'link_to_page', link_to_page: { type: 'database_id', database_id: newId } });
  const title = ctx.titleOf(oldId) || (kind === 'comment_id' ? 'a comment' : 'Untitled');
  ctx.recordLoss({
    kind: 'link-outside-restore',
    objectId: block.id,
    detail: `the link to "${title}" (not in the restore) became a paragraph linking to the original`,
  });
  return single(paragraph(textItems(title, kind === 'comment_id' ? undefined : notionUrlFor(oldId))));
}

/**
 * synced_block: an original stays an original (its children are the content); a copy points at its
 * restored original, or becomes an original itself when that one is not restored.
 */
export function convertSyncedBlock(block: StoredBlock, ctx: ConvertContext): ConvertedBlock {
  const originalId = syncedOriginalOf(block);
  if (!originalId) return single({ type: 'synced_block', synced_block: { synced_from: null } }, true);
  const newOriginal = ctx.newIdFor(originalId);
  if (newOriginal) return single({ type: 'synced_block', synced_block: { synced_from: { type: 'block_id', block_id: newOriginal } } });
  ctx.recordLoss({
    kind: 'block-converted',
    objectId: block.id,
    detail: `a copy of the synced block ${originalId} (not in the restore) became an independent synced block`,
  });
  return single({ type: 'synced_block', synced_block: { synced_from: null } }, true);
}

/**
 * The providers Notion's API accepts in an embed block (its changelog "Validation on embed block URLs";
 * anything else is refused with a 400), and PDF links.
 */
const EMBED_PROVIDERS = [
  'framer.com', 'framer.website', 'twitter.com', 'x.com', 'drive.google.com', 'docs.google.com', 'gist.github.com', 'figma.com',
  'invisionapp.com', 'loom.com', 'typeform.com', 'codepen.io', 'whimsical.com', 'miro.com', 'abstract.com', 'goabstract.com',
  'excalidraw.com', 'sketch.com', 'replit.com', 'repl.it',
];

export function isApiEmbeddable(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.toLowerCase();
  if (parsed.pathname.toLowerCase().endsWith('.pdf')) return true;
  if (host === 'maps.app.goo.gl' || (/^(www\.|maps\.)?google\.[a-z.]+$/.test(host) && (host.startsWith('maps.') || parsed.pathname.startsWith('/maps')))) return true;
  return EMBED_PROVIDERS.some((provider) => host === provider || host.endsWith(`.${provider}`));
}

/** YouTube links, which a video block with an external URL plays. */
export function isYouTubeUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'youtu.be' || host === 'youtube.com' || host.endsWith('.youtube.com');
  } catch {
    return false;
  }
}
