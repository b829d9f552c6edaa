import { bodyValidationError, shouldBeDefined, shouldBeNotPresent, tooLong, validationError } from '../errors';
import type { JsonObject } from '../fixture-types';
import type { InputContext } from './common';
import { expectArray, expectFlag, expectId, expectRecord, expectString, expectWebUrl, variantOf } from './common';
import { fileSource, iconInput } from './files';
import type { AttachSlot } from './file-types';
import { CODE_LANGUAGES, isSupportedEmbed, requireVisible } from './references';
import { MAX_EQUATION_EXPRESSION, normalizeColor, normalizeRichText } from './rich-text';

export const TEXT_BLOCKS = new Set([
  'paragraph', 'heading_1', 'heading_2', 'heading_3', 'heading_4', 'bulleted_list_item',
  'numbered_list_item', 'to_do', 'toggle', 'quote', 'callout', 'template',
]);
const MEDIA_BLOCKS = new Set(['image', 'video', 'audio', 'pdf', 'file']);

/** Types a request may create with blocks.children.append / pages.create children (the legacy template block no longer). */
export const CREATABLE_BLOCKS = new Set([
  ...[...TEXT_BLOCKS].filter((type) => type !== 'template'), ...MEDIA_BLOCKS, 'code', 'equation', 'divider', 'breadcrumb', 'table_of_contents',
  'column_list', 'column', 'table', 'table_row', 'embed', 'bookmark', 'link_to_page', 'synced_block', 'tab',
]);

/** Returned by the API but never creatable through append. */
export const READ_ONLY_BLOCKS = new Set([
  'child_page', 'child_database', 'unsupported', 'link_preview', 'meeting_notes', 'transcription', 'template',
]);

/** Types whose blocks may hold children (in stored content). */
export const PARENT_BLOCKS = new Set([...TEXT_BLOCKS, 'synced_block', 'column_list', 'column', 'table', 'tab', 'meeting_notes']);

/** Types the API appends children to: not meeting notes (their own endpoint) nor legacy templates; headings only when toggleable. */
export function acceptsApiChildren(type: string, payload: JsonObject): boolean {
  if (!PARENT_BLOCKS.has(type) || type === 'meeting_notes' || type === 'template') return false;
  return !type.startsWith('heading_') || payload['is_toggleable'] === true;
}

const MEDIA_SLOT: Record<string, AttachSlot> = { image: 'image', video: 'video', audio: 'audio', pdf: 'pdf', file: 'any' };

function caption(value: unknown, path: string, ctx: InputContext): unknown[] {
  return value === undefined ? [] : normalizeRichText(value, path, ctx);
}


function textPayload(type: string, data: Record<string, unknown>, path: string, ctx: InputContext, partial: boolean): JsonObject {
  const payload: JsonObject = {};
  if (!partial || data['rich_text'] !== undefined) payload['rich_text'] = normalizeRichText(data['rich_text'], `${path}.rich_text`, ctx);
  if (type === 'template') return payload;
  if (!partial || data['color'] !== undefined) {
    payload['color'] = normalizeColor(data['color'], `${path}.color`, type === 'callout' ? 'gray_background' : 'default');
  }
  if (type.startsWith('heading_') && (!partial || data['is_toggleable'] !== undefined)) payload['is_toggleable'] = expectFlag(data['is_toggleable'], `${path}.is_toggleable`);
  if (type === 'to_do' && (!partial || data['checked'] !== undefined)) payload['checked'] = expectFlag(data['checked'], `${path}.checked`);
  if (type === 'callout' && (!partial || data['icon'] !== undefined)) {
    payload['icon'] = data['icon'] === undefined ? { type: 'emoji', emoji: '💡' } : iconInput(data['icon'], `${path}.icon`, ctx);
  }
  if (type === 'paragraph' && data['icon'] !== undefined) payload['icon'] = iconInput(data['icon'], `${path}.icon`, ctx);
  return payload;
}

function mediaPayload(type: string, data: Record<string, unknown>, path: string, ctx: InputContext, partial: boolean): JsonObject {
  if (partial && !('external' in data || 'file_upload' in data || 'file' in data)) {
    const changes: JsonObject = {};
    if (data['caption'] !== undefined) changes['caption'] = caption(data['caption'], `${path}.caption`, ctx);
    if (type === 'file' && typeof data['name'] === 'string') changes['name'] = data['name'];
    return changes;
  }
  const source = fileSource(data, path, ctx, false, MEDIA_SLOT[type] ?? 'any');
  const payload: JsonObject = { caption: caption(data['caption'], `${path}.caption`, ctx), ...source };
  if (type === 'file') {
    const given = data['name'];
    const uploadName = source.type === 'file' ? ctx.store.files.get(source.file.file_id)?.filename : undefined;
    const urlName = source.type === 'external' ? decodeURIComponent(source.external.url.split('/').pop() ?? '') : undefined;
    payload['name'] = typeof given === 'string' ? given : (uploadName ?? urlName ?? 'file');
  }
  return payload;
}

function linkToPagePayload(data: Record<string, unknown>, path: string, ctx: InputContext): JsonObject {
  const kind = variantOf(data, ['page_id', 'database_id', 'comment_id']);
  if (kind !== 'page_id' && kind !== 'database_id' && kind !== 'comment_id') throw shouldBeDefined(`${path}.page_id`);
  const id = expectId(data[kind], `${path}.${kind}`);
  requireVisible(ctx, kind === 'page_id' ? 'page' : kind === 'database_id' ? 'database' : 'comment', id);
  return { type: kind, [kind]: id };
}

