import type { StoredView } from '../snapshot/format';
import { arrayOf, fullyDecoded, isRecord, recordOf, stringOf } from './convert/common';
import type { JsonRecord } from './convert/common';

/**
 * How a view's property references are carried over: the stored data source's schema gives each old
 * property id its name, the restored data source's schema gives each name its new id. Names survive a
 * restore; ids do not.
 */
export interface PropertyMaps {
  /** stored property id (encoded or not) → property name */
  nameById: ReadonlyMap<string, string>;
  /** property name → property id in the data source the view is created on */
  idByName: ReadonlyMap<string, string>;
}

/** The body of views.create without its target (database_id, view_id or create_database) and data source. */
export interface ViewBody {
  name: string;
  type: string;
  filter?: JsonRecord;
  sorts?: JsonRecord[];
  quick_filters?: Record<string, JsonRecord>;
  configuration?: JsonRecord;
}

export interface RemappedView {
  body: ViewBody;
  /** Readable descriptions of the references left out because their property no longer exists. */
  dropped: string[];
}

/** Maps from a schema given as `{ name: { id } }` (a stored data source, or one Notion returns). */
export function propertyMaps(stored: Record<string, { id?: string | undefined }>, restored: Record<string, { id?: string | undefined }>): PropertyMaps {
  const nameById = new Map<string, string>();
  for (const [name, property] of Object.entries(stored)) if (property.id !== undefined) nameById.set(fullyDecoded(property.id), name);
  const idByName = new Map<string, string>();
  for (const [name, property] of Object.entries(restored)) if (property.id !== undefined) idByName.set(name, property.id);
  return { nameById, idByName };
}

/** Keys of a property item in a view configuration request (the response adds `property_name`). */
const PROPERTY_ITEM_KEYS = ['property_id', 'visible', 'width', 'wrap', 'status_show_as', 'card_property_width_mode', 'date_format', 'time_format'];
/** Response-only keys naming a property beside its id. */
const RESPONSE_ONLY = new Set(['property_name', 'date_property_name', 'end_date_property_name', 'map_by_property_name']);
/** Keys holding a list of property items. */
const PROPERTY_LISTS = ['properties', 'table_properties'];
/** Keys holding a group-by configuration (`property_id` inside). */
const GROUP_KEYS = ['group_by', 'sub_group_by', 'x_axis', 'stack_by'];
/** Keys holding a property id as a string. */
const ID_KEYS = ['date_property_id', 'end_date_property_id', 'map_by', 'x_axis_property_id', 'y_axis_property_id'];
/** Keys holding an object with an optional `property_id`. */
const NESTED_KEYS = ['y_axis', 'value', 'cover', 'subtasks', 'arrows_by'];
/** Without these, a view of that type cannot keep its configuration. */
const REQUIRED: Record<string, string[]> = { board: ['group_by'], calendar: ['date_property_id'], timeline: ['date_property_id'] };
const COVER_TYPES = new Set(['page_cover', 'page_content', 'property']);

class Remapper {
  readonly dropped: string[] = [];
  constructor(private readonly maps: PropertyMaps) {}

  /** The new id of a stored property id; undefined (noted) when the property no longer exists. */
  id(oldId: unknown, where: string): string | undefined {
    const raw = stringOf(oldId);
    if (raw === undefined) return undefined;
    const name = this.maps.nameById.get(fullyDecoded(raw));
    const newId = name === undefined ? undefined : this.maps.idByName.get(name);
    if (newId === undefined) this.dropped.push(`${where} (${name === undefined ? `property ${raw}` : `"${name}"`})`);
    return newId;
  }

  /** Sorts and filters name a property by id or by name. */
  idOrName(reference: unknown, where: string): string | undefined {
    const raw = stringOf(reference);
    if (raw === undefined) return undefined;
    if (this.maps.nameById.has(fullyDecoded(raw))) return this.id(raw, where);
    const newId = this.maps.idByName.get(raw);
    if (newId === undefined) this.dropped.push(`${where} ("${raw}")`);
    return newId;
  }

  filter(raw: unknown, where: string): JsonRecord | undefined {
    const filter = recordOf(raw);
    for (const key of ['and', 'or']) {
      if (!Array.isArray(filter[key])) continue;
      const parts = arrayOf(filter[key]).flatMap((part) => this.filter(part, where) ?? []);
      return parts.length > 0 ? { [key]: parts } : undefined;
    }
    if (filter.property === undefined) return Object.keys(filter).length > 0 ? structuredClone(filter) : undefined;
    const property = this.idOrName(filter.property, where);
    return property === undefined ? undefined : { ...structuredClone(filter), property };
  }

