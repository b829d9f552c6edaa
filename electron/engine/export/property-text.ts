// Page property values as plain text, for database tables, CSV and row pages.
import type { FullPropertyValue } from '../snapshot/format';
import { formatDate, plainText } from './markdown-text';

export interface PropertyNames {
  userName(id: string): string | undefined;
  /** The title of a page (relations), from the snapshot's index. */
  title(id: string): string | undefined;
}

type Value = Record<string, unknown> & { type?: string };

function personName(person: unknown, names: PropertyNames): string {
  const value = (person ?? {}) as { id?: string; name?: string };
  return (value.id ? names.userName(value.id) : undefined) ?? value.name ?? value.id ?? '';
}

function join(values: string[]): string {
  return values.filter((value) => value !== '').join(', ');
}

function formulaText(formula: unknown): string {
  const value = (formula ?? {}) as Value;
  switch (value.type) {
    case 'boolean':
      return value.boolean === true ? 'Yes' : value.boolean === false ? 'No' : '';
    case 'date':
      return formatDate(value.date);
    case 'number':
      return value.number === null || value.number === undefined ? '' : String(value.number);
    default:
      return value.string === null || value.string === undefined ? '' : String(value.string);
  }
}

function rollupText(rollup: unknown, names: PropertyNames): string {
  const value = (rollup ?? {}) as Value;
  switch (value.type) {
    case 'number':
      return value.number === null || value.number === undefined ? '' : String(value.number);
    case 'date':
      return formatDate(value.date);
    case 'array':
      return join(((value.array ?? []) as Value[]).map((item) => propertyText(item, undefined, names)));
    default:
      return '';
  }
}

/** Values from properties.json (the full list when the page object was cut at 25 references). */
function fullValues(type: string, full: FullPropertyValue, names: PropertyNames): string {
  const items = full.results as Array<Record<string, unknown>>;
  switch (type) {
    case 'title':
    case 'rich_text':
      return items.map((item) => plainText([item[type]])).join('');
    case 'people':
      return join(items.map((item) => personName(item.people, names)));
    case 'relation':
      return join(items.map((item) => relationTitle((item.relation as { id?: string } | undefined)?.id, names)));
    default:
      return '';
  }
}

function relationTitle(id: string | undefined, names: PropertyNames): string {
  if (!id) return '';
  return names.title(id) || id;
}

/**
 * One property value as plain text: select and status names, dates, numbers, Yes/No for checkboxes,
 * people by name, relations by title, formula and rollup values as stored.
 */
export function propertyText(property: unknown, full: FullPropertyValue | undefined, names: PropertyNames): string {
  const value = (property ?? {}) as Value;
  const type = value.type ?? '';
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
      return data === null || data === undefined ? '' : String(data);
    case 'select':
    case 'status':
      return String((data as { name?: string } | null)?.name ?? '');
    case 'multi_select':
      return join(((data ?? []) as Array<{ name?: string }>).map((option) => option.name ?? ''));
    case 'date':
      return formatDate(data);
    case 'people':
      return join(((data ?? []) as unknown[]).map((person) => personName(person, names)));
    case 'created_by':
    case 'last_edited_by':
      return personName(data, names);
    case 'files':
      return join(((data ?? []) as Array<{ name?: string }>).map((file) => file.name ?? ''));
    case 'checkbox':
      return data === true ? 'Yes' : 'No';
    case 'url':
    case 'email':
    case 'phone_number':
    case 'created_time':
    case 'last_edited_time':
      return typeof data === 'string' ? data : '';
    case 'formula':
      return formulaText(data);
    case 'relation':
      return join(((data ?? []) as Array<{ id?: string }>).map((item) => relationTitle(item.id, names)));
    case 'rollup':
      return rollupText(data, names);
    case 'unique_id': {
      const id = (data ?? {}) as { prefix?: string | null; number?: number | null };
      if (id.number === null || id.number === undefined) return '';
      return id.prefix ? `${id.prefix}-${id.number}` : String(id.number);
    }
    case 'verification':
      return String((data as { state?: string } | null)?.state ?? '');
    case 'place': {
      const place = (data ?? {}) as { name?: string; address?: string; lat?: number; lon?: number };
      return place.name || place.address || (place.lat !== undefined && place.lon !== undefined ? `${place.lat}, ${place.lon}` : '');
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
