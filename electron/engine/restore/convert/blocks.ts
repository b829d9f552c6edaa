import type { StoredBlock } from '../../snapshot/format';
import { blockPayload } from '../../snapshot/format';
import { convertLinkPreview, convertLinkToPage, convertMedia, convertSyncedBlock, convertUrlBlock, single } from './block-media';
import { arrayOf, LIMITS, recordOf, stringOf } from './common';
import type { JsonRecord } from './common';
import { convertIcon } from './files';
import { chunkRichText, compactRichText, convertRichText, fitRichText, textItems } from './rich-text';
import type { BlockObjectRequest, ConvertContext, ConvertedBlock, IconRequest, RichTextItemRequest } from './types';

type ApiColor = NonNullable<Extract<BlockObjectRequest, { paragraph: unknown }>['paragraph']['color']>;
type CodeLanguage = Extract<BlockObjectRequest, { code: unknown }>['code']['language'];

type TextType = 'paragraph' | 'heading_1' | 'heading_2' | 'heading_3' | 'heading_4' | 'bulleted_list_item' | 'numbered_list_item' | 'to_do' | 'toggle' | 'quote' | 'callout';
type TextBlock = Extract<StoredBlock, { type: TextType }>;

/** What a text block's request holds; each type takes the parts it has (headings toggle, to-dos check). */
interface TextContent {
  rich_text: RichTextItemRequest[];
  color?: ApiColor;
  is_toggleable?: boolean;
  checked?: boolean;
  icon?: IconRequest;
}
/** Created by the orchestrator with pages.create / databases.create: not a loss. */
const CREATED_ELSEWHERE = new Set(['child_page', 'child_database']);
const NOT_CREATABLE: Record<string, string> = {
  template: 'template buttons (the legacy "template" block) can no longer be created through the API',
  meeting_notes: 'meeting notes cannot be created through the API',
  transcription: 'meeting notes cannot be created through the API',
};

/** Response block → request payload (without children); see ConvertedBlock. */
export function convertBlock(block: StoredBlock, ctx: ConvertContext): ConvertedBlock {
  const type = block.type;
  if (CREATED_ELSEWHERE.has(type)) return single(null);
  const body = blockPayload(block);
  switch (block.type) {
    case 'paragraph':
    case 'heading_1':
    case 'heading_2':
    case 'heading_3':
    case 'heading_4':
    case 'bulleted_list_item':
    case 'numbered_list_item':
    case 'to_do':
    case 'toggle':
    case 'quote':
    case 'callout':
      return convertTextBlock(block, ctx);
    case 'image':
    case 'video':
    case 'audio':
    case 'pdf':
    case 'file':
      return convertMedia(block, ctx);
    case 'code':
      return convertCode(block, body, ctx);
    case 'equation':
      return convertEquation(block, body, ctx);
    case 'divider':
      return single({ type: 'divider', divider: {} });
    case 'breadcrumb':
      return single({ type: 'breadcrumb', breadcrumb: {} });
    case 'table_of_contents':
      return single({ type: 'table_of_contents', table_of_contents: withColor({}, body.color) });
    case 'column_list':
      return single({ type: 'column_list', column_list: { children: [] } }, true);
    case 'column': {
      const ratio = body.width_ratio;
      const widthRatio = typeof ratio === 'number' && ratio > 0 && ratio <= 1 ? { width_ratio: ratio } : {};
      return single({ type: 'column', column: { children: [], ...widthRatio } }, true);
    }
    case 'table':
      return convertTable(block, body, ctx);
    case 'table_row': {
      const cells = arrayOf(body.cells).map((cell, index) =>
        fitRichText(convertRichText(cell, ctx, block.id), ctx, block.id, `cell ${index + 1} of a table row`),
      );
      return single({ type: 'table_row', table_row: { cells } });
    }
    case 'tab':
      return single({ type: 'tab', tab: { children: [] } }, true);
    case 'embed':
    case 'bookmark':
      return convertUrlBlock(block, ctx);
    case 'link_preview':
      return convertLinkPreview(block, ctx);
    case 'link_to_page':
      return convertLinkToPage(block, ctx);
    case 'synced_block':
      return convertSyncedBlock(block, ctx);
    case 'unsupported': {
      const realType = stringOf(body.block_type) ?? 'unknown';
      ctx.recordLoss({ kind: 'unsupported-block', objectId: block.id, detail: `a "${realType}" block cannot be read or created through the API` });
      return single(null);
    }
    default:
      ctx.recordLoss({
        kind: 'unsupported-block',
        objectId: block.id,
        detail: NOT_CREATABLE[type] ?? `blocks of type "${type}" cannot be created through the API`,
      });
      return single(null);
  }
}

function withColor<T extends object>(target: T, color: unknown): T & { color?: ApiColor } {
  return typeof color === 'string' ? { ...target, color: color as ApiColor } : target;
}

