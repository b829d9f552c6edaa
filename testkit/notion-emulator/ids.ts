import { createHash } from 'node:crypto';

/** Small deterministic PRNG (mulberry32) so ids and fault choices repeat for a given seed. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += this.int(16).toString(16);
    return out;
  }

  /** A version-4-shaped dashed uuid. */
  uuid(): string {
    return formatUuid(`${this.hex(12)}4${this.hex(3)}${'89ab'[this.int(4)]}${this.hex(15)}`);
  }
}

const UUID_DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_COMPACT = /^[0-9a-f]{32}$/i;

export function formatUuid(compact: string): string {
  const c = compact.toLowerCase();
  return `${c.slice(0, 8)}-${c.slice(8, 12)}-${c.slice(12, 16)}-${c.slice(16, 20)}-${c.slice(20, 32)}`;
}

/** Accepts dashed or compact ids (as Notion does); returns the dashed lowercase form or null. */
export function normalizeId(raw: string): string | null {
  if (UUID_DASHED.test(raw)) return raw.toLowerCase();
  if (UUID_COMPACT.test(raw)) return formatUuid(raw);
  return null;
}

export function compactId(id: string): string {
  return id.replace(/-/g, '');
}

/** Deterministic uuid derived from a label, for hand-written fixtures. */
export function stableId(label: string): string {
  const hex = createHash('sha1').update(label).digest('hex');
  return formatUuid(`${hex.slice(0, 12)}4${hex.slice(13, 16)}a${hex.slice(17, 32)}`);
}

const PROPERTY_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:;<=>?@[]^_`{|}~';

/** Short property ids like Notion's `%3AUPp` (URL-encoded, stable across renames). */
export function propertyIdFromSeed(seed: string): string {
  const hex = createHash('sha1').update(seed).digest();
  let raw = '';
  for (let i = 0; i < 4; i += 1) raw += PROPERTY_ID_CHARS[(hex[i] ?? 0) % PROPERTY_ID_CHARS.length];
  return encodeURIComponent(raw);
}
