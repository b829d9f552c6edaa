import { canSee } from '../auth';
import { bodyValidationError, notFound, validationError } from '../errors';
import type { FixtureDataSource, JsonObject, SchemaProperty } from '../fixture-types';
import { normalizeId, propertyIdFromSeed } from '../ids';
import { plainText } from '../render/common';
import type { InputContext } from './common';
import { expectRecord, variantOf } from './common';

const SCHEMA_TYPES = [
  'title', 'rich_text', 'number', 'select', 'multi_select', 'status', 'date', 'people', 'files', 'checkbox', 'url',
  'email', 'phone_number', 'formula', 'relation', 'rollup', 'created_time', 'created_by', 'last_edited_time',
  'last_edited_by', 'unique_id', 'button', 'verification', 'place', 'location', 'last_visited_time',
] as const;

type Option = { id: string; name: string; color: string; description: string | null };

const SELECT_COLORS = new Set(['default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red']);
const ROLLUP_FUNCTIONS = new Set([
  'count', 'count_values', 'empty', 'not_empty', 'unique', 'show_unique', 'percent_empty', 'percent_not_empty', 'sum', 'average',
  'median', 'min', 'max', 'range', 'earliest_date', 'latest_date', 'date_range', 'checked', 'unchecked', 'percent_checked',
  'percent_unchecked', 'count_per_group', 'percent_per_group', 'show_original',
]);

/** Option names are required, unique and comma-free; colors are the select colors. */
function checkOptions(list: unknown[], path: string): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const option = expectRecord(item, `${path}[${index}]`);
    const name = option['name'];
    if (typeof name !== 'string' || name.trim() === '') throw bodyValidationError(`${path}[${index}].name should be a non-empty string.`);
    if (name.includes(',')) throw validationError(`${path}[${index}].name: commas are not valid in option names: ${JSON.stringify(name)}.`);
    if (seen.has(name)) throw validationError(`${path}[${index}].name: option names must be unique, ${JSON.stringify(name)} is repeated.`);
    seen.add(name);
    if (option['color'] !== undefined && (typeof option['color'] !== 'string' || !SELECT_COLORS.has(option['color']))) {
      throw bodyValidationError(`${path}[${index}].color should be a select color, instead was \`${JSON.stringify(option['color'])}\`.`);
    }
  });
}

function options(raw: unknown, ctx: InputContext, salt: string, path?: string): Option[] {
  const list = Array.isArray(raw) ? raw : [];
  if (path !== undefined) checkOptions(list, path);
  return list.map((item, index) => {
    const option = expectRecord(item, `${salt}.options[${index}]`);
    return {
      id: typeof option['id'] === 'string' ? option['id'] : propertyIdFromSeed(`${salt}:${String(option['name'])}:${ctx.env.ids.hex(6)}`),
      name: String(option['name'] ?? ''),
      color: typeof option['color'] === 'string' ? option['color'] : 'default',
      description: typeof option['description'] === 'string' ? option['description'] : null,
    };
  });
}

/** Notion's three status groups; `todo`, `doing` and `done` are the option ids placed in each. */
function statusGroups(salt: string, todo: string[], doing: string[], done: string[]): JsonObject[] {
  return [
    { id: propertyIdFromSeed(`${salt}:g1`), name: 'To-do', color: 'gray', option_ids: todo },
    { id: propertyIdFromSeed(`${salt}:g2`), name: 'In progress', color: 'blue', option_ids: doing },
    { id: propertyIdFromSeed(`${salt}:g3`), name: 'Complete', color: 'green', option_ids: done },
  ];
}

/**
 * A new status property. Without options: Notion's defaults (Not started / In progress / Done, one per
 * group). With options (SDK 5.26's StatusPropertyConfigRequest has `options` and no `groups`): the three
 * groups, every given option in "To-do" — our model of Notion, the placement is unverified.
 */
function statusConfig(config: JsonObject, ctx: InputContext, salt: string, path: string): JsonObject {
  if (config['groups'] !== undefined) {
    throw bodyValidationError(`${path}.status.groups should be not present: status groups cannot be set through the API.`);
  }
  if (!Array.isArray(config['options'])) {
    const opts = options([{ name: 'Not started' }, { name: 'In progress', color: 'blue' }, { name: 'Done', color: 'green' }], ctx, salt);
    const [todo, doing, done] = opts.map((option) => [option.id]);
    return { options: opts, groups: statusGroups(salt, todo ?? [], doing ?? [], done ?? []) };
  }
  const opts = options(config['options'], ctx, salt, `${path}.status.options`);
  return { options: opts, groups: statusGroups(salt, opts.map((option) => option.id), [], []) };
}

