import { validationError } from './errors';

export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  offset: number;
  pageSize: number;
}

type Source = 'body' | 'query';

/** Reads page_size / start_cursor from a JSON body or the query string, as the SDK sends them. */
export function readPageRequest(source: Source, pageSize: unknown, startCursor: unknown): PageRequest {
  return { pageSize: parsePageSize(source, pageSize), offset: decodeCursor(source, startCursor) };
}

function parsePageSize(source: Source, raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return MAX_PAGE_SIZE;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  const path = `${source}.page_size`;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw validationError(`${source} failed validation: ${path} should be a number, instead was \`${JSON.stringify(raw)}\`.`);
  }
  if (value > MAX_PAGE_SIZE) {
    throw validationError(`${source} failed validation: ${path} should be ≤ \`${MAX_PAGE_SIZE}\`, instead was \`${value}\`.`);
  }
  if (value < 1) {
    throw validationError(`${source} failed validation: ${path} should be ≥ \`1\`, instead was \`${value}\`.`);
  }
  return value;
}

// Cursors are opaque to clients: base64url of a small tagged offset.
export function encodeCursor(offset: number): string {
  return Buffer.from(`nemu:${offset}`).toString('base64url');
}

function decodeCursor(source: Source, raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  const text = typeof raw === 'string' ? Buffer.from(raw, 'base64url').toString('utf8') : '';
  const match = /^nemu:(\d+)$/.exec(text);
  if (!match?.[1]) {
    throw validationError(`${source} failed validation: ${source}.start_cursor should be a valid cursor, instead was \`${String(raw)}\`.`);
  }
  return Number(match[1]);
}

export interface ListSlice<T> {
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
}

export function sliceList<T>(items: readonly T[], request: PageRequest): ListSlice<T> {
  const results = items.slice(request.offset, request.offset + request.pageSize);
  const end = request.offset + results.length;
  const hasMore = end < items.length;
  return { results, next_cursor: hasMore ? encodeCursor(end) : null, has_more: hasMore };
}

/** `{object:"list", results, next_cursor, has_more, type, <type>:{}}` */
export function listEnvelope<T>(type: string, slice: ListSlice<T>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'list',
    results: slice.results,
    next_cursor: slice.next_cursor,
    has_more: slice.has_more,
    type,
    [type]: {},
    ...extra,
  };
}