  propertyList(raw: unknown, where: string): JsonRecord[] {
    return arrayOf(raw).flatMap((item) => {
      const entry = recordOf(item);
      const property = this.id(entry.property_id, where);
      if (property === undefined) return [];
      const kept = Object.fromEntries(Object.entries(entry).filter(([key]) => PROPERTY_ITEM_KEYS.includes(key)));
      return [{ ...kept, property_id: property }];
    });
  }

  configuration(raw: unknown, type: string, name: string): JsonRecord | undefined {
    if (!isRecord(raw) || type === 'dashboard') return undefined;
    const config: JsonRecord = {};
    for (const [key, value] of Object.entries(raw)) {
      if (RESPONSE_ONLY.has(key) || value === undefined) continue;
      const where = `${key.replace(/_/g, ' ')} of the view "${name}"`;
      if (PROPERTY_LISTS.includes(key)) config[key] = this.propertyList(value, `a column of the view "${name}"`);
      else if (GROUP_KEYS.includes(key) && isRecord(value)) {
        const property = this.id(value.property_id, where);
        if (property !== undefined) config[key] = { ...withoutResponseKeys(value), property_id: property };
      } else if (ID_KEYS.includes(key) && typeof value === 'string') {
        const property = this.id(value, where);
        if (property !== undefined) config[key] = property;
      } else if (NESTED_KEYS.includes(key) && isRecord(value)) {
        const nested = this.nested(key, value, where);
        if (nested) config[key] = nested;
      } else config[key] = structuredClone(value);
    }
    const missing = (REQUIRED[type] ?? []).filter((key) => config[key] === undefined);
    if (missing.length > 0) {
      this.dropped.push(`the layout of the view "${name}" (it needs its ${missing.join(', ').replace(/_/g, ' ')})`);
      return undefined;
    }
    return config;
  }

  private nested(key: string, value: JsonRecord, where: string): JsonRecord | undefined {
    const copy = withoutResponseKeys(value);
    if (key === 'cover' && !COVER_TYPES.has(stringOf(copy.type) ?? '')) {
      if (copy.type === 'page_content_first') return { type: 'page_content' };
      return undefined;
    }
    if (key === 'subtasks' && copy.toggle_column_id !== undefined) {
      const toggle = this.maps.nameById.has(fullyDecoded(stringOf(copy.toggle_column_id) ?? '')) ? this.id(copy.toggle_column_id, where) : undefined;
      if (toggle === undefined) delete copy.toggle_column_id;
      else copy.toggle_column_id = toggle;
    }
    if (copy.property_id === undefined || copy.property_id === null) return copy;
    const property = this.id(copy.property_id, where);
    return property === undefined ? undefined : { ...copy, property_id: property };
  }
}

function withoutResponseKeys(value: JsonRecord): JsonRecord {
  return structuredClone(Object.fromEntries(Object.entries(value).filter(([key]) => !RESPONSE_ONLY.has(key))));
}

/**
 * A stored view as a views.create body for the restored data source: every property reference
 * (configuration, sorts, filter, quick filters) carried from the old id to the new one through its
 * name; references to properties that no longer exist are left out and listed in `dropped`.
 * Response-only fields are left out; a dashboard keeps only its name and type (its layout is read-only).
 */
export function remapView(view: StoredView, maps: PropertyMaps): RemappedView {
  const remap = new Remapper(maps);
  const stored = view as unknown as JsonRecord;
  const body: ViewBody = { name: view.name, type: view.type };
  if (view.type !== 'dashboard') {
    if (isRecord(stored.filter)) {
      const filter = remap.filter(stored.filter, `a filter of the view "${view.name}"`);
      if (filter) body.filter = filter;
    }
    const sorts = arrayOf(stored.sorts).flatMap((item) => {
      const sort = recordOf(item);
      if (sort.timestamp !== undefined) return [structuredClone(sort)];
      const property = remap.idOrName(sort.property, `a sort of the view "${view.name}"`);
      return property === undefined ? [] : [{ property, direction: sort.direction }];
    });
    if (sorts.length > 0) body.sorts = sorts;
    if (isRecord(stored.quick_filters)) {
      const quick: Record<string, JsonRecord> = {};
      for (const [key, condition] of Object.entries(stored.quick_filters)) {
        const property = remap.idOrName(key, `a quick filter of the view "${view.name}"`);
        if (property !== undefined && isRecord(condition)) quick[property] = structuredClone(condition);
      }
      if (Object.keys(quick).length > 0) body.quick_filters = quick;
    }
    const configuration = remap.configuration(stored.configuration, view.type, view.name);
    if (configuration) body.configuration = configuration;
  }
  return { body, dropped: remap.dropped };
}
