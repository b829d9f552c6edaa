import type { RenderContext } from '../context';
import { bodyValidationError, validationError } from '../errors';
import type { FixtureDataSource, FixturePage, RichTextItem } from '../fixture-types';
import { expectArray, expectRecord, isRecord } from '../input/common';
import { plainText } from '../render/common';
import type { PropertyEntry } from '../render/properties';
import { rawPropertyValue } from '../render/properties';

export type RowPredicate = (page: FixturePage) => boolean;
type Operand = Record<string, unknown>;

const DAY_MS = 86_400_000;

function findEntry(dataSource: FixtureDataSource, key: unknown): PropertyEntry {
  if (typeof key !== 'string') throw bodyValidationError('body.filter.property should be a string.');
  const byName = dataSource.properties[key];
  if (byName) return { name: key, schema: byName };
  const found = Object.entries(dataSource.properties).find(([, prop]) => prop.id === key || safeDecode(prop.id) === key);
  if (!found) throw validationError(`Could not find property with name or id: ${key}`);
  return { name: found[0], schema: found[1] };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const RELATIVE_DAYS: Record<string, number> = {
  today: 0, tomorrow: 1, yesterday: -1, one_week_ago: -7, one_week_from_now: 7, one_month_ago: -30, one_month_from_now: 30,
};

function resolveOperandDate(value: unknown, nowMs: number): string {
  if (typeof value !== 'string') throw bodyValidationError('date filter values should be ISO 8601 strings.');
  const days = RELATIVE_DAYS[value];
  return days === undefined ? value : new Date(nowMs + days * DAY_MS).toISOString().slice(0, 10);
}

/** Date filters; a date-only operand compares whole UTC days, a datetime compares instants. */
function matchDate(target: string | null, op: Operand, nowMs: number): boolean {
  if ('is_empty' in op) return target === null;
  if ('is_not_empty' in op) return target !== null;
  if (target === null) return false;
  const targetMs = Date.parse(target);
  const relative: Record<string, [number, number]> = {
    past_week: [nowMs - 7 * DAY_MS, nowMs],
    past_month: [nowMs - 30 * DAY_MS, nowMs],
    past_year: [nowMs - 365 * DAY_MS, nowMs],
    next_week: [nowMs, nowMs + 7 * DAY_MS],
    next_month: [nowMs, nowMs + 30 * DAY_MS],
    next_year: [nowMs, nowMs + 365 * DAY_MS],
    this_week: [nowMs - new Date(nowMs).getUTCDay() * DAY_MS, nowMs + (7 - new Date(nowMs).getUTCDay()) * DAY_MS],
  };
  for (const [name, [from, to]] of Object.entries(relative)) if (name in op) return targetMs >= from && targetMs <= to;
  const [name, raw] = Object.entries(op)[0] ?? [];
  const operand = resolveOperandDate(raw, nowMs);
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(operand);
  const a = dayOnly ? new Date(targetMs).toISOString().slice(0, 10) : targetMs;
  const b = dayOnly ? operand : Date.parse(operand);
  switch (name) {
    case 'equals':
      return a === b;
    case 'before':
      return a < b;
    case 'after':
      return a > b;
    case 'on_or_before':
      return a <= b;
    case 'on_or_after':
      return a >= b;
    default:
      throw bodyValidationError(`Unsupported date filter condition \`${String(name)}\`.`);
  }
}

function matchText(target: string | null, op: Operand): boolean {
  const text = target ?? '';
  if ('is_empty' in op) return text === '';
  if ('is_not_empty' in op) return text !== '';
  const [name, value] = Object.entries(op)[0] ?? [];
  const operand = String(value ?? '').toLowerCase();
  const lower = text.toLowerCase();
  switch (name) {
    case 'equals':
      return text === String(value);
    case 'does_not_equal':
      return text !== String(value);
    case 'contains':
      return lower.includes(operand);
    case 'does_not_contain':
      return !lower.includes(operand);
    case 'starts_with':
      return lower.startsWith(operand);
    case 'ends_with':
      return lower.endsWith(operand);
    default:
      throw bodyValidationError(`Unsupported text filter condition \`${String(name)}\`.`);
  }
}

function matchNumber(target: number | null, op: Operand): boolean {
  if ('is_empty' in op) return target === null;
  if ('is_not_empty' in op) return target !== null;
  const [name, value] = Object.entries(op)[0] ?? [];
  if (target === null || typeof value !== 'number') return false;
  const results: Record<string, boolean> = {
    equals: target === value,
    does_not_equal: target !== value,
    greater_than: target > value,
    less_than: target < value,
    greater_than_or_equal_to: target >= value,
    less_than_or_equal_to: target <= value,
  };
  const result = results[String(name)];
  if (result === undefined) throw bodyValidationError(`Unsupported number filter condition \`${String(name)}\`.`);
  return result;
}

function matchSet(values: string[], op: Operand, single: boolean): boolean {
  if ('is_empty' in op) return values.length === 0;
  if ('is_not_empty' in op) return values.length > 0;
  const [name, raw] = Object.entries(op)[0] ?? [];
  const wanted = (Array.isArray(raw) ? raw : [raw]).map(String);
  const hit = wanted.some((value) => values.includes(value));
  if (name === 'equals' || name === 'contains') return hit;
  if (name === 'does_not_equal' || name === 'does_not_contain') return !hit;
  throw bodyValidationError(`Unsupported ${single ? 'select' : 'multi_select'} filter condition \`${String(name)}\`.`);
}

function idsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => String((item as { id?: unknown }).id));
  if (isRecord(value) && typeof value['id'] === 'string') return [value['id']];
  return [];
}

