// Request parsing for the Views API: names, types, filters, sorts, quick filters, configurations,
// tab positions and dashboard placements. Property references must name the data source's properties.
import type { RenderContext } from '../context';
import { compileFilter } from '../endpoints/query-filter';
import { ApiError, bodyValidationError, preview, shouldBeDefined, shouldBeNotPresent, validationError } from '../errors';
import type { FixtureDataSource, FixturePage, JsonObject, ViewType } from '../fixture-types';
import { VIEW_TYPES } from '../fixture-types';
import type { TabPosition } from '../store-views';
import { expectArray, expectId, expectRecord, expectString, isRecord } from './common';

/** Refuses keys the SDK's request type does not name (`body.type` on an update, response-only names). */
export function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const [key, item] of Object.entries(value)) {
    if (!allowed.includes(key)) throw shouldBeNotPresent(`${path}.${key}`, item);
  }
}

export function viewName(raw: unknown, path = 'body.name'): string {
  const name = expectString(raw, path);
  if (name.trim() === '') throw bodyValidationError(`${path} should be a non-empty string, instead was \`${JSON.stringify(raw)}\`.`);
  return name;
}

export function viewType(raw: unknown): ViewType {
  if (raw === undefined) throw shouldBeDefined('body.type');
  const type = VIEW_TYPES.find((candidate) => candidate === raw);
  if (!type) throw bodyValidationError(`body.type should be one of ${VIEW_TYPES.map((t) => `\`${t}\``).join(', ')}, instead was \`${preview(raw)}\`.`);
  return type;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A property id (configurations name properties by id only); returns its schema type. */
function propertyById(dataSource: FixtureDataSource, raw: unknown, path: string): string {
  const id = expectString(raw, path);
  const found = Object.values(dataSource.properties).find((prop) => prop.id === id || safeDecode(prop.id) === id);
  if (!found) throw validationError(`${path} names no property of data source ${dataSource.id}: \`${id}\`.`);
  return found.type;
}

/** A property name or id (sorts and quick filters, as in data-source queries). */
function propertyByNameOrId(dataSource: FixtureDataSource, raw: unknown, path: string): void {
  const key = expectString(raw, path);
  if (dataSource.properties[key]) return;
  propertyById(dataSource, key, path);
}

const TABLE_KEYS = ['properties', 'group_by', 'subtasks', 'wrap_cells', 'frozen_column_index', 'show_vertical_lines'];
const CARD_KEYS = ['properties', 'cover', 'cover_size', 'cover_aspect', 'card_layout'];
const CHART_KEYS = [
  'chart_type', 'x_axis', 'y_axis', 'x_axis_property_id', 'y_axis_property_id', 'value', 'sort', 'color_theme', 'height',
  'hide_empty_groups', 'legend_position', 'show_data_labels', 'axis_labels', 'grid_lines', 'cumulative', 'smooth_line',
  'hide_line_fill_area', 'group_style', 'y_axis_min', 'y_axis_max', 'donut_labels', 'hide_title', 'stack_by', 'reference_lines',
  'caption', 'color_by_value',
];
/** Keys of each `ViewConfigRequest` variant in the SDK 5.26 types (no dashboard variant). */
const CONFIG_KEYS: Record<Exclude<ViewType, 'dashboard'>, string[]> = {
  table: TABLE_KEYS,
  board: ['group_by', 'sub_group_by', ...CARD_KEYS],
  gallery: CARD_KEYS,
  calendar: ['date_property_id', 'properties', 'view_range', 'show_weekends'],
  timeline: ['date_property_id', 'end_date_property_id', 'properties', 'show_table', 'table_properties', 'preference', 'arrows_by', 'color_by'],
  list: ['properties'],
  map: ['height', 'map_by', 'properties'],
  form: ['is_form_closed', 'anonymous_submissions', 'submission_permissions'],
  chart: CHART_KEYS,
};
const REQUIRED_KEYS: Partial<Record<ViewType, string[]>> = { board: ['group_by'], calendar: ['date_property_id'], timeline: ['date_property_id'], chart: ['chart_type'] };
const PROPERTY_ITEM_KEYS = ['property_id', 'visible', 'width', 'wrap', 'status_show_as', 'card_property_width_mode', 'date_format', 'time_format'];
/** group_by `type` for each property type it can group (SDK `GroupByConfigRequest`). */
const GROUP_TYPE: Record<string, string> = { people: 'person', rich_text: 'text' };

function checkGroupBy(raw: unknown, dataSource: FixtureDataSource, path: string): void {
  if (raw === null || raw === undefined) return;
  const group = expectRecord(raw, path);
  const propertyType = propertyById(dataSource, group['property_id'], `${path}.property_id`);
  const expected = GROUP_TYPE[propertyType] ?? propertyType;
  if (group['type'] !== expected) throw bodyValidationError(`${path}.type should be \`${expected}\` for that property, instead was \`${preview(group['type'])}\`.`);
}

