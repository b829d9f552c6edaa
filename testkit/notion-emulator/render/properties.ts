import { roundIsoDownToMinute } from '../clock';
import type { RenderContext } from '../context';
import { validationError } from '../errors';
import type { FixturePage, JsonObject, RichTextItem, SchemaProperty } from '../fixture-types';
import { atLeast } from '../types';
import { partialUser, withSignedFiles } from './common';
import { renderUser } from './users';

/** pages.retrieve and query results return at most this many references per property. */
export const REFERENCE_CAP = 25;

export const TITLE_SCHEMA: SchemaProperty = { id: 'title', type: 'title', config: {} };

export interface PropertyEntry {
  name: string;
  schema: SchemaProperty;
}

/** The properties a page has: its data source schema, or just `title` for a regular page. */
export function propertyEntries(page: FixturePage, ctx: Pick<RenderContext, 'store'>): PropertyEntry[] {
  if (page.parent.type !== 'data_source_id') {
    const name = Object.keys(page.properties).find((key) => page.properties[key]?.type === 'title') ?? 'title';
    return [{ name, schema: TITLE_SCHEMA }];
  }
  const dataSource = ctx.store.dataSources.get(page.parent.data_source_id);
  return Object.entries(dataSource?.properties ?? {}).map(([name, schema]) => ({ name, schema }));
}

