/** Small helpers shared by the converters (stored JSON is untyped: everything is checked on the way). */

export type { JsonRecord } from '../../snapshot/json-values';
export { arrayOf, isRecord, recordOf, stringOf } from '../../snapshot/json-values';

/** Notion's limits on request values (shared/reference/notion-api.md §2.2). */
export const LIMITS = {
  textContent: 2000,
  url: 2000,
  equation: 1000,
  richTextItems: 100,
  arrayValues: 100,
  emailOrPhone: 200,
  commentAttachments: 3,
} as const;

export function compactId(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

/** A 32-hex id in Notion's dashed form; other strings are returned unchanged. */
export function dashedId(id: string): string {
  const hex = compactId(id);
  if (!/^[0-9a-f]{32}$/.test(hex)) return id;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function notionUrlFor(id: string): string {
  return `https://www.notion.so/${compactId(id)}`;
}

/** Decodes percent-escapes until stable (property ids may be encoded once or twice). */
export function fullyDecoded(value: string): string {
  let current = value;
  for (let round = 0; round < 3; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** The last path segment of a URL, decoded, without its query: a readable file name. */
export function fileNameFromUrl(url: string): string | undefined {
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).pop();
    return segment ? fullyDecoded(segment) : undefined;
  } catch {
    return undefined;
  }
}
