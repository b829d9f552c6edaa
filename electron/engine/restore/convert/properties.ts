import type { FullPropertyValue } from '../../snapshot/format';
import { arrayOf, fileNameFromUrl, LIMITS, recordOf, stringOf } from './common';
import type { JsonRecord } from './common';
import { convertRichText, fitRichText } from './rich-text';
import type { ConvertContext, PropertyRequest, RichTextItemRequest } from './types';

/** Computed or app-managed values: Notion refuses them in a request. */
export const READ_ONLY_PROPERTY_TYPES = new Set([
  'formula', 'rollup', 'created_time', 'created_by', 'last_edited_time', 'last_edited_by', 'unique_id', 'button', 'verification',
]);

/** A stored full value (properties.json); its results are read item by item, like every stored value. */
type FullValue = Pick<FullPropertyValue, 'name' | 'type'> & { results: readonly unknown[] };

export interface PagePropertiesOptions {
  /** full values of properties the page object truncated at 25 references (properties.json), keyed by property id */
  fullValues?: Record<string, FullValue>;
  /** the page's id in the snapshot (file references, loss records) */
  pageId: string;
  /** false for a page whose parent is a page: only its title is sent (default true) */
  isRow?: boolean;
}

export interface ConvertedPageProperties {
  properties: Record<string, PropertyRequest>;
  /** relation values (old page ids) to set once every row exists, ≤ 100 ids per request */
  deferredRelations: Array<{ property: string; oldIds: string[] }>;
}

type StoredValue = { id?: string; type: string; [key: string]: unknown };
type FilesValue = Extract<PropertyRequest, { files: unknown }>['files'];
type PlaceValue = NonNullable<Extract<PropertyRequest, { place: unknown }>['place']>;
type DateValue = NonNullable<Extract<PropertyRequest, { date: unknown }>['date']>;

interface Scope {
  ctx: ConvertContext;
  pageId: string;
  name: string;
  value: StoredValue;
  full: readonly unknown[] | undefined;
}

/**
 * Stored page property values → pages.create values for the target data source. `schema` is the
 * target's property map (name → type): values whose property is missing or of another type are left
 * out. Relations are returned separately, read-only values dropped with a loss.
 */
export function convertPageProperties(
  properties: Record<string, StoredValue>,
  schema: Record<string, { type: string }>,
  ctx: ConvertContext,
  opts: PagePropertiesOptions,
): ConvertedPageProperties {
  const result: ConvertedPageProperties = { properties: {}, deferredRelations: [] };
  const isRow = opts.isRow ?? true;
  const titleName = Object.keys(schema).find((name) => schema[name]?.type === 'title');
  for (const [name, value] of Object.entries(properties)) {
    if (!value || typeof value.type !== 'string') continue;
    if (!isRow && value.type !== 'title') continue;
    if (READ_ONLY_PROPERTY_TYPES.has(value.type)) {
      ctx.recordLoss({ kind: 'read-only-property', objectId: opts.pageId, detail: `"${name}" (${value.type}) is computed by Notion and cannot be restored` });
      continue;
    }
    const target = value.type === 'title' && schema[name]?.type !== 'title' ? titleName : name;
    const full = fullResults(opts.fullValues, name, value);
    const scope: Scope = { ctx, pageId: opts.pageId, name, value, full };
    if (!target || schema[target]?.type !== value.type) {
      if (!isEmpty(value)) {
        ctx.recordLoss({ kind: 'other', objectId: opts.pageId, detail: `"${name}" has no ${value.type} property in the restored database; its value was left out` });
      }
      continue;
    }
    if (value.type === 'relation') {
      const oldIds = relationIds(scope);
      if (value.has_more === true && !full) {
        ctx.recordLoss({ kind: 'other', objectId: opts.pageId, detail: `"${name}" keeps the ${oldIds.length} related pages the backup listed (it had more)` });
      }
      if (oldIds.length > 0) result.deferredRelations.push({ property: target, oldIds });
      continue;
    }
    const converted = convertValue(scope);
    if (converted) result.properties[target] = converted;
  }
  return result;
}

function fullResults(fullValues: Record<string, FullValue> | undefined, name: string, value: StoredValue): readonly unknown[] | undefined {
  if (!fullValues) return undefined;
  const byId = value.id ? fullValues[value.id] : undefined;
  const found = byId ?? Object.values(fullValues).find((candidate) => candidate.name === name);
  return found && Array.isArray(found.results) ? found.results : undefined;
}

/** Items of a list value: the full list from properties.json when stored, else the (capped) page value. */
function listOf(scope: Scope, type: string): unknown[] {
  if (scope.full) return scope.full.map((item) => recordOf(item)[type]);
  return arrayOf(scope.value[type]);
}

function isEmpty(value: StoredValue): boolean {
  const content = value[value.type];
  return content === null || content === undefined || content === false || (Array.isArray(content) && content.length === 0);
}

function relationIds(scope: Scope): string[] {
  return listOf(scope, 'relation')
    .map((item) => stringOf(recordOf(item).id))
    .filter((id): id is string => id !== undefined);
}