export function findPropertyEntry(page: FixturePage, idOrName: string, ctx: Pick<RenderContext, 'store'>): PropertyEntry | undefined {
  const entries = propertyEntries(page, ctx);
  return (
    entries.find((entry) => entry.schema.id === idOrName || safeDecode(entry.schema.id) === idOrName) ??
    entries.find((entry) => entry.name === idOrName)
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The user as it appears inside people / created_by values: full only with the user-information capability. */
export function userValue(userId: string, ctx: RenderContext): unknown {
  const user = ctx.store.users.get(userId);
  if (!user || ctx.token.capabilities.userInfo === 'none') return partialUser(userId);
  return renderUser(user, ctx, 'reference');
}

const EMPTY_VALUES: Record<string, unknown> = {
  title: [],
  rich_text: [],
  number: null,
  select: null,
  multi_select: [],
  status: null,
  date: null,
  people: [],
  files: [],
  checkbox: false,
  url: null,
  email: null,
  phone_number: null,
  relation: [],
  place: null,
};

/** The uncapped `<type>` value of one property (files still as `{file_id}`). */
export function rawPropertyValue(page: FixturePage, entry: PropertyEntry, ctx: RenderContext, cap?: number): unknown {
  const stored = page.properties[entry.name];
  const storedValue = stored && stored.type === entry.schema.type ? stored[entry.schema.type] : undefined;
  switch (entry.schema.type) {
    case 'created_time':
      return roundIsoDownToMinute(page.createdTime);
    case 'last_edited_time':
      return roundIsoDownToMinute(page.lastEditedTime);
    case 'created_by':
      return userValue(page.createdBy, ctx);
    case 'last_edited_by':
      return userValue(page.lastEditedBy, ctx);
    case 'people':
      return ((storedValue as { id: string }[] | undefined) ?? []).map((ref) => userValue(ref.id, ctx));
    case 'formula':
      return storedValue ?? { type: 'string', string: null };
    case 'button':
      return {};
    case 'unique_id': {
      const prefix = (entry.schema.config['prefix'] as string | null | undefined) ?? null;
      const number = (storedValue as { number?: number } | undefined)?.number ?? null;
      return { prefix, number };
    }
    case 'verification':
      return storedValue ?? { state: 'unverified', date: null, verified_by: null };
    case 'rollup':
      return computeRollup(page, entry.schema, ctx, cap);
    default:
      return storedValue ?? structuredClone(EMPTY_VALUES[entry.schema.type] ?? null);
  }
}

/** Keeps rich text up to (not including) the 26th mention. */
export function capMentions(items: RichTextItem[], cap: number): RichTextItem[] {
  let mentions = 0;
  const out: RichTextItem[] = [];
  for (const item of items) {
    if (item.type === 'mention') {
      mentions += 1;
      if (mentions > cap) break;
    }
    out.push(item);
  }
  return out;
}

function isPropertyId(entry: PropertyEntry, id: string): boolean {
  return entry.schema.id === id || safeDecode(entry.schema.id) === id;
}

/**
 * `filter_properties` of a request, as SDK 5.26 sends them: one `filter_properties=<id>` query parameter
 * per property id (`Client.buildRequestUrl` repeats the key for an array). Names are not ids and are
 * refused like any unknown id (stricter than documented: Notion documents ids, and says nothing of
 * unknown ones). Undefined when none are given.
 */
export function filterPropertyIds(query: URLSearchParams, entries: readonly PropertyEntry[]): Set<string> | undefined {
  const requested = query.getAll('filter_properties');
  if (requested.length === 0) return undefined;
  for (const id of requested) {
    if (!entries.some((entry) => isPropertyId(entry, id))) {
      throw validationError(`query.filter_properties: ${JSON.stringify(id)} is not the id of a property here.`);
    }
  }
  return new Set(requested);
}

/**
 * The properties a page shows in a list (search, data-source query). From API version 2026-12-01 a list
 * shows only the title unless `filter_properties` names others (Upgrade guide 2026-12-01); before, all.
 */
export function listedPropertyIds(page: FixturePage, ctx: RenderContext, requested: Set<string> | undefined): Set<string> | undefined {
  if (requested || !atLeast(ctx.version, '2026-12-01')) return requested;
  const title = propertyEntries(page, ctx).find((entry) => entry.schema.type === 'title');
  return new Set(title ? [title.schema.id] : []);
}

/** `properties` of a page object, with Notion's 25-reference cap applied; `only`: property ids to keep. */
export function renderPageProperties(page: FixturePage, ctx: RenderContext, only?: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of propertyEntries(page, ctx)) {
    if (only && !only.has(entry.schema.id) && !only.has(safeDecode(entry.schema.id))) continue;
    const type = entry.schema.type;
    let value = rawPropertyValue(page, entry, ctx, REFERENCE_CAP);
    const rendered: Record<string, unknown> = { id: entry.schema.id, type };
    if (type === 'relation') {
      const all = value as unknown[];
      value = all.slice(0, REFERENCE_CAP);
      rendered[type] = value;
      rendered['has_more'] = all.length > REFERENCE_CAP;
    } else if (type === 'people') {
      rendered[type] = (value as unknown[]).slice(0, REFERENCE_CAP);
    } else if (type === 'title' || type === 'rich_text') {
      rendered[type] = capMentions(value as RichTextItem[], REFERENCE_CAP);
    } else {
      rendered[type] = value;
    }
    out[entry.name] = withSignedFiles(rendered, ctx);
  }
  return out;
}

function relatedPages(page: FixturePage, schema: SchemaProperty, ctx: RenderContext, cap?: number): { pages: FixturePage[]; targetSchema?: PropertyEntry } {
  const relationId = schema.config['relation_property_id'];
  const rollupId = schema.config['rollup_property_id'];
  const relationEntry = propertyEntries(page, ctx).find((entry) => entry.schema.id === relationId);
  if (!relationEntry) return { pages: [] };
  const ids = ((page.properties[relationEntry.name]?.['relation'] as { id: string }[] | undefined) ?? []).slice(0, cap);
  const pages = ids.map((ref) => ctx.store.pages.get(ref.id)).filter((p): p is FixturePage => p !== undefined && !p.inTrash);
  const targetDataSource = ctx.store.dataSources.get(String((relationEntry.schema.config as JsonObject)['data_source_id']));
  const targetEntry = Object.entries(targetDataSource?.properties ?? {}).find(([, prop]) => prop.id === rollupId);
  return { pages, targetSchema: targetEntry ? { name: targetEntry[0], schema: targetEntry[1] } : undefined };
}

function computeRollup(page: FixturePage, schema: SchemaProperty, ctx: RenderContext, cap?: number): Record<string, unknown> {
  const fn = String(schema.config['function'] ?? 'show_original');
  const { pages, targetSchema } = relatedPages(page, schema, ctx, cap);
  const values = targetSchema ? pages.map((related) => ({ type: targetSchema.schema.type, value: rawPropertyValue(related, targetSchema, ctx, cap) })) : [];
  const isEmpty = (v: { value: unknown }): boolean => v.value === null || v.value === false || (Array.isArray(v.value) && v.value.length === 0);
  const numbers = values.map((v) => v.value).filter((v): v is number => typeof v === 'number');
  const number = (n: number | null): Record<string, unknown> => ({ type: 'number', number: n, function: fn });
  switch (fn) {
    case 'count':
      return number(pages.length);
    case 'count_values':
    case 'not_empty':
      return number(values.filter((v) => !isEmpty(v)).length);
    case 'empty':
      return number(values.filter(isEmpty).length);
    case 'unique':
      return number(new Set(values.map((v) => JSON.stringify(v.value))).size);
    case 'sum':
      return number(numbers.reduce((a, b) => a + b, 0));
    case 'average':
      return number(numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null);
    case 'min':
      return number(numbers.length ? Math.min(...numbers) : null);
    case 'max':
      return number(numbers.length ? Math.max(...numbers) : null);
    case 'checked':
      return number(values.filter((v) => v.value === true).length);
    case 'unchecked':
      return number(values.filter((v) => v.value === false).length);
    default:
      return { type: 'array', array: values.map((v) => ({ type: v.type, [v.type]: v.value })), function: fn };
  }
}