function matchProperty(page: FixturePage, entry: PropertyEntry, condition: Operand, ctx: RenderContext, userId: string): boolean {
  const value = rawPropertyValue(page, entry, ctx);
  const nowMs = ctx.env.clock.nowMs();
  switch (entry.schema.type) {
    case 'title':
    case 'rich_text':
      return matchText(plainText(value as RichTextItem[]), condition);
    case 'url':
    case 'email':
    case 'phone_number':
      return matchText(value as string | null, condition);
    case 'number':
      return matchNumber(value as number | null, condition);
    case 'unique_id':
      return matchNumber((value as { number: number | null }).number, condition);
    case 'checkbox': {
      const [name, operand] = Object.entries(condition)[0] ?? [];
      return name === 'equals' ? value === operand : value !== operand;
    }
    case 'select':
    case 'status':
      return matchSet(value ? [String((value as { name: string }).name)] : [], condition, true);
    case 'multi_select':
      return matchSet((value as { name: string }[]).map((option) => option.name), condition, false);
    case 'date':
      return matchDate((value as { start: string } | null)?.start ?? null, condition, nowMs);
    case 'created_time':
    case 'last_edited_time':
      return matchDate(value as string, condition, nowMs);
    case 'people':
    case 'relation':
    case 'created_by':
    case 'last_edited_by': {
      const mapped = Object.fromEntries(Object.entries(condition).map(([k, v]) => [k, v === 'me' ? userId : v]));
      return matchSet(idsOf(value), mapped, false);
    }
    case 'files':
      return 'is_empty' in condition ? (value as unknown[]).length === 0 : (value as unknown[]).length > 0;
    case 'formula': {
      const formula = value as { type: string; [key: string]: unknown };
      const [kind, sub] = Object.entries(condition)[0] ?? [];
      const inner = formula[formula.type];
      const op = expectRecord(sub, 'body.filter.formula');
      if (kind === 'string') return matchText(inner as string | null, op);
      if (kind === 'number') return matchNumber(inner as number | null, op);
      if (kind === 'checkbox') return matchProperty(page, { name: entry.name, schema: { ...entry.schema, type: 'checkbox' } }, op, ctx, userId);
      return matchDate((inner as { start?: string } | null)?.start ?? null, op, nowMs);
    }
    default:
      throw validationError(`Filtering on ${entry.schema.type} properties is not supported by the Notion emulator.`);
  }
}

/** Compiles a data-source query filter (compound and/or, property and timestamp filters). */
export function compileFilter(raw: unknown, dataSource: FixtureDataSource, ctx: RenderContext): RowPredicate {
  if (raw === undefined) return () => true;
  const filter = expectRecord(raw, 'body.filter');
  if ('and' in filter || 'or' in filter) {
    const isAnd = 'and' in filter;
    const parts = expectArray(filter[isAnd ? 'and' : 'or'], `body.filter.${isAnd ? 'and' : 'or'}`).map((part) => compileFilter(part, dataSource, ctx));
    return isAnd ? (page) => parts.every((part) => part(page)) : (page) => parts.some((part) => part(page));
  }
  const timestamp = filter['timestamp'];
  if (timestamp === 'created_time' || timestamp === 'last_edited_time') {
    const condition = expectRecord(filter[timestamp], `body.filter.${timestamp}`);
    const nowMs = ctx.env.clock.nowMs();
    return (page) => matchDate(timestamp === 'created_time' ? page.createdTime : page.lastEditedTime, condition, nowMs);
  }
  const entry = findEntry(dataSource, filter['property']);
  const conditionKey = Object.keys(filter).find((key) => key !== 'property' && key !== 'type');
  if (!conditionKey) throw bodyValidationError('body.filter should contain a condition.');
  const condition = expectRecord(filter[conditionKey], `body.filter.${conditionKey}`);
  return (page) => matchProperty(page, entry, condition, ctx, ctx.token.userId);
}

function sortKey(page: FixturePage, entry: PropertyEntry, ctx: RenderContext): string | number | null {
  const value = rawPropertyValue(page, entry, ctx);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) {
    if (entry.schema.type === 'title' || entry.schema.type === 'rich_text') return plainText(value as RichTextItem[]).toLowerCase() || null;
    const first = value[0] as { name?: string; id?: string } | undefined;
    return first ? String(first.name ?? first.id) : null;
  }
  const record = value as Record<string, unknown>;
  return (record['start'] ?? record['name'] ?? record['number'] ?? null) as string | number | null;
}

/** Compiles `sorts`; empty values sort last; ties keep the data source's row order. */
export function compileSorts(raw: unknown, dataSource: FixtureDataSource, ctx: RenderContext): ((a: FixturePage, b: FixturePage) => number) | null {
  if (raw === undefined) return null;
  const sorts = expectArray(raw, 'body.sorts').map((item, index) => {
    const sort = expectRecord(item, `body.sorts[${index}]`);
    const sign = sort['direction'] === 'descending' ? -1 : 1;
    if (sort['timestamp'] === 'created_time' || sort['timestamp'] === 'last_edited_time') {
      const field = sort['timestamp'] === 'created_time' ? 'createdTime' : 'lastEditedTime';
      return (a: FixturePage, b: FixturePage): number => sign * a[field].localeCompare(b[field]);
    }
    const entry = findEntry(dataSource, sort['property']);
    return (a: FixturePage, b: FixturePage): number => {
      const ka = sortKey(a, entry, ctx);
      const kb = sortKey(b, entry, ctx);
      if (ka === kb) return 0;
      if (ka === null) return 1;
      if (kb === null) return -1;
      return sign * (ka < kb ? -1 : 1);
    };
  });
  return (a, b) => {
    for (const compare of sorts) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}
