import type { Clock } from '../clock';
import { bodyValidationError, validationError } from '../errors';
import { FileSigner } from '../files';
import { normalizeId } from '../ids';
import type { FileValue, FixtureFileUpload, HostedFileRef, IconValue } from '../fixture-types';
import type { InputContext } from './common';
import type { AttachSlot } from './file-types';
import { fitsSlot } from './file-types';
import { expectId, expectRecord, expectString, expectWebUrl, variantOf } from './common';

/** Pending/uploaded uploads that were never attached expire one hour after creation. */
export function refreshUploadStatus(upload: FixtureFileUpload, clock: Clock): FixtureFileUpload['status'] {
  const live = upload.status === 'pending' || upload.status === 'uploaded';
  if (live && upload.expiryTime !== null && clock.nowMs() > Date.parse(upload.expiryTime)) upload.status = 'expired';
  return upload.status;
}

/**
 * Attaches an uploaded file (by File Upload id) and returns the hosted-file reference to store. The upload
 * must be `uploaded`, owned by this token, never attached before (stricter than the upload guide, which
 * allows reuse: a restore must not depend on it), and of a kind that fits `slot` (an image block takes an
 * image, an icon cannot be a PDF, …).
 */
export function attachUpload(rawId: unknown, path: string, ctx: InputContext, slot: AttachSlot = 'any'): HostedFileRef {
  const id = expectId(rawId, path);
  const upload = ctx.store.uploads.get(id);
  if (!upload || upload.ownerToken !== ctx.token.name) {
    throw validationError(`Could not find file upload with ID: ${id}.`);
  }
  const status = refreshUploadStatus(upload, ctx.env.clock);
  if (status !== 'uploaded' || !upload.fileId) {
    throw validationError(
      `File upload with ID ${id} has status \`${status}\` and cannot be attached. Only file uploads with status \`uploaded\` can be attached.`,
    );
  }
  const claimed = (ctx.claimedUploads ??= new Set());
  if (upload.attached || claimed.has(id)) {
    throw validationError(`File upload with ID ${id} is already attached. Create a new file upload for each attachment.`);
  }
  const contentType = upload.contentType ?? 'application/octet-stream';
  if (!fitsSlot(contentType, slot)) {
    throw validationError(`${path}: a file of type \`${contentType}\` cannot be used where a file of type \`${slot}\` is expected.`);
  }
  claimed.add(id);
  ctx.pendingEffects.push(() => {
    upload.expiryTime = null;
    upload.attached = true;
  });
  return { file_id: upload.fileId };
}

function hostedFileRejected(path: string): never {
  throw bodyValidationError(
    `${path}.file should be not present. Notion-hosted files cannot be sent back; use \`external\` or \`file_upload\`.`,
  );
}

function externalUrl(value: unknown, path: string): string {
  return expectWebUrl(expectRecord(value, path)['url'], `${path}.url`);
}

// One emoji (as Notion's picker offers them); a lone pictograph without its variation selector is accepted too.
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const PICTOGRAPH = /^\p{Extended_Pictographic}\uFE0F?$/u;

function emojiIcon(value: unknown, path: string): string {
  const emoji = expectString(value, path);
  if (!RGI_EMOJI.test(emoji) && !PICTOGRAPH.test(emoji)) throw bodyValidationError(`${path} should be a single emoji, instead was \`${JSON.stringify(emoji)}\`.`);
  return emoji;
}

