/**
 * Redaction for everything written to disk or printed about a job: log lines, job history, error
 * reports. Pure (no Node APIs), so the app, the CLI and tests share one implementation.
 *
 * Two rules, applied at any depth (objects, arrays, Error objects, Maps):
 * - a value whose KEY names a secret (case-insensitive: token, secret, passphrase, password,
 *   authorization, cookie, api key, credential — also inside longer names like `notionToken` or
 *   `PLAKAR_PASSPHRASE`) is replaced whole;
 * - every STRING is searched for secrets by shape (Notion tokens `ntn_…` and `secret_…`, `Bearer …`,
 *   `NAME=value` where NAME names a secret, passwords in URLs), wherever it appears, including error
 *   messages and stack traces.
 */

export const REDACTED = '[redacted]';

const SECRET_KEY = /token|secret|passphrase|password|passwd|authori[sz]ation|cookie|api[-_]?key|credential|private[-_]?key/i;

/** Key names that contain a secret word but never hold one (counts, flags). */
const HARMLESS_KEYS = new Set(['tokens', 'tokenstatus', 'hastoken', 'tokenvalid', 'passphraseset', 'haspassphrase']);

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !HARMLESS_KEYS.has(key.toLowerCase());
}

const NAME = String.raw`[A-Za-z0-9_.-]*(?:token|secret|passphrase|password|passwd|authori[sz]ation|cookie|api[-_]?key|credential)[A-Za-z0-9_.-]*`;

const STRING_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Authorization header values ("Bearer …", any case).
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/gi, `$1 ${REDACTED}`],
  // Notion integration secrets and personal access tokens (current and legacy forms).
  [/\bntn_[A-Za-z0-9_-]{6,}/g, REDACTED],
  [/\bsecret_[A-Za-z0-9_-]{6,}/g, REDACTED],
  // NAME=value and "name": "value" where NAME names a secret (environment dumps, JSON in messages).
  [new RegExp(String.raw`\b(${NAME})(\s*=\s*)("[^"]*"|'[^']*'|[^\s"',;&]+)`, 'gi'), `$1$2${REDACTED}`],
  [new RegExp(String.raw`("${NAME}"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'), `$1"${REDACTED}"`],
  // user:password@ in URLs (sftp://, s3://, https://).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+):[^\s/@]+@/gi, `$1:${REDACTED}@`],
];

export interface RedactOptions {
  /** Exact values known to be secret (the job's token and passphrase): replaced wherever they appear. */
  secrets?: ReadonlyArray<string | undefined>;
}

/** Redacts secrets inside one string (patterns, then known secret values). */
export function redactString(text: string, options: RedactOptions = {}): string {
  let result = text;
  for (const secret of options.secrets ?? []) {
    // Very short values would redact ordinary words; they are not secrets worth the name anyway.
    if (secret && secret.length >= 6) result = result.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of STRING_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/**
 * A redacted deep copy of `value`, safe to serialise. Errors become plain objects keeping their
 * name, message, stack, cause and own properties (all redacted). Cycles become "[circular]".
 */
export function redact<T>(value: T, options: RedactOptions = {}): T {
  return redactValue(value, options, new WeakSet()) as T;
}

function redactValue(value: unknown, options: RedactOptions, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactString(value, options);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, options, seen));
    if (value instanceof Date) return value;
    if (value instanceof Map) {
      return Object.fromEntries([...value.entries()].map(([key, item]) => [String(key), redactEntry(String(key), item, options, seen)]));
    }
    if (value instanceof Error) return redactError(value, options, seen);
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redactEntry(key, item, options, seen);
    return copy;
  } finally {
    seen.delete(value);
  }
}

function redactEntry(key: string, value: unknown, options: RedactOptions, seen: WeakSet<object>): unknown {
  if (isSecretKey(key) && value !== null && value !== undefined && typeof value !== 'boolean' && typeof value !== 'number') {
    return REDACTED;
  }
  return redactValue(value, options, seen);
}

function redactError(error: Error, options: RedactOptions, seen: WeakSet<object>): Record<string, unknown> {
  const plain: Record<string, unknown> = { type: error.name, message: redactString(error.message, options) };
  if (error.stack) plain.stack = redactString(error.stack, options);
  for (const [key, item] of Object.entries(error)) plain[key] = redactEntry(key, item, options, seen);
  if (error.cause !== undefined) plain.cause = redactValue(error.cause, options, seen);
  return plain;
}
