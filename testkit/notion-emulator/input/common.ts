import type { RenderContext } from '../context';
import { bodyValidationError, shouldBeDefined } from '../errors';
import { normalizeId } from '../ids';

/** What request parsers need: the render context plus the acting user and "now" (minute-rounded). */
export interface InputContext extends RenderContext {
  userId: string;
  nowMinute: string;
  /** side effects (e.g. marking uploads attached) applied only once the whole request validated */
  pendingEffects: (() => void)[];
  /** file uploads this request attaches (each may be attached once) */
  claimedUploads?: Set<string>;
}

export function commitEffects(ctx: InputContext): void {
  for (const effect of ctx.pendingEffects.splice(0)) effect();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectRecord(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined) throw shouldBeDefined(path);
  if (!isRecord(value)) throw bodyValidationError(`${path} should be an object, instead was \`${JSON.stringify(value)}\`.`);
  return value;
}

export function expectArray(value: unknown, path: string): unknown[] {
  if (value === undefined) throw shouldBeDefined(path);
  if (!Array.isArray(value)) throw bodyValidationError(`${path} should be an array, instead was \`${JSON.stringify(value)}\`.`);
  return value;
}

export function expectString(value: unknown, path: string): string {
  if (value === undefined) throw shouldBeDefined(path);
  if (typeof value !== 'string') throw bodyValidationError(`${path} should be a string, instead was \`${JSON.stringify(value)}\`.`);
  return value;
}

export function expectId(value: unknown, path: string): string {
  const raw = expectString(value, path);
  const id = normalizeId(raw);
  if (!id) throw bodyValidationError(`${path} should be a valid uuid, instead was \`"${raw}"\`.`);
  return id;
}

/** The object's variant key: explicit `type`, else the single known key present. */
export function variantOf(value: Record<string, unknown>, known: readonly string[]): string | undefined {
  if (typeof value['type'] === 'string') return value['type'];
  return known.find((key) => key in value);
}

export const MAX_URL_LENGTH = 2000;

/** An optional boolean field: absent is `false`, anything but a boolean is refused. */
export function expectFlag(value: unknown, path: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw bodyValidationError(`${path} should be a boolean, instead was \`${JSON.stringify(value)}\`.`);
  return value;
}

/** Bookmark, embed and external file URLs: absolute http(s) URLs of at most 2000 characters. */
export function expectWebUrl(value: unknown, path: string): string {
  const url = expectString(value, path);
  if (url.length > MAX_URL_LENGTH) throw bodyValidationError(`${path}.length should be ≤ \`${MAX_URL_LENGTH}\`, instead was \`${url.length}\`.`);
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // refused below
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw bodyValidationError(`${path} should be an absolute http(s) URL, instead was \`${url.slice(0, 100)}\`.`);
  return url;
}