function findProperty(properties: Record<string, SchemaProperty>, key: unknown): [string, SchemaProperty] | undefined {
  if (typeof key !== 'string') return undefined;
  const byName = properties[key];
  if (byName) return [key, byName];
  return Object.entries(properties).find(([, prop]) => prop.id === key);
}

interface SchemaScope {
  dataSource: FixtureDataSource;
  properties: Record<string, SchemaProperty>;
  ctx: InputContext;
}

function relationConfig(raw: JsonObject, name: string, propertyId: string, scope: SchemaScope, path: string): JsonObject {
  const targetId = raw['data_source_id'];
  const normalized = typeof targetId === 'string' ? normalizeId(targetId) : null;
  const target = normalized ? scope.ctx.store.dataSources.get(normalized) : undefined;
  if (!target) throw validationError(`${path}.relation.data_source_id does not reference a data source: ${String(targetId)}.`);
  if (!canSee(scope.ctx.store, scope.ctx.token, target.id) || scope.ctx.store.isTrashedInTree(target.id)) {
    throw notFound('data_source', target.id);
  }
  if (variantOf(raw, ['single_property', 'dual_property']) !== 'dual_property') {
    return { data_source_id: target.id, type: 'single_property', single_property: {} };
  }
  const dual = (raw['dual_property'] as JsonObject | undefined) ?? {};
  const existing = findProperty(target.properties, dual['synced_property_id'] ?? dual['synced_property_name']);
  if (existing && (existing[1].type !== 'relation' || existing[1].config['data_source_id'] !== scope.dataSource.id)) {
    throw validationError(`${path}.relation.dual_property: ${existing[0]} on the related data source is not a relation back to this one.`);
  }
  const syncedName = existing?.[0] ?? (typeof dual['synced_property_name'] === 'string' ? dual['synced_property_name'] : `Related to ${plainText(scope.dataSource.title) || 'Untitled'} (${name})`);
  const syncedId = existing?.[1].id ?? propertyIdFromSeed(`${target.id}:${syncedName}:reverse`);
  if (!existing) {
    scope.ctx.pendingEffects.push(() => {
      target.properties[syncedName] = {
        id: syncedId,
        type: 'relation',
        config: { data_source_id: scope.dataSource.id, type: 'dual_property', dual_property: { synced_property_id: propertyId } },
      };
    });
  }
  return { data_source_id: target.id, type: 'dual_property', dual_property: { synced_property_id: syncedId } };
}

function rollupConfig(raw: JsonObject, scope: SchemaScope, path: string): JsonObject {
  const relation = findProperty(scope.properties, raw['relation_property_id'] ?? raw['relation_property_name']);
  if (!relation || relation[1].type !== 'relation') throw validationError(`${path}.rollup: relation property not found.`);
  const target = scope.ctx.store.dataSources.get(String(relation[1].config['data_source_id']));
  const rolled = target ? findProperty(target.properties, raw['rollup_property_id'] ?? raw['rollup_property_name']) : undefined;
  if (!rolled) throw validationError(`${path}.rollup: rollup property not found on the related data source.`);
  if (typeof raw['function'] !== 'string' || !ROLLUP_FUNCTIONS.has(raw['function'])) {
    throw bodyValidationError(`${path}.rollup.function should be a rollup function, instead was \`${JSON.stringify(raw['function'])}\`.`);
  }
  return { function: raw['function'], relation_property_id: relation[1].id, rollup_property_id: rolled[1].id };
}

function schemaProperty(name: string, raw: unknown, scope: SchemaScope, path: string, keepId?: string): SchemaProperty {
  const spec = expectRecord(raw, path);
  const type = variantOf(spec, SCHEMA_TYPES);
  if (!type || !(SCHEMA_TYPES as readonly string[]).includes(type)) throw bodyValidationError(`${path} should define a property type.`);
  const id = keepId ?? (type === 'title' ? 'title' : propertyIdFromSeed(`${scope.dataSource.id}:${name}:${scope.ctx.env.ids.hex(8)}`));
  const config = (spec[type] as JsonObject | undefined) ?? {};
  const salt = `${scope.dataSource.id}:${name}`;
  let normalized: JsonObject;
  switch (type) {
    case 'number':
      normalized = { format: typeof config['format'] === 'string' ? config['format'] : 'number' };
      break;
    case 'select':
    case 'multi_select':
      normalized = { options: options(config['options'], scope.ctx, salt, `${path}.${type}.options`) };
      break;
    case 'status':
      normalized = statusConfig(config, scope.ctx, salt, path);
      break;
    case 'verification':
      // Creatable (SDK 5.26's VerificationPropertyConfigurationRequest is an empty object); its values stay
      // unverified, as only wiki pages can be verified (see input/properties.ts).
      if (Object.keys(config).length > 0) throw bodyValidationError(`${path}.verification should be an empty object.`);
      normalized = {};
      break;
    case 'relation':
      normalized = relationConfig(config, name, id, scope, path);
      break;
    case 'rollup':
      normalized = rollupConfig(config, scope, path);
      break;
    case 'formula':
      normalized = { expression: typeof config['expression'] === 'string' ? config['expression'] : '' };
      break;
    case 'unique_id':
      normalized = { prefix: typeof config['prefix'] === 'string' ? config['prefix'] : null };
      break;
    default:
      normalized = {};
  }
  const description = typeof spec['description'] === 'string' ? spec['description'] : null;
  return { id, type, description, config: normalized };
}

