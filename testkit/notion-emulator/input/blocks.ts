import { bodyValidationError, shouldBeNotPresent, tooLong, validationError } from '../errors';
import type { FixtureBlock, JsonObject } from '../fixture-types';
import { acceptsApiChildren, blockPayload, CREATABLE_BLOCKS, READ_ONLY_BLOCKS } from './block-payloads';
import type { InputContext } from './common';
import { expectArray, expectRecord, isRecord, variantOf } from './common';

export const MAX_CHILDREN_PER_ARRAY = 100;
export const MAX_BLOCKS_PER_REQUEST = 1000;
/** Blocks at this nesting level (0 = the top-level array of the request) may not carry children. */
export const MAX_NESTING_LEVEL = 2;

export interface BlockDraft {
  type: string;
  payload: JsonObject;
  children: BlockDraft[];
}

/** The block receiving the children: its type matters for column_list/table rules. */
export interface ParentShape {
  type: string;
  tableWidth?: number;
}

interface ParseState {
  total: number;
  enforceLimits: boolean;
  ctx: InputContext;
}

const READ_ONLY_HINTS: Record<string, string> = {
  child_page: 'Create child pages with pages.create.',
  child_database: 'Create databases with databases.create.',
  link_preview: 'link_preview blocks are read-only; append a bookmark or embed instead.',
  unsupported: 'unsupported blocks cannot be created through the API.',
  meeting_notes: 'Meeting notes blocks are created with the meeting notes endpoint.',
  transcription: 'Meeting notes blocks are created with the meeting notes endpoint.',
  template: 'Template blocks have been deprecated since March 2023; use a button in the Notion app.',
};

/** Validates a request's children array (all limits) and returns drafts; nothing is stored yet. */
export function parseBlockChildren(
  raw: unknown,
  path: string,
  parent: ParentShape,
  ctx: InputContext,
  enforceLimits = true,
): BlockDraft[] {
  const state: ParseState = { total: 0, enforceLimits, ctx };
  return parseList(expectArray(raw, path), path, 0, parent, state);
}

function parseList(items: unknown[], path: string, level: number, parent: ParentShape, state: ParseState): BlockDraft[] {
  if (state.enforceLimits && items.length > MAX_CHILDREN_PER_ARRAY) {
    throw tooLong(`${path}.length`, MAX_CHILDREN_PER_ARRAY, items.length);
  }
  return items.map((item, index) => parseBlock(item, `${path}[${index}]`, level, parent, state));
}

function checkPlacement(type: string, path: string, parent: ParentShape, level: number, state: ParseState): void {
  // The SDK request types allow column_list only in a request's top-level array, never nested in another block's children.
  if (type === 'column_list' && state.enforceLimits && level > 0) {
    throw bodyValidationError(`${path}.column_list can only be in the top-level children of a request; append it to the parent block in its own request.`);
  }
  if (type === 'column_list' && parent.type === 'column') {
    throw bodyValidationError(`${path}.column_list cannot be a child of a column: columns do not nest.`);
  }
  if (parent.type === 'tab' && type !== 'paragraph') {
    throw bodyValidationError(`${path} should be a paragraph block: tab blocks can only contain paragraphs (tab items).`);
  }
  if (type === 'column' && parent.type !== 'column_list') {
    throw bodyValidationError(`${path}.column can only be a child of a column_list block.`);
  }
  if (parent.type === 'column_list' && type !== 'column') {
    throw bodyValidationError(`${path} should be a column block: column_list blocks can only contain columns.`);
  }
  if (type === 'table_row' && parent.type !== 'table') {
    throw bodyValidationError(`${path}.table_row can only be a child of a table block.`);
  }
  if (parent.type === 'table' && type !== 'table_row') {
    throw bodyValidationError(`${path} should be a table_row block: tables can only contain table rows.`);
  }
}

