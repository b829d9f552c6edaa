import { LIMITS, recordOf, stringOf } from './common';
import type { ConvertContext, CoverRequest, IconRequest } from './types';

type NoticonColor = Extract<IconRequest, { icon: unknown }>['icon']['color'];

/** The object a file reference belongs to ("page:<id>:cover" → "<id>"), for loss records. */
function ownerOf(ref: string): string {
  return ref.split(':')[1] ?? ref;
}

function externalUrl(value: unknown): string | undefined {
  const url = stringOf(recordOf(value).url);
  return url && url.length <= LIMITS.url ? url : undefined;
}

/** A Notion-hosted file (`type: "file"`) re-sent as the upload made from the stored copy, if any. */
export function uploadedFile(ref: string, ctx: ConvertContext): { type: 'file_upload'; file_upload: { id: string } } | undefined {
  const id = ctx.uploadFor(ref);
  return id ? { type: 'file_upload', file_upload: { id } } : undefined;
}

/**
 * A page, database or callout icon as a request value, or undefined when it is dropped (with a loss).
 * Emoji, external and native icons are kept; a hosted file becomes its upload; a custom emoji stays
 * one when the target workspace has an emoji with its id, else (custom emojis belong to their
 * workspace) it becomes an external icon with its image.
 */
export function convertIcon(icon: unknown, ref: string, ctx: ConvertContext): IconRequest | undefined {
  if (icon === null || icon === undefined) return undefined;
  const value = recordOf(icon);
  const type = stringOf(value.type);
  switch (type) {
    case 'emoji': {
      const emoji = stringOf(value.emoji);
      return emoji ? { type: 'emoji', emoji } : undefined;
    }
    case 'external': {
      const url = externalUrl(value.external);
      if (url) return { type: 'external', external: { url } };
      break;
    }
    case 'icon': {
      const noticon = recordOf(value.icon);
      const name = stringOf(noticon.name);
      const color = stringOf(noticon.color);
      if (name) return { type: 'icon', icon: color ? { name, color: color as NoticonColor } : { name } };
      break;
    }
    case 'custom_emoji': {
      const emoji = recordOf(value.custom_emoji);
      const id = stringOf(emoji.id);
      // The same emoji exists in the target workspace (a restore into the workspace it came from).
      if (id && ctx.customEmojiExists?.(id)) return { type: 'custom_emoji', custom_emoji: { id } };
      const url = externalUrl(emoji);
      ctx.recordLoss({
        kind: 'other',
        objectId: ownerOf(ref),
        detail: url
          ? `the custom emoji icon :${stringOf(emoji.name) ?? 'emoji'}: is not in the target workspace and became an image icon`
          : `the custom emoji icon :${stringOf(emoji.name) ?? 'emoji'}: was dropped (custom emojis belong to their workspace)`,
      });
      return url ? { type: 'external', external: { url } } : undefined;
    }
    case 'file': {
      const uploaded = uploadedFile(ref, ctx);
      if (uploaded) return uploaded;
      ctx.recordLoss({ kind: 'file-not-available', objectId: ownerOf(ref), detail: `the uploaded icon (${ref}) was not available and was dropped` });
      return undefined;
    }
    case 'file_upload': {
      const id = stringOf(recordOf(value.file_upload).id);
      if (id) return { type: 'file_upload', file_upload: { id } };
      break;
    }
  }
  ctx.recordLoss({ kind: 'other', objectId: ownerOf(ref), detail: `an icon of type "${type ?? 'unknown'}" could not be restored` });
  return undefined;
}

/** A page or database cover: external kept, hosted → its upload, else dropped with a loss. */
export function convertCover(cover: unknown, ref: string, ctx: ConvertContext): CoverRequest | undefined {
  if (cover === null || cover === undefined) return undefined;
  const value = recordOf(cover);
  const type = stringOf(value.type);
  if (type === 'external') {
    const url = externalUrl(value.external);
    if (url) return { type: 'external', external: { url } };
  } else if (type === 'file') {
    const uploaded = uploadedFile(ref, ctx);
    if (uploaded) return uploaded;
    ctx.recordLoss({ kind: 'file-not-available', objectId: ownerOf(ref), detail: `the uploaded cover (${ref}) was not available and was dropped` });
    return undefined;
  } else if (type === 'file_upload') {
    const id = stringOf(recordOf(value.file_upload).id);
    if (id) return { type: 'file_upload', file_upload: { id } };
  }
  ctx.recordLoss({ kind: 'other', objectId: ownerOf(ref), detail: `a cover of type "${type ?? 'unknown'}" could not be restored` });
  return undefined;
}
