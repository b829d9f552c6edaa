const HEX32 = /^[0-9a-f]{32}$/i;
const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function dashId(hex32: string): string {
  const hex = hex32.toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A Notion page or database id from what users paste: 32 hex characters, a dashed UUID, or a Notion
 * URL (`https://www.notion.so/Title-<id>`, `…/workspace/<id>?v=…`). Returns the dashed lowercase
 * form the API uses, or undefined.
 */
export function parseNotionId(input: string): string | undefined {
  const value = input.trim();
  if (DASHED.test(value)) return value.toLowerCase();
  if (HEX32.test(value)) return dashId(value);
  const url = URL.parse(value);
  if (!url) return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!/(^|\.)notion\.(so|site|com)$/.test(url.hostname)) return undefined;
  // The page id is the last 32 hex characters of the path; a `p` query names a peeked page.
  const peek = url.searchParams.get('p');
  if (peek && HEX32.test(peek)) return dashId(peek);
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  const match = /([0-9a-f]{32})$/i.exec(last.replace(/-/g, '')) ?? /([0-9a-f]{32})$/i.exec(last);
  return match?.[1] ? dashId(match[1]) : undefined;
}

/** True for an id as the API and our snapshots write it: a dashed UUID (never a path). */
export function isNotionId(value: unknown): value is string {
  return typeof value === 'string' && DASHED.test(value);
}