/** Rich text in arrays of ≤ 100 items: the first for the block, the others for continuation blocks. */
function richTextChunks(raw: unknown, block: StoredBlock, ctx: ConvertContext): RichTextItemRequest[][] {
  const items = convertRichText(raw, ctx, block.id);
  if (items.length <= LIMITS.richTextItems) return [items];
  const chunks = chunkRichText(compactRichText(items));
  if (chunks.length > 1) {
    ctx.recordLoss({
      kind: 'other',
      objectId: block.id,
      detail: `the text of a ${block.type} block (over ${LIMITS.richTextItems} rich-text pieces) continues in ${chunks.length - 1} more block(s)`,
    });
  }
  return chunks;
}

function convertTextBlock(block: TextBlock, ctx: ConvertContext): ConvertedBlock {
  const type = block.type;
  const body = blockPayload(block);
  const [first = [], ...rest] = richTextChunks(body.rich_text, block, ctx);
  const content: TextContent = withColor({ rich_text: first }, body.color);
  let acceptsChildren = true;
  if (type.startsWith('heading_')) {
    content.is_toggleable = body.is_toggleable === true;
    acceptsChildren = body.is_toggleable === true;
  }
  if (type === 'to_do') content.checked = body.checked === true;
  if ((type === 'callout' || type === 'paragraph') && body.icon) {
    const icon: IconRequest | undefined = convertIcon(body.icon, `block:${block.id}:icon`, ctx);
    if (icon) content.icon = icon;
  }
  // Long text continues in blocks of the same type for paragraphs and quotes; other types continue as paragraphs.
  const continuationType = type === 'paragraph' || type === 'quote' ? type : 'paragraph';
  const continuation = rest.map((richText) => textPayload(continuationType, withColor({ rich_text: richText }, body.color)));
  return { payload: textPayload(type, content), continuation, acceptsChildren };
}

function textPayload(type: TextType, content: TextContent): BlockObjectRequest {
  switch (type) {
    case 'paragraph':
      return { type, paragraph: content };
    case 'heading_1':
      return { type, heading_1: content };
    case 'heading_2':
      return { type, heading_2: content };
    case 'heading_3':
      return { type, heading_3: content };
    case 'heading_4':
      return { type, heading_4: content };
    case 'bulleted_list_item':
      return { type, bulleted_list_item: content };
    case 'numbered_list_item':
      return { type, numbered_list_item: content };
    case 'to_do':
      return { type, to_do: content };
    case 'toggle':
      return { type, toggle: content };
    case 'quote':
      return { type, quote: content };
    case 'callout':
      return { type, callout: content };
  }
}

function convertCode(block: StoredBlock, body: JsonRecord, ctx: ConvertContext): ConvertedBlock {
  const language = (stringOf(body.language) ?? 'plain text') as CodeLanguage;
  const caption = fitRichText(convertRichText(body.caption, ctx, block.id), ctx, block.id, 'the caption of a code block');
  const [first = [], ...rest] = richTextChunks(body.rich_text, block, ctx);
  return {
    payload: { type: 'code', code: { rich_text: first, language, caption } },
    continuation: rest.map((richText) => ({ type: 'code', code: { rich_text: richText, language } })),
    acceptsChildren: false,
  };
}

function convertEquation(block: StoredBlock, body: JsonRecord, ctx: ConvertContext): ConvertedBlock {
  const expression = stringOf(body.expression) ?? '';
  if (expression.length <= LIMITS.equation) return single({ type: 'equation', equation: { expression } });
  ctx.recordLoss({
    kind: 'block-converted',
    objectId: block.id,
    detail: `an equation longer than ${LIMITS.equation} characters became a LaTeX code block`,
  });
  const [first = [], ...rest] = chunkRichText(textItems(expression, undefined));
  return {
    payload: { type: 'code', code: { rich_text: first, language: 'latex' } },
    continuation: rest.map((richText) => ({ type: 'code', code: { rich_text: richText, language: 'latex' } })),
    acceptsChildren: false,
  };
}

function convertTable(block: StoredBlock, body: JsonRecord, ctx: ConvertContext): ConvertedBlock {
  const width = body.table_width;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 1) {
    ctx.recordLoss({ kind: 'other', objectId: block.id, detail: 'a table without a valid width was left out' });
    return single(null);
  }
  return single(
    {
      type: 'table',
      table: { table_width: width, has_column_header: body.has_column_header === true, has_row_header: body.has_row_header === true, children: [] },
    },
    true,
  );
}

/**
 * The payload with its children attached (column_list, column, table and tab need theirs in the
 * creating request). Children must respect Notion's limits: ≤ 100 per array, two nesting levels.
 */
export function withChildren(payload: BlockObjectRequest, children: BlockObjectRequest[]): BlockObjectRequest {
  const type = payload.type;
  if (!type) throw new Error('withChildren needs a payload with its type set');
  const fields: JsonRecord = payload;
  // The request types declare `children` type by type; the payload's own type is only known here.
  return { ...payload, [type]: { ...recordOf(fields[type]), children } } as BlockObjectRequest;
}