function convertValue(scope: Scope): PropertyRequest | undefined {
  const { value } = scope;
  const content = value[value.type];
  switch (value.type) {
    case 'title':
    case 'rich_text': {
      const items = richText(scope);
      if (items.length === 0) return undefined;
      return value.type === 'title' ? { type: 'title', title: items } : { type: 'rich_text', rich_text: items };
    }
    case 'number':
      return typeof content === 'number' ? { type: 'number', number: content } : undefined;
    case 'checkbox':
      return content === true ? { type: 'checkbox', checkbox: true } : undefined;
    case 'select':
    case 'status': {
      const name = stringOf(recordOf(content).name);
      if (!name) return undefined;
      return value.type === 'select' ? { type: 'select', select: { name } } : { type: 'status', status: { name } };
    }
    case 'multi_select': {
      const names = arrayOf(content).map((option) => stringOf(recordOf(option).name)).filter((name): name is string => !!name);
      return names.length > 0 ? { type: 'multi_select', multi_select: capped(scope, names, 'options').map((name) => ({ name })) } : undefined;
    }
    case 'date': {
      const date = dateOf(content);
      return date ? { type: 'date', date } : undefined;
    }
    case 'url':
    case 'email':
    case 'phone_number':
      return stringValue(scope, value.type, content);
    case 'people':
      return people(scope);
    case 'files':
      return files(scope);
    case 'place': {
      const place = placeOf(content);
      return place ? { type: 'place', place } : undefined;
    }
    default:
      if (!isEmpty(value)) {
        scope.ctx.recordLoss({ kind: 'other', objectId: scope.pageId, detail: `"${scope.name}" (${value.type}) cannot be set through the API` });
      }
      return undefined;
  }
}

function richText(scope: Scope): RichTextItemRequest[] {
  const items = convertRichText(listOf(scope, scope.value.type), scope.ctx, scope.pageId);
  return fitRichText(items, scope.ctx, scope.pageId, `"${scope.name}"`);
}

function capped<T>(scope: Scope, items: T[], what: string): T[] {
  if (items.length <= LIMITS.arrayValues) return items;
  scope.ctx.recordLoss({ kind: 'other', objectId: scope.pageId, detail: `"${scope.name}" kept its first ${LIMITS.arrayValues} of ${items.length} ${what}` });
  return items.slice(0, LIMITS.arrayValues);
}

function dateOf(content: unknown): DateValue | undefined {
  const date = recordOf(content);
  const start = stringOf(date.start);
  return start ? { start, end: stringOf(date.end) ?? null, time_zone: (stringOf(date.time_zone) ?? null) as DateValue['time_zone'] } : undefined;
}

function stringValue(scope: Scope, type: 'url' | 'email' | 'phone_number', content: unknown): PropertyRequest | undefined {
  const text = stringOf(content);
  if (!text) return undefined;
  const max = type === 'url' ? LIMITS.url : LIMITS.emailOrPhone;
  if (text.length > max) {
    scope.ctx.recordLoss({ kind: 'text-truncated', objectId: scope.pageId, detail: `"${scope.name}" is longer than ${max} characters and was left out` });
    return undefined;
  }
  if (type === 'url') return { type, url: text };
  return type === 'email' ? { type, email: text } : { type, phone_number: text };
}

function people(scope: Scope): PropertyRequest | undefined {
  const mapped: string[] = [];
  const unmapped: string[] = [];
  for (const person of listOf(scope, 'people').map(recordOf)) {
    const oldId = stringOf(person.id);
    if (!oldId) continue;
    const newId = scope.ctx.userFor(oldId);
    if (newId) mapped.push(newId);
    else unmapped.push(stringOf(person.name) ?? oldId);
  }
  if (unmapped.length > 0) {
    scope.ctx.recordLoss({
      kind: 'user-not-mapped',
      objectId: scope.pageId,
      detail: `"${scope.name}" left out ${unmapped.length} people with no matching user in the target workspace: ${unmapped.join(', ')}`,
    });
  }
  const unique = [...new Set(mapped)];
  return unique.length > 0 ? { type: 'people', people: capped(scope, unique, 'people').map((id) => ({ id })) } : undefined;
}

function files(scope: Scope): PropertyRequest | undefined {
  const out: FilesValue = [];
  arrayOf(scope.value.files).forEach((raw, index) => {
    const file: JsonRecord = recordOf(raw);
    const kind = stringOf(file.type) ?? (file.external ? 'external' : 'file');
    const url = stringOf(recordOf(file[kind]).url);
    const name = stringOf(file.name) || (url ? fileNameFromUrl(url) : undefined) || 'file';
    if (kind === 'external' && url && url.length <= LIMITS.url) {
      out.push({ name, type: 'external', external: { url } });
      return;
    }
    const uploadId = kind === 'file_upload' ? stringOf(recordOf(file.file_upload).id) : scope.ctx.uploadFor(`property:${scope.pageId}:${scope.value.id ?? ''}:${index}`);
    if (uploadId) out.push({ name, type: 'file_upload', file_upload: { id: uploadId } });
    else scope.ctx.recordLoss({ kind: 'file-not-available', objectId: scope.pageId, detail: `the file "${name}" of "${scope.name}" was not available` });
  });
  return out.length > 0 ? { type: 'files', files: capped(scope, out, 'files') } : undefined;
}

function placeOf(content: unknown): PlaceValue | undefined {
  const place = recordOf(content);
  if (typeof place.lat !== 'number' || typeof place.lon !== 'number') return undefined;
  const out: PlaceValue = { lat: place.lat, lon: place.lon };
  for (const key of ['name', 'address', 'aws_place_id', 'google_place_id'] as const) {
    const text = stringOf(place[key]);
    if (text) out[key] = text;
  }
  return out;
}