function parseBlock(raw: unknown, path: string, level: number, parent: ParentShape, state: ParseState): BlockDraft {
  state.total += 1;
  if (state.enforceLimits && state.total > MAX_BLOCKS_PER_REQUEST) {
    throw validationError(`The request contains more than ${MAX_BLOCKS_PER_REQUEST} block elements, which is the maximum for one request.`);
  }
  const data = expectRecord(raw, path);
  const type = variantOf(data, [...CREATABLE_BLOCKS, ...READ_ONLY_BLOCKS]);
  if (type === undefined) throw bodyValidationError(`${path} should be a block object with a known type, instead was \`${JSON.stringify(data).slice(0, 60)}\`.`);
  if (READ_ONLY_BLOCKS.has(type)) {
    throw bodyValidationError(`${path}.${type} is a block type that cannot be created. ${READ_ONLY_HINTS[type] ?? ''}`.trim());
  }
  if (!CREATABLE_BLOCKS.has(type)) throw bodyValidationError(`${path}.type should be a supported block type, instead was \`"${type}"\`.`);
  checkPlacement(type, path, parent, level, state);
  const body = data[type];
  const typePath = `${path}.${type}`;
  const payload = blockPayload(type, body, typePath, state.ctx);
  if (type === 'table_row' && parent.tableWidth !== undefined) {
    const cells = (payload['cells'] as unknown[]).length;
    if (cells !== parent.tableWidth) {
      throw validationError(`Number of cells in table row must match the table width of the parent table (${parent.tableWidth}), instead was ${cells}. (${typePath}.cells)`);
    }
  }
  const childrenRaw = isRecord(body) ? body['children'] : undefined;
  const children = childrenRaw === undefined ? [] : parseNested(type, payload, childrenRaw, typePath, level, state);
  checkRequiredChildren(type, children, typePath);
  return { type, payload, children };
}

function parseNested(type: string, payload: JsonObject, childrenRaw: unknown, typePath: string, level: number, state: ParseState): BlockDraft[] {
  const childrenPath = `${typePath}.children`;
  if (!acceptsApiChildren(type, payload)) throw shouldBeNotPresent(childrenPath, childrenRaw);
  if (type === 'synced_block' && payload['synced_from'] !== null) throw shouldBeNotPresent(childrenPath, childrenRaw);
  // A column is structural: its content sits at the column_list's child level (as in the SDK request types).
  const childLevel = type === 'column' ? level : level + 1;
  if (state.enforceLimits && type !== 'column' && level >= MAX_NESTING_LEVEL) throw shouldBeNotPresent(childrenPath, childrenRaw);
  const shape: ParentShape = { type, tableWidth: type === 'table' ? (payload['table_width'] as number) : undefined };
  return parseList(expectArray(childrenRaw, childrenPath), childrenPath, childLevel, shape, state);
}

function checkRequiredChildren(type: string, children: BlockDraft[], typePath: string): void {
  const minimum = type === 'column_list' ? 2 : type === 'column' || type === 'table' || type === 'tab' ? 1 : 0;
  if (children.length < minimum) {
    throw bodyValidationError(`${typePath}.children.length should be ≥ \`${minimum}\`, instead was \`${children.length}\`.`);
  }
}

/** Stores drafts as blocks (children first) and returns the top-level records. */
export function materializeBlocks(drafts: BlockDraft[], ctx: InputContext): FixtureBlock[] {
  return drafts.map((draft) => {
    const children = materializeBlocks(draft.children, ctx);
    const block: FixtureBlock = {
      id: ctx.env.ids.uuid(),
      type: draft.type,
      payload: draft.payload,
      createdTime: ctx.nowMinute,
      lastEditedTime: ctx.nowMinute,
      createdBy: ctx.userId,
      lastEditedBy: ctx.userId,
    };
    if (children.length > 0) block.children = children.map((child) => child.id);
    ctx.store.addBlock(block);
    return block;
  });
}

export function countDrafts(drafts: BlockDraft[]): number {
  return drafts.reduce((sum, draft) => sum + 1 + countDrafts(draft.children), 0);
}
