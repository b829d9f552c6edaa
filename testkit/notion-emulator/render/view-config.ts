// A stored view configuration as Notion answers it: property references carry their current names.
import type { FixtureDataSource, JsonObject } from '../fixture-types';
import { isRecord } from '../input/common';

function nameOf(dataSource: FixtureDataSource | undefined, id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined;
  return Object.entries(dataSource?.properties ?? {}).find(([, prop]) => prop.id === id)?.[0];
}

function withName(value: unknown, dataSource: FixtureDataSource | undefined): unknown {
  if (!isRecord(value) || typeof value['property_id'] !== 'string') return value;
  const name = nameOf(dataSource, value['property_id']);
  return name === undefined ? { ...value } : { ...value, property_name: name };
}

const NAMED_FIELDS: Record<string, string> = {
  date_property_id: 'date_property_name',
  end_date_property_id: 'end_date_property_name',
  map_by: 'map_by_property_name',
};

export function renderViewConfiguration(configuration: JsonObject | null, dataSource: FixtureDataSource | undefined): JsonObject | null {
  if (!configuration) return null;
  const rendered: JsonObject = structuredClone(configuration);
  for (const key of ['properties', 'table_properties']) {
    const list = rendered[key];
    if (Array.isArray(list)) rendered[key] = list.map((item) => withName(item, dataSource));
  }
  for (const key of ['group_by', 'sub_group_by', 'x_axis', 'stack_by']) {
    if (rendered[key]) rendered[key] = withName(rendered[key], dataSource);
  }
  for (const [idKey, nameKey] of Object.entries(NAMED_FIELDS)) {
    const name = nameOf(dataSource, rendered[idKey]);
    if (name !== undefined) rendered[nameKey] = name;
  }
  return rendered;
}
