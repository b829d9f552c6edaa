import { isRecord } from './json-values';

/**
 * Deterministic JSON for snapshot files: sorted keys (as Go's json.Marshal, which the official
 * connector uses), volatile fields removed, so an unchanged object produces identical bytes.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A Notion-hosted file anywhere in a payload: `{type:"file", file:{url, expiry_time}}`, or the same
 * `file` member without `type` (comment attachments).
 */
function isHostedFile(value: Record<string, unknown>): value is Record<string, unknown> & { file: Record<string, unknown> & { url: string } } {
  const file = value.file;
  if (!isRecord(file) || typeof file.url !== 'string') return false;
  return value.type === 'file' || 'expiry_time' in file;
}

/** The stable identity of a signed file URL: the URL without its query string and fragment. */
export function stableFileUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString();
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/**
 * Returns a copy with `request_id` removed and signed file URLs replaced by their stable form.
 * Key order is not changed here; stableStringify sorts keys when writing.
 */
export function normaliseNotionObject<T>(value: T): T {
  // The same shape with some values replaced: what the caller gave is what it gets back.
  return normaliseValue(value) as T;
}

function normaliseValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'request_id') continue;
    result[key] = normaliseValue(child);
  }
  if (isHostedFile(value)) {
    const file = result.file;
    result.file = { ...(isRecord(file) ? file : {}), url: stableFileUrl(value.file.url), expiry_time: null };
  }
  return result;
}

/** JSON with object keys sorted at every level; `lastKeys` are moved to the end of the top object. */
export function stableStringify(value: unknown, lastKeys: readonly string[] = []): string {
  return `${JSON.stringify(sortKeys(value, lastKeys))}\n`;
}

function sortKeys(value: unknown, lastKeys: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined && !lastKeys.includes(key))
    .sort();
  const result: Record<string, unknown> = {};
  for (const key of keys) result[key] = sortKeys(value[key]);
  for (const key of lastKeys) if (value[key] !== undefined) result[key] = sortKeys(value[key]);
  return result;
}