function syncedPayload(data: Record<string, unknown>, path: string, ctx: InputContext): JsonObject {
  const from = data['synced_from'];
  if (from === null || from === undefined) return { synced_from: null };
  const blockId = expectId(expectRecord(from, `${path}.synced_from`)['block_id'], `${path}.synced_from.block_id`);
  requireVisible(ctx, 'block', blockId);
  const original = ctx.store.blocks.get(blockId);
  if (!original || original.type !== 'synced_block' || original.payload['synced_from'] !== null) {
    throw validationError(`${path}.synced_from.block_id must reference an original synced_block, instead was \`${blockId}\`.`);
  }
  return { synced_from: { type: 'block_id', block_id: blockId } };
}

export function tableRowCells(data: Record<string, unknown>, path: string, ctx: InputContext): unknown[][] {
  const cells = expectArray(data['cells'], `${path}.cells`);
  return cells.map((cell, index) => normalizeRichText(cell, `${path}.cells[${index}]`, ctx));
}

/** Builds every field on create; on update only the fields the request gives. */
function pick(partial: boolean, data: Record<string, unknown>, fields: Record<string, () => unknown>): JsonObject {
  const out: JsonObject = {};
  for (const [key, build] of Object.entries(fields)) {
    if (!partial || data[key] !== undefined) out[key] = build();
  }
  return out;
}

/**
 * Normalises a request type payload into Notion's response form (children excluded).
 * `partial` is for blocks.update, where only the given fields change.
 */
export function blockPayload(type: string, raw: unknown, path: string, ctx: InputContext, partial = false): JsonObject {
  const data = raw === undefined && partial ? {} : expectRecord(raw, path);
  if (TEXT_BLOCKS.has(type)) return textPayload(type, data, path, ctx, partial);
  if (MEDIA_BLOCKS.has(type)) return mediaPayload(type, data, path, ctx, partial);
  switch (type) {
    case 'code':
      return pick(partial, data, {
        caption: () => caption(data['caption'], `${path}.caption`, ctx),
        rich_text: () => normalizeRichText(data['rich_text'], `${path}.rich_text`, ctx),
        language: () => {
          const language = data['language'] ?? 'plain text';
          if (typeof language !== 'string' || !CODE_LANGUAGES.has(language)) {
            throw bodyValidationError(`${path}.language should be a language Notion supports, instead was \`${JSON.stringify(language)}\`.`);
          }
          return language;
        },
      });
    case 'equation': {
      const expression = expectString(data['expression'], `${path}.expression`);
      if (expression.length > MAX_EQUATION_EXPRESSION) throw tooLong(`${path}.expression.length`, MAX_EQUATION_EXPRESSION, expression.length);
      return { expression };
    }
    case 'divider':
    case 'breadcrumb':
    case 'column_list':
    case 'tab':
      return {};
    case 'table_of_contents':
      return { color: normalizeColor(data['color'], `${path}.color`) };
    case 'column':
    {
      const ratio = data['width_ratio'];
      if (ratio === undefined) return {};
      if (typeof ratio !== 'number' || !(ratio > 0 && ratio <= 1)) {
        throw bodyValidationError(`${path}.width_ratio should be a number greater than 0 and at most 1, instead was \`${JSON.stringify(ratio)}\`.`);
      }
      return { width_ratio: ratio };
    }
    case 'embed':
    case 'bookmark':
      return pick(partial, data, {
        caption: () => caption(data['caption'], `${path}.caption`, ctx),
        url: () => {
          const url = expectWebUrl(data['url'], `${path}.url`);
          if (type === 'embed' && !isSupportedEmbed(url)) {
            throw validationError(`${path}.url is not a supported embed URL: ${url.slice(0, 100)}. Use a bookmark, video or image block instead.`);
          }
          return url;
        },
      });
    case 'link_to_page':
      return linkToPagePayload(data, path, ctx);
    case 'synced_block':
      if (partial && data['synced_from'] !== undefined) throw shouldBeNotPresent(`${path}.synced_from`, data['synced_from']);
      return partial ? {} : syncedPayload(data, path, ctx);
    case 'table': {
      const width = data['table_width'];
      if (!partial && (typeof width !== 'number' || !Number.isInteger(width) || width < 1)) {
        throw bodyValidationError(`${path}.table_width should be a positive integer, instead was \`${JSON.stringify(width)}\`.`);
      }
      if (partial && width !== undefined) throw shouldBeNotPresent(`${path}.table_width`, width);
      const payload: JsonObject = partial ? {} : { table_width: width };
      if (!partial || data['has_column_header'] !== undefined) payload['has_column_header'] = expectFlag(data['has_column_header'], `${path}.has_column_header`);
      if (!partial || data['has_row_header'] !== undefined) payload['has_row_header'] = expectFlag(data['has_row_header'], `${path}.has_row_header`);
      return payload;
    }
    case 'table_row':
      return { cells: tableRowCells(data, path, ctx) };
    default:
      throw bodyValidationError(`${path} is not a supported block type \`${type}\`.`);
  }
}
