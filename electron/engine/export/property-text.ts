// Page property values as plain text, for database tables, CSV and row pages.
import type { FullPropertyValue } from '../snapshot/format';
import { arrayOf, recordOf, stringOf } from '../snapshot/json-values';
import { formatDate, plainText } from './markdown-text';

export interface PropertyNames {
  userName(id: string): string | undefined;
  /** The title of a page (relations), from the snapshot's index. */
  title(id: string): string | undefined;
}

function personName(person: unknown, names: PropertyNames): string {
  const value = recordOf(person);
  const id = stringOf(value.id);
  return (id ? names.userName(id) : undefined) ?? stringOf(value.name) ?? id ?? '';
}

function join(values: string[]): string {
  return values.filter((value) => value !== '').join(', ');
}

/** A number or a text as stored; '' when there is none. */
function scalarText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function formulaText(formula: unknown): string {
  const value = recordOf(formula);
  switch (value.type) {
    case 'boolean':
      return value.boolean === true ? 'Yes' : value.boolean === false ? 'No' : '';
    case 'date':
      return formatDate(value.date);
    case 'number':
      return scalarText(value.number);
    default:
      return scalarText(value.string);
  }
}

function rollupText(rollup: unknown, names: PropertyNames): string {
  const value = recordOf(rollup);
  switch (value.type) {
    case 'number':
      return scalarText(value.number);
    case 'date':
      return formatDate(value.date);
    case 'array':
      return join(arrayOf(value.array).map((item) => propertyText(item, undefined, names)));
    default:
      return '';
  }
}

/** Values from properties.json (the full list when the page object was cut at 25 references). */
function fullValues(type: string, full: FullPropertyValue, names: PropertyNames): string {
  const items = full.results.map(recordOf);
  switch (type) {
    case 'title':
    case 'rich_text':
      return items.map((item) => plainText([item[type]])).join('');
    case 'people':
      return join(items.map((item) => personName(item.people, names)));
    case 'relation':
      return join(items.map((item) => relationTitle(stringOf(recordOf(item.relation).id), names)));
    default:
      return '';
  }
}

function relationTitle(id: string | undefined, names: PropertyNames): string {
  if (!id) return '';
  return names.title(id) || id;
}

/** The `name` of each item of a list value (options, files). */
function namesOf(list: unknown): string[] {
  return arrayOf(list).map((item) => stringOf(recordOf(item).name) ?? '');
}

/**
 * One property value as plain text: select and status names, dates, numbers, Yes/No for checkboxes,
 * people by name, relations by title, formula and rollup values as stored.
 */
export function propertyText(property: unknown, full: FullPropertyValue | undefined, names: PropertyNames): string {
  const value = recordOf(property);
  const type = stringOf(value.type) ?? '';
  if (full && full.results.length > 0) {
    const text = fullValues(type, full, names);
    if (text !== '') return text;
  }
  const data = value[type];
  switch (type) {
    case 'title':
    case 'rich_text':
      return plainText(data);
    case 'number':
      return scalarText(data);
    case 'select':
    case 'status':
      return String(recordOf(data).name ?? '');
    case 'multi_select':
    case 'files':
      return join(namesOf(data));
    case 'date':
      return formatDate(data);
    case 'people':
      return join(arrayOf(data).map((person) => personName(person, names)));
    case 'created_by':
    case 'last_edited_by':
      return personName(data, names);
    case 'checkbox':
      return data === true ? 'Yes' : 'No';
    case 'url':
    case 'email':
    case 'phone_number':
    case 'created_time':
    case 'last_edited_time':
      return stringOf(data) ?? '';
    case 'formula':
      return formulaText(data);
    case 'relation':
      return join(arrayOf(data).map((item) => relationTitle(stringOf(recordOf(item).id), names)));
    case 'rollup':
      return rollupText(data, names);
    case 'unique_id': {
      const id = recordOf(data);
      if (id.number === null || id.number === undefined) return '';
      return id.prefix ? `${String(id.prefix)}-${String(id.number)}` : String(id.number);
    }
    case 'verification':
      return String(recordOf(data).state ?? '');
    case 'place': {
      const place = recordOf(data);
      const name = stringOf(place.name) || stringOf(place.address);
      return name || (place.lat !== undefined && place.lon !== undefined ? `${String(place.lat)}, ${String(place.lon)}` : '');
    }
    default:
      return '';
  }
}

/** The title property's plain text of a page object. */
export function pageTitle(properties: Record<string, { type: string; [key: string]: unknown }>): string {
  for (const property of Object.values(properties)) if (property.type === 'title') return plainText(property.title);
  return '';
}