function checkPropertyList(raw: unknown, dataSource: FixtureDataSource, path: string): void {
  if (raw === null || raw === undefined) return;
  expectArray(raw, path).forEach((item, index) => {
    const entry = expectRecord(item, `${path}[${index}]`);
    onlyKeys(entry, PROPERTY_ITEM_KEYS, `${path}[${index}]`);
    propertyById(dataSource, entry['property_id'], `${path}[${index}].property_id`);
  });
}

function checkOptionalId(config: JsonObject, key: string, dataSource: FixtureDataSource, path: string): void {
  if (config[key] !== undefined && config[key] !== null) propertyById(dataSource, config[key], `${path}.${key}`);
}

function checkNestedId(raw: unknown, dataSource: FixtureDataSource, path: string): void {
  if (isRecord(raw) && raw['property_id'] !== undefined && raw['property_id'] !== null) propertyById(dataSource, raw['property_id'], `${path}.property_id`);
}

/** A view configuration for a view of `type` over `dataSource`; stored as sent. */
export function viewConfiguration(raw: unknown, type: ViewType, dataSource: FixtureDataSource, path = 'body.configuration'): JsonObject {
  if (type === 'dashboard') throw validationError(`${path} is not supported for dashboard views: their layout (rows of widgets) is read-only.`);
  const config = expectRecord(raw, path);
  if (config['type'] !== type) throw bodyValidationError(`${path}.type should be \`${type}\` (the view's type), instead was \`${preview(config['type'])}\`.`);
  onlyKeys(config, ['type', ...CONFIG_KEYS[type]], path);
  for (const key of REQUIRED_KEYS[type] ?? []) if (config[key] === undefined) throw shouldBeDefined(`${path}.${key}`);
  checkPropertyList(config['properties'], dataSource, `${path}.properties`);
  checkPropertyList(config['table_properties'], dataSource, `${path}.table_properties`);
  for (const key of ['group_by', 'sub_group_by', 'x_axis', 'stack_by']) checkGroupBy(config[key], dataSource, `${path}.${key}`);
  for (const key of ['date_property_id', 'end_date_property_id', 'map_by', 'x_axis_property_id', 'y_axis_property_id']) checkOptionalId(config, key, dataSource, path);
  for (const key of ['y_axis', 'value', 'cover', 'subtasks', 'arrows_by']) checkNestedId(config[key], dataSource, `${path}.${key}`);
  return structuredClone(config);
}

export function viewSorts(raw: unknown, dataSource: FixtureDataSource, path = 'body.sorts'): JsonObject[] {
  return expectArray(raw, path).map((item, index) => {
    const at = `${path}[${index}]`;
    const sort = expectRecord(item, at);
    if (sort['timestamp'] !== undefined) {
      onlyKeys(sort, ['timestamp', 'direction'], at);
      if (sort['timestamp'] !== 'created_time' && sort['timestamp'] !== 'last_edited_time') {
        throw bodyValidationError(`${at}.timestamp should be \`created_time\` or \`last_edited_time\`, instead was \`${preview(sort['timestamp'])}\`.`);
      }
    } else {
      onlyKeys(sort, ['property', 'direction'], at);
      propertyByNameOrId(dataSource, sort['property'], `${at}.property`);
    }
    if (sort['direction'] !== 'ascending' && sort['direction'] !== 'descending') {
      throw bodyValidationError(`${at}.direction should be \`ascending\` or \`descending\`, instead was \`${preview(sort['direction'])}\`.`);
    }
    return structuredClone(sort);
  });
}

const TEXT_OPS = ['equals', 'does_not_equal', 'contains', 'does_not_contain', 'starts_with', 'ends_with', 'is_empty', 'is_not_empty'];
const NUMBER_OPS = ['equals', 'does_not_equal', 'greater_than', 'less_than', 'greater_than_or_equal_to', 'less_than_or_equal_to', 'is_empty', 'is_not_empty'];
const LIST_OPS = ['contains', 'does_not_contain', 'is_empty', 'is_not_empty'];
const DATE_OPS = ['equals', 'before', 'after', 'on_or_before', 'on_or_after', 'is_empty', 'is_not_empty', 'past_week', 'past_month', 'past_year', 'next_week', 'next_month', 'next_year', 'this_week'];
/** Operators of each filter condition key (Filter data source entries; SDK `…PropertyFilter` types). */
const OPERATORS: Record<string, string[]> = {
  title: TEXT_OPS, rich_text: TEXT_OPS, url: TEXT_OPS, email: TEXT_OPS, phone_number: TEXT_OPS,
  number: NUMBER_OPS, unique_id: NUMBER_OPS.filter((op) => !op.startsWith('is_')),
  checkbox: ['equals', 'does_not_equal'],
  select: ['equals', 'does_not_equal', 'is_empty', 'is_not_empty'], status: ['equals', 'does_not_equal', 'is_empty', 'is_not_empty'],
  multi_select: LIST_OPS, people: LIST_OPS, relation: LIST_OPS, created_by: LIST_OPS, last_edited_by: LIST_OPS,
  date: DATE_OPS, created_time: DATE_OPS, last_edited_time: DATE_OPS,
  files: ['is_empty', 'is_not_empty'],
};

