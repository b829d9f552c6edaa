// Reading JSON that no type describes (a stored payload beyond the envelope the format checks, a
// value the API leaves open): every field is checked on the way, nothing is assumed.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordOf(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The plain text of a rich-text array (`plain_text` of each item); '' for anything else. */
export function plainTextOf(items: unknown): string {
  return arrayOf(items)
    .map((item) => stringOf(recordOf(item).plain_text) ?? '')
    .join('');
}