/** A new schema (databases.create initial_data_source, dataSources.create); ensures exactly one title. */
export function buildSchema(raw: unknown, dataSource: FixtureDataSource, ctx: InputContext, path: string): Record<string, SchemaProperty> {
  const scope: SchemaScope = { dataSource, properties: {}, ctx };
  const given = raw === undefined ? {} : expectRecord(raw, path);
  for (const [name, spec] of Object.entries(given)) {
    scope.properties[name] = schemaProperty(name, spec, scope, `${path}.${name}`);
  }
  // No properties at all gets the default "Name" title; a schema that is given must name its one title.
  if (raw === undefined) scope.properties = { Name: { id: 'title', type: 'title', description: null, config: {} } };
  requireOneTitle(scope.properties);
  return scope.properties;
}

function requireOneTitle(properties: Record<string, SchemaProperty>): void {
  const titles = Object.values(properties).filter((prop) => prop.type === 'title').length;
  if (titles > 1) throw validationError('A data source can have only one title property.');
  if (titles === 0) throw validationError('A data source must have a title property.');
}

/** dataSources.update: add, rename (`{name}`), change type, or remove (`null`) properties. */
export function updateSchema(raw: unknown, dataSource: FixtureDataSource, ctx: InputContext): Record<string, SchemaProperty> {
  const given = expectRecord(raw, 'body.properties');
  const next: Record<string, SchemaProperty> = { ...dataSource.properties };
  const scope: SchemaScope = { dataSource, properties: next, ctx };
  for (const [key, spec] of Object.entries(given)) {
    const path = `body.properties.${key}`;
    const existing = findProperty(next, key);
    if (spec === null) {
      if (!existing) throw validationError(`${key} is not a property that exists.`);
      if (existing[1].type === 'title') throw validationError('The title property cannot be removed.');
      delete next[existing[0]];
      continue;
    }
    const specRecord = expectRecord(spec, path);
    const newName = typeof specRecord['name'] === 'string' ? specRecord['name'] : (existing?.[0] ?? key);
    if (newName !== existing?.[0] && next[newName] !== undefined) throw validationError(`A property named ${newName} already exists.`);
    const hasType = variantOf(specRecord, SCHEMA_TYPES) !== undefined;
    if (existing?.[1].type === 'status') refuseStatusChange(existing[0], specRecord, newName, path);
    // An existing status property given `status: {}` keeps its options and groups.
    const keep = existing && (!hasType || (existing[1].type === 'status' && specRecord['status'] !== undefined));
    const property = existing && keep ? { ...existing[1] } : schemaProperty(newName, specRecord, scope, path, existing?.[1].id);
    if (existing) {
      replaceKeepingOrder(next, existing[0], newName, property);
    } else {
      next[newName] = property;
    }
  }
  requireOneTitle(next);
  return next;
}

/**
 * "It's not possible to update the name or options values of a status property via the API" (Update data
 * source properties): an existing status property keeps its name and options. Read strictly: a rename, or
 * any `status` object other than `{}`, is refused; changing its type or description is not.
 */
function refuseStatusChange(name: string, spec: JsonObject, newName: string, path: string): void {
  if (newName !== name) throw validationError(`${path}.name: the name of a status property cannot be updated through the API.`);
  const status = spec['status'];
  if (status !== undefined && (typeof status !== 'object' || status === null || Object.keys(status).length > 0)) {
    throw validationError(`${path}.status: the options of a status property cannot be updated through the API.`);
  }
}

/** Renames/replaces an entry in place so property order (display order) is kept. */
function replaceKeepingOrder(record: Record<string, SchemaProperty>, oldName: string, newName: string, value: SchemaProperty): void {
  const entries = Object.entries(record).map(([name, prop]): [string, SchemaProperty] => (name === oldName ? [newName, value] : [name, prop]));
  for (const name of Object.keys(record)) delete record[name];
  for (const [name, prop] of entries) record[name] = prop;
}