/** `external` or `file_upload` sources for media blocks and covers; `file` only where Notion allows it (files property). */
export function fileSource(
  value: Record<string, unknown>,
  path: string,
  ctx: InputContext,
  allowExistingHostedFile = false,
  slot: AttachSlot = 'any',
): FileValue {
  const kind = variantOf(value, ['external', 'file_upload', 'file']);
  if (kind === 'external') return { type: 'external', external: { url: externalUrl(value['external'], `${path}.external`) } };
  if (kind === 'file_upload') {
    const ref = attachUpload(expectRecord(value['file_upload'], `${path}.file_upload`)['id'], `${path}.file_upload.id`, ctx, slot);
    return { type: 'file', file: ref };
  }
  if (kind === 'file' && allowExistingHostedFile) {
    const url = expectString(expectRecord(value['file'], `${path}.file`)['url'], `${path}.file.url`);
    const fileId = hostedFileIdFromUrl(url, ctx);
    if (!fileId) throw validationError(`${path}.file.url is not a Notion-hosted file URL: ${url}`);
    return { type: 'file', file: { file_id: fileId } };
  }
  if (kind === 'file') hostedFileRejected(path);
  throw bodyValidationError(
    `${path}.external should be defined, instead was \`undefined\`. ${path}.file_upload should be defined, instead was \`undefined\`.`,
  );
}

function hostedFileIdFromUrl(url: string, ctx: InputContext): string | null {
  try {
    const parsed = new URL(url);
    const found = FileSigner.parsePath(parsed.pathname);
    return found && ctx.store.files.has(found.fileId) ? found.fileId : null;
  } catch {
    return null;
  }
}

/**
 * A custom emoji icon names an emoji of this workspace (GET /v1/custom_emojis) and is stored with the
 * workspace's name and url. `name` and `url` are optional in SDK 5.26's CustomEmojiPageIconRequest; when
 * given they must be the emoji's own (stricter than documented).
 */
function workspaceCustomEmoji(value: unknown, path: string, ctx: InputContext): { id: string; name: string; url: string } {
  const emoji = expectRecord(value, path);
  const id = expectId(emoji['id'], `${path}.id`);
  const known = (ctx.store.workspace.customEmojis ?? []).find((candidate) => normalizeId(candidate.id) === id);
  if (!known) throw validationError(`${path}.id: ${id} is not a custom emoji of this workspace.`);
  for (const key of ['name', 'url'] as const) {
    if (emoji[key] !== undefined && emoji[key] !== known[key]) {
      throw validationError(`${path}.${key} should be \`${known[key]}\` (the workspace's custom emoji ${id}), instead was \`${JSON.stringify(emoji[key])}\`.`);
    }
  }
  return { id: known.id, name: known.name, url: known.url };
}

export function iconInput(value: unknown, path: string, ctx: InputContext): IconValue | null {
  if (value === null) return null;
  const icon = expectRecord(value, path);
  const kind = variantOf(icon, ['emoji', 'external', 'file_upload', 'custom_emoji', 'icon', 'file']);
  switch (kind) {
    case 'emoji':
      return { type: 'emoji', emoji: emojiIcon(icon['emoji'], `${path}.emoji`) };
    case 'external':
      return { type: 'external', external: { url: externalUrl(icon['external'], `${path}.external`) } };
    case 'file_upload':
      return { type: 'file', file: attachUpload(expectRecord(icon['file_upload'], `${path}.file_upload`)['id'], `${path}.file_upload.id`, ctx, 'image') };
    case 'custom_emoji':
      return { type: 'custom_emoji', custom_emoji: workspaceCustomEmoji(icon['custom_emoji'], `${path}.custom_emoji`, ctx) };
    case 'icon': {
      const noticon = expectRecord(icon['icon'], `${path}.icon`);
      return { type: 'icon', icon: { name: expectString(noticon['name'], `${path}.icon.name`), color: typeof noticon['color'] === 'string' ? noticon['color'] : 'gray' } };
    }
    case 'file':
      return hostedFileRejected(path);
    default:
      throw bodyValidationError(`${path} should be an emoji, external, file_upload, custom_emoji or icon object.`);
  }
}

export function coverInput(value: unknown, path: string, ctx: InputContext): FileValue | null {
  if (value === null) return null;
  return fileSource(expectRecord(value, path), path, ctx, false, 'image');
}
