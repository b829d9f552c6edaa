import { describe, expect, it } from 'vitest';
import { storedViewSchema } from '../snapshot/format';
import { propertyMaps, remapView } from './views-remap';

const DATABASE = '11111111-1111-4111-8111-111111111111';
const view = (fields: Record<string, unknown>) =>
  storedViewSchema.parse({ object: 'view', id: '22222222-2222-4222-8222-222222222222', name: 'Board', type: 'board', parent: { type: 'database_id', database_id: DATABASE }, ...fields });

const stored = { Name: { id: 'title' }, Status: { id: 'a%3Ab' }, Due: { id: 'due1' }, Owner: { id: 'own1' }, Gone: { id: 'gone' } };
const restored = { Name: { id: 'title' }, Status: { id: 'NEW1' }, Due: { id: 'NEW2' }, Owner: { id: 'NEW3' } };
const maps = propertyMaps(stored, restored);

describe('remapView', () => {
  it('carries every property reference from the old id to the new one through its name', () => {
    const { body, dropped } = remapView(
      view({
        configuration: {
          type: 'board',
          group_by: { type: 'status', property_id: 'a:b', property_name: 'Status', group_by: 'option', sort: { type: 'manual' } },
          properties: [{ property_id: 'due1', property_name: 'Due', visible: true, width: 120 }],
          cover: { type: 'property', property_id: 'own1' },
        },
        sorts: [{ property: 'Due', direction: 'ascending' }, { property: 'own1', direction: 'descending' }, { timestamp: 'created_time', direction: 'ascending' }],
        filter: { and: [{ property: 'a%3Ab', status: { equals: 'Done' } }, { or: [{ property: 'Owner', people: { is_not_empty: true } }] }] },
        quick_filters: { 'a%3Ab': { status: { equals: 'Doing' } } },
      }),
      maps,
    );
    expect(dropped).toEqual([]);
    expect(body).toEqual({
      name: 'Board',
      type: 'board',
      configuration: {
        type: 'board',
        group_by: { type: 'status', property_id: 'NEW1', group_by: 'option', sort: { type: 'manual' } },
        properties: [{ property_id: 'NEW2', visible: true, width: 120 }],
        cover: { type: 'property', property_id: 'NEW3' },
      },
      sorts: [{ property: 'NEW2', direction: 'ascending' }, { property: 'NEW3', direction: 'descending' }, { timestamp: 'created_time', direction: 'ascending' }],
      filter: { and: [{ property: 'NEW1', status: { equals: 'Done' } }, { or: [{ property: 'NEW3', people: { is_not_empty: true } }] }] },
      quick_filters: { NEW1: { status: { equals: 'Doing' } } },
    });
  });

  it('drops references to properties that no longer exist and says which', () => {
    const { body, dropped } = remapView(
      view({
        type: 'table',
        name: 'All',
        configuration: { type: 'table', properties: [{ property_id: 'gone' }, { property_id: 'title' }], group_by: { type: 'text', property_id: 'gone', group_by: 'exact', sort: { type: 'manual' } } },
        sorts: [{ property: 'Gone', direction: 'ascending' }],
        filter: { or: [{ property: 'gone', rich_text: { contains: 'x' } }] },
      }),
      maps,
    );
    expect(body).toEqual({ name: 'All', type: 'table', configuration: { type: 'table', properties: [{ property_id: 'title' }] } });
    expect(dropped).toHaveLength(4);
    expect(dropped.join('; ')).toContain('"Gone"');
  });

  it('a board or calendar that lost the property its layout needs keeps no configuration', () => {
    const { body, dropped } = remapView(view({ type: 'calendar', name: 'Cal', configuration: { type: 'calendar', date_property_id: 'gone', date_property_name: 'Gone' } }), maps);
    expect(body).toEqual({ name: 'Cal', type: 'calendar' });
    expect(dropped.at(-1)).toMatch(/layout of the view "Cal".*date property id/);
  });

  it('timeline, chart and map ids are remapped; response-only names are left out', () => {
    const { body } = remapView(
      view({
        type: 'timeline',
        configuration: { type: 'timeline', date_property_id: 'due1', date_property_name: 'Due', end_date_property_id: 'due1', table_properties: [{ property_id: 'title', property_name: 'Name' }], show_table: true },
      }),
      maps,
    );
    expect(body.configuration).toEqual({ type: 'timeline', date_property_id: 'NEW2', end_date_property_id: 'NEW2', table_properties: [{ property_id: 'title' }], show_table: true });
    const chart = remapView(
      view({ type: 'chart', configuration: { type: 'chart', chart_type: 'bar', x_axis: { type: 'status', property_id: 'a:b', group_by: 'option', sort: { type: 'manual' } }, y_axis: { aggregator: 'count' }, value: { aggregator: 'sum', property_id: 'gone' } } }),
      maps,
    );
    expect(chart.body.configuration).toEqual({ type: 'chart', chart_type: 'bar', x_axis: { type: 'status', property_id: 'NEW1', group_by: 'option', sort: { type: 'manual' } }, y_axis: { aggregator: 'count' } });
    expect(remapView(view({ type: 'map', configuration: { type: 'map', map_by: 'own1', map_by_property_name: 'Owner' } }), maps).body.configuration).toEqual({ type: 'map', map_by: 'NEW3' });
  });

  it('a dashboard keeps only its name and type (its layout is read-only)', () => {
    const { body } = remapView(view({ type: 'dashboard', name: 'Overview', configuration: { type: 'dashboard', rows: [{ id: 'r', widgets: [] }] } }), maps);
    expect(body).toEqual({ name: 'Overview', type: 'dashboard' });
  });
});