/** One known operator per condition, e.g. `{number: {greater_than: 1}}`. */
function checkOperator(filter: JsonObject, path: string): void {
  const key = Object.keys(filter).find((candidate) => candidate !== 'property' && candidate !== 'type' && candidate !== 'timestamp');
  const operators = key === undefined ? undefined : OPERATORS[key];
  const condition = key === undefined ? undefined : filter[key];
  if (!operators || !isRecord(condition)) return;
  const names = Object.keys(condition);
  if (names.length !== 1 || !operators.includes(names[0] ?? '')) {
    throw bodyValidationError(`${path}.${key} should hold one of ${operators.map((op) => `\`${op}\``).join(', ')}, instead was \`${preview(condition)}\`.`);
  }
}

/** Runs a compiled condition once on a row without values, so unknown operators are refused now. */
function probe(filter: JsonObject, dataSource: FixtureDataSource, ctx: RenderContext, path: string): void {
  checkOperator(filter, path);
  const predicate = compileFilter(filter, dataSource, ctx);
  const now = ctx.env.clock.nowMinuteIso();
  const blank: FixturePage = {
    id: '', parent: { type: 'data_source_id', data_source_id: dataSource.id }, properties: {}, icon: null, cover: null, children: [],
    createdTime: now, lastEditedTime: now, createdBy: ctx.token.userId, lastEditedBy: ctx.token.userId,
  };
  try {
    predicate(blank);
  } catch (error) {
    if (error instanceof ApiError) throw error;
  }
}

function checkFilter(filter: JsonObject, dataSource: FixtureDataSource, ctx: RenderContext, path: string, depth: number): void {
  const compound = ['and', 'or'].filter((key) => key in filter);
  if (compound.length === 0) {
    probe(filter, dataSource, ctx, path);
    return;
  }
  if (depth >= 2) throw bodyValidationError(`${path} nests compound filters more than two levels deep.`);
  onlyKeys(filter, compound.slice(0, 1), path);
  const key = compound[0] ?? 'and';
  expectArray(filter[key], `${path}.${key}`).forEach((part, index) => {
    checkFilter(expectRecord(part, `${path}.${key}[${index}]`), dataSource, ctx, `${path}.${key}[${index}]`, depth + 1);
  });
}

/** A filter in the data-source query form, checked with the query filter's own rules. */
export function viewFilter(raw: unknown, dataSource: FixtureDataSource, ctx: RenderContext, path = 'body.filter'): JsonObject {
  const filter = expectRecord(raw, path);
  checkFilter(filter, dataSource, ctx, path, 0);
  return structuredClone(filter);
}

/** Quick filters by property (name or id): each a property condition without `property`; null removes one. */
export function viewQuickFilters(raw: unknown, dataSource: FixtureDataSource, ctx: RenderContext, allowRemoval: boolean, path = 'body.quick_filters'): Record<string, JsonObject | null> {
  const filters = expectRecord(raw, path);
  const result: Record<string, JsonObject | null> = {};
  for (const [key, condition] of Object.entries(filters)) {
    propertyByNameOrId(dataSource, key, `${path} key`);
    if (condition === null && allowRemoval) {
      result[key] = null;
      continue;
    }
    const record = expectRecord(condition, `${path}.${key}`);
    if ('property' in record) throw shouldBeNotPresent(`${path}.${key}.property`, record['property']);
    probe({ property: key, ...record }, dataSource, ctx, `${path}.${key}`);
    result[key] = structuredClone(record);
  }
  return result;
}

export function viewPosition(raw: unknown): TabPosition {
  const position = expectRecord(raw, 'body.position');
  if (position['type'] === 'start' || position['type'] === 'end') {
    onlyKeys(position, ['type'], 'body.position');
    return { type: position['type'] };
  }
  if (position['type'] === 'after_view') {
    onlyKeys(position, ['type', 'view_id'], 'body.position');
    return { type: 'after_view', view_id: expectId(position['view_id'], 'body.position.view_id') };
  }
  throw bodyValidationError(`body.position.type should be \`start\`, \`end\` or \`after_view\`, instead was \`${preview(position['type'])}\`.`);
}

export interface WidgetPlacement {
  type: 'new_row' | 'existing_row';
  rowIndex?: number;
}

/** `new_row` (at `row_index`, 0..rows, default last) or `existing_row` (`row_index` 0..rows-1). */
export function widgetPlacement(raw: unknown, rowCount: number): WidgetPlacement {
  if (raw === undefined) return { type: 'new_row' };
  const placement = expectRecord(raw, 'body.placement');
  onlyKeys(placement, ['type', 'row_index'], 'body.placement');
  const type = placement['type'];
  if (type !== 'new_row' && type !== 'existing_row') {
    throw bodyValidationError(`body.placement.type should be \`new_row\` or \`existing_row\`, instead was \`${preview(type)}\`.`);
  }
  const index = placement['row_index'];
  if (index === undefined && type === 'new_row') return { type };
  const max = type === 'new_row' ? rowCount : rowCount - 1;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > max) {
    throw bodyValidationError(`body.placement.row_index should be an integer from 0 to ${max}, instead was \`${preview(index)}\`.`);
  }
  return { type, rowIndex: index };
}
