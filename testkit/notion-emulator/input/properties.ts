import { canSee } from '../auth';
import { bodyValidationError, shouldBeDefined, tooLong, validationError } from '../errors';
import type { FixtureDataSource, FixturePage, JsonObject, SchemaProperty, StoredPropertyValue } from '../fixture-types';
import { propertyIdFromSeed } from '../ids';
import { TITLE_SCHEMA } from '../render/properties';
import type { InputContext } from './common';
import { expectArray, expectId, expectRecord, expectString, MAX_URL_LENGTH } from './common';
import { fileSource } from './files';
import { checkDate, requireUser } from './references';
import { normalizeRichText } from './rich-text';

export const READ_ONLY_PROPERTY_TYPES = new Set([
  'formula', 'rollup', 'created_time', 'created_by', 'last_edited_time', 'last_edited_by', 'unique_id', 'button',
]);
const MAX_ARRAY_VALUES = 100;

interface Target {
  name: string;
  schema: SchemaProperty;
}

function resolveTarget(key: string, dataSource: FixtureDataSource | undefined, page: FixturePage | null): Target {
  if (!dataSource) {
    const titleName = page ? Object.keys(page.properties).find((name) => page.properties[name]?.type === 'title') : undefined;
    if (key === 'title' || key === titleName) return { name: titleName ?? 'title', schema: TITLE_SCHEMA };
    throw validationError(`${key} is not a property that exists.`);
  }
  const byName = dataSource.properties[key];
  if (byName) return { name: key, schema: byName };
  const byId = Object.entries(dataSource.properties).find(([, prop]) => prop.id === key || decodeSafe(prop.id) === key);
  if (byId) return { name: byId[0], schema: byId[1] };
  throw validationError(`${key} is not a property that exists.`);
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function limitedString(value: unknown, path: string, max: number): string | null {
  if (value === null) return null;
  const text = expectString(value, path);
  if (text.length > max) throw tooLong(`${path}.length`, max, text.length);
  return text;
}

function limitedArray(value: unknown, path: string): unknown[] {
  const items = expectArray(value, path);
  if (items.length > MAX_ARRAY_VALUES) throw tooLong(`${path}.length`, MAX_ARRAY_VALUES, items.length);
  return items;
}

type Option = { id: string; name: string; color: string; description?: string | null };

/** Finds a select/multi-select option by id or name; new names create an option (as Notion does) on commit. */
function selectOption(value: unknown, path: string, target: Target, ctx: InputContext, allowCreate: boolean): Option {
  const given = expectRecord(value, path);
  if (typeof given['name'] === 'string' && given['name'].includes(',')) {
    throw validationError(`${path}.name: commas are not valid in ${target.schema.type} option names: ${JSON.stringify(given['name'])}.`);
  }
  const options = ((target.schema.config['options'] as Option[] | undefined) ??= []);
  const found = options.find((option) => option.id === given['id'] || option.name === given['name']);
  if (found) return { id: found.id, name: found.name, color: found.color };
  if (!allowCreate || typeof given['name'] !== 'string') {
    throw validationError(`Invalid ${target.schema.type} option ${JSON.stringify(given['name'] ?? given['id'])} for property ${target.name}.`);
  }
  const created = { id: ctx.env.ids.uuid().slice(0, 8), name: given['name'], color: typeof given['color'] === 'string' ? given['color'] : 'default', description: null };
  ctx.pendingEffects.push(() => {
    if (!options.some((option) => option.name === created.name)) options.push(created);
  });
  return { id: created.id, name: created.name, color: created.color };
}

function dateValue(value: unknown, path: string): JsonObject | null {
  if (value === null) return null;
  const date = expectRecord(value, path);
  checkDate(expectString(date['start'], `${path}.start`), date['end'], date['time_zone'], path);
  return {
    start: expectString(date['start'], `${path}.start`),
    end: typeof date['end'] === 'string' ? date['end'] : null,
    time_zone: typeof date['time_zone'] === 'string' ? date['time_zone'] : null,
  };
}

/** A relation value must be a visible, non-trashed row of the relation's target data source. */
function relatedRow(id: string, target: Target, path: string, ctx: InputContext): void {
  const page = ctx.store.pages.get(id);
  const sourceId = String(target.schema.config['data_source_id']);
  const inTarget = page?.parent.type === 'data_source_id' && page.parent.data_source_id === sourceId;
  if (!page || !inTarget || !canSee(ctx.store, ctx.token, id) || ctx.store.isTrashedInTree(id)) {
    throw validationError(`${path} is not a page of the related data source ${sourceId}: ${id}.`);
  }
}

function placeValue(value: unknown, path: string): JsonObject {
  const place = expectRecord(value, path);
  for (const key of ['lat', 'lon']) {
    const coordinate = place[key];
    const limit = key === 'lat' ? 90 : 180;
    if (typeof coordinate !== 'number' || !Number.isFinite(coordinate) || Math.abs(coordinate) > limit) {
      throw bodyValidationError(`${path}.${key} should be a number between -${limit} and ${limit}, instead was \`${JSON.stringify(coordinate)}\`.`);
    }
  }
  return place;
}

function convertValue(target: Target, raw: Record<string, unknown>, path: string, ctx: InputContext): unknown {
  const type = target.schema.type;
  const value = raw[type];
  const valuePath = `${path}.${type}`;
  switch (type) {
    case 'title':
    case 'rich_text':
      return normalizeRichText(value, valuePath, ctx);
    case 'number':
      if (value !== null && typeof value !== 'number') throw bodyValidationError(`${valuePath} should be a number or \`null\`.`);
      return value;
    case 'checkbox':
      if (typeof value !== 'boolean') throw bodyValidationError(`${valuePath} should be a boolean.`);
      return value;
    case 'url':
      return limitedString(value, valuePath, MAX_URL_LENGTH);
    case 'email':
    case 'phone_number':
      return limitedString(value, valuePath, 200);
    case 'select':
      return value === null ? null : selectOption(value, valuePath, target, ctx, true);
    case 'multi_select':
      return limitedArray(value, valuePath).map((item, i) => selectOption(item, `${valuePath}[${i}]`, target, ctx, true));
    case 'status':
      return value === null ? null : selectOption(value, valuePath, target, ctx, false);
    case 'date':
      return dateValue(value, valuePath);
    case 'people':
      return limitedArray(value, valuePath).map((item, i) => {
        const id = expectId(expectRecord(item, `${valuePath}[${i}]`)['id'], `${valuePath}[${i}].id`);
        requireUser(ctx, id, `${valuePath}[${i}].id`);
        return { object: 'user', id };
      });
    case 'relation':
      return limitedArray(value, valuePath).map((item, i) => {
        const id = expectId(expectRecord(item, `${valuePath}[${i}]`)['id'], `${valuePath}[${i}].id`);
        relatedRow(id, target, `${valuePath}[${i}].id`, ctx);
        return { id };
      });
    case 'files':
      return limitedArray(value, valuePath).map((item, i) => {
        const file = expectRecord(item, `${valuePath}[${i}]`);
        const source = fileSource(file, `${valuePath}[${i}]`, ctx, true);
        if (!('file_upload' in file) && (typeof file['name'] !== 'string' || file['name'] === '')) throw shouldBeDefined(`${valuePath}[${i}].name`);
        const fallback = source.type === 'file' ? ctx.store.files.get(source.file.file_id)?.filename : source.external.url;
        return { name: typeof file['name'] === 'string' ? file['name'] : (fallback ?? 'file'), ...source };
      });
    case 'place':
      return value === null ? null : placeValue(value, valuePath);
    case 'verification':
      // Only wiki pages can be verified; wikis cannot be created through the API and the emulator models none.
      throw validationError(`${valuePath}: verification can only be set on pages of a wiki, and ${target.name} is not in one.`);
    default:
      throw bodyValidationError(`${valuePath}: property type \`${type}\` cannot be set.`);
  }
}

/**
 * Validates request property values for a page under `dataSource` (or a regular page when undefined).
 * Returns stored values by property name; schema/relation side effects are queued on `ctx`.
 */
export function parsePageProperties(
  raw: unknown,
  page: FixturePage | null,
  dataSource: FixtureDataSource | undefined,
  ctx: InputContext,
): Record<string, StoredPropertyValue> {
  if (raw === undefined) return {};
  const given = expectRecord(raw, 'body.properties');
  const out: Record<string, StoredPropertyValue> = {};
  for (const [key, rawValue] of Object.entries(given)) {
    const target = resolveTarget(key, dataSource, page);
    const path = `body.properties.${key}`;
    if (READ_ONLY_PROPERTY_TYPES.has(target.schema.type)) {
      throw bodyValidationError(`${path}.${target.schema.type} should be not present: \`${target.schema.type}\` properties are read-only and cannot be set.`);
    }
    // A bare array is accepted for title (e.g. {title: [...]}) as the SDK examples do.
    const valueObject = Array.isArray(rawValue) ? { [target.schema.type]: rawValue } : expectRecord(rawValue, path);
    const givenType = typeof valueObject['type'] === 'string' ? valueObject['type'] : Object.keys(valueObject).find((k) => k !== 'type' && k !== 'id');
    if (givenType !== target.schema.type) throw validationError(`${target.name} is expected to be ${target.schema.type}.`);
    out[target.name] = { type: target.schema.type, [target.schema.type]: convertValue(target, valueObject, path, ctx) };
  }
  return out;
}

/** Keeps two-way relations consistent: the synced property on related pages mirrors this page's relation. */
export function syncDualRelations(page: FixturePage, before: Record<string, StoredPropertyValue>, ctx: InputContext): void {
  if (page.parent.type !== 'data_source_id') return;
  const dataSource = ctx.store.dataSources.get(page.parent.data_source_id);
  for (const [name, schema] of Object.entries(dataSource?.properties ?? {})) {
    if (schema.type !== 'relation' || schema.config['type'] !== 'dual_property') continue;
    const ids = (value: StoredPropertyValue | undefined): Set<string> => new Set(((value?.['relation'] as { id: string }[] | undefined) ?? []).map((ref) => ref.id));
    const oldIds = ids(before[name]);
    const newIds = ids(page.properties[name]);
    const target = ctx.store.dataSources.get(String(schema.config['data_source_id']));
    const syncedId = (schema.config['dual_property'] as JsonObject | undefined)?.['synced_property_id'];
    const syncedName = Object.entries(target?.properties ?? {}).find(([, prop]) => prop.id === syncedId)?.[0];
    if (!syncedName) continue;
    for (const id of new Set([...oldIds, ...newIds])) {
      if (oldIds.has(id) === newIds.has(id)) continue;
      const related = ctx.store.pages.get(id);
      if (!related) continue;
      const list = ((related.properties[syncedName] ??= { type: 'relation', relation: [] })['relation'] as { id: string }[]);
      const index = list.findIndex((ref) => ref.id === page.id);
      if (newIds.has(id) && index < 0) list.push({ id: page.id });
      if (!newIds.has(id) && index >= 0) list.splice(index, 1);
    }
  }
}

export function newPropertyId(dataSource: { id: string }, name: string, salt: string): string {
  return propertyIdFromSeed(`${dataSource.id}:${name}:${salt}`);
}
