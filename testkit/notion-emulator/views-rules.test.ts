import { collectPaginatedAPI } from '@notionhq/client';
import type { Client } from '@notionhq/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { richWorkspace } from './fixtures/rich-workspace';
import { expectRefused, richTextOf, sdkClient, startTestEmulator, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
useTestEmulator((started) => (emulator = started));

const V = facts.ids.views;
const TASKS_DB = facts.ids.tasksDatabase;
const TASKS_DS = facts.ids.tasksDataSource;
const LINKED = facts.ids.linkedDatabase;

async function viewIds(client: Client, args: { database_id: string } | { data_source_id: string }): Promise<string[]> {
  return (await collectPaginatedAPI(client.views.list, args)).map((view) => view.id);
}

function rawRequest(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emulator.url}/v1/${path}`, {
    method,
    headers: { authorization: `Bearer ${emulator.tokens.full}`, 'notion-version': '2026-03-11', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('views: reading', () => {
  it('lists a database’s views in tab order, dashboard widgets after their dashboard, ids only', async () => {
    const client = sdkClient(emulator);
    for (const [databaseId, expected] of Object.entries(facts.views.byDatabase)) expect(await viewIds(client, { database_id: databaseId })).toEqual(expected);
    const page = await client.views.list({ database_id: TASKS_DB, page_size: 2 });
    expect(page).toMatchObject({ object: 'list', type: 'view', view: {}, has_more: true, results: [{ object: 'view', id: V.tasksTable }, { object: 'view', id: V.tasksBoard }] });
    expect(Object.keys(page.results[0] ?? {})).toEqual(['object', 'id']);
  });

  it('lists a data source’s views across databases, the linked one included', async () => {
    expect(await viewIds(sdkClient(emulator), { data_source_id: TASKS_DS })).toEqual(facts.views.ofTasksDataSource);
  });

  it('requires exactly one of database_id and data_source_id, and page_size 1..100', async () => {
    const client = sdkClient(emulator);
    await expectRefused(client.views.list({}), 'exactly one of');
    await expectRefused(client.views.list({ database_id: TASKS_DB, data_source_id: TASKS_DS }), 'exactly one of');
    await expectRefused(client.views.list({ database_id: TASKS_DB, page_size: 101 }), 'page_size');
    await expectRefused(client.views.list({ database_id: TASKS_DB, page_size: 0 }), 'page_size');
  });

  it('retrieves a full view: names resolved in the configuration, url with ?v=, dashboard widgets marked', async () => {
    const client = sdkClient(emulator);
    const table = await client.views.retrieve({ view_id: V.tasksTable });
    expect(table).toMatchObject({
      object: 'view', id: V.tasksTable, parent: { type: 'database_id', database_id: TASKS_DB }, name: 'Open tasks', type: 'table',
      data_source_id: TASKS_DS, created_by: { object: 'user' }, sorts: [{ property: 'Due', direction: 'ascending' }, { timestamp: 'created_time', direction: 'descending' }],
      url: `https://www.notion.so/${TASKS_DB.replace(/-/g, '')}?v=${V.tasksTable.replace(/-/g, '')}`,
      configuration: { type: 'table', properties: [{ property_id: 'title', property_name: 'Name' }, { property_name: 'Status' }, { property_name: 'Due' }, { property_name: 'Estimate', visible: false }] },
    });
    expect(table).toHaveProperty('request_id');
    expect(await client.views.retrieve({ view_id: V.tasksCalendar })).toMatchObject({ configuration: { date_property_name: 'Due' } });
    expect(await client.views.retrieve({ view_id: V.projectsDashboard })).toMatchObject({ type: 'dashboard', data_source_id: null, configuration: { rows: [{ widgets: [{ view_id: V.projectsChart }] }] } });
    expect(await client.views.retrieve({ view_id: V.projectsChart })).toMatchObject({ type: 'chart', dashboard_view_id: V.projectsDashboard });
  });

  it('serves a linked database’s views while databases.retrieve still answers 404 for it', async () => {
    const client = sdkClient(emulator);
    expect(await viewIds(client, { database_id: LINKED })).toEqual([V.linkedTable, V.linkedBoard]);
    expect(await client.views.retrieve({ view_id: V.linkedBoard })).toMatchObject({ parent: { database_id: LINKED }, data_source_id: TASKS_DS, type: 'board' });
    await expectRefused(client.databases.retrieve({ database_id: LINKED }), 'Could not find database', 404);
    await expectRefused(client.dataSources.create({ parent: { database_id: LINKED }, properties: { Name: { title: {} } } }), 'Could not find database', 404);
  });

  it('hides views the token cannot see, and views of a trashed database', async () => {
    await expectRefused(sdkClient(emulator, 'noAccess').views.retrieve({ view_id: V.tasksTable }), 'Could not find view', 404);
    await expectRefused(sdkClient(emulator, 'noAccess').views.list({ database_id: TASKS_DB }), 'Could not find database', 404);
    await expectRefused(sdkClient(emulator, 'noAccess').views.list({ data_source_id: TASKS_DS }), 'Could not find data source', 404);
    const client = sdkClient(emulator);
    await client.databases.update({ database_id: facts.ids.projectsDatabase, in_trash: true });
    await expectRefused(client.views.retrieve({ view_id: V.projectsGallery }), 'Could not find view', 404);
    await expectRefused(client.views.list({ database_id: facts.ids.projectsDatabase }), 'Could not find database', 404);
  });

  it('answers 400 invalid_request for view queries (not modelled)', async () => {
    await expectRefused(sdkClient(emulator).views.queries.create({ view_id: V.tasksTable }), 'not implemented', 400, 'invalid_request');
  });
});

describe('views: capabilities', () => {
  let other: RunningEmulator;
  beforeAll(async () => {
    const fixture = richWorkspace();
    const base = fixture.tokens.find((token) => token.name === 'full');
    if (!base) throw new Error('no full token');
    fixture.tokens.push({ ...base, name: 'blind', secret: 'ntn_views_blind', capabilities: { ...base.capabilities, readContent: false } });
    fixture.tokens.push({ ...base, name: 'insertOnly', secret: 'ntn_views_insert', capabilities: { ...base.capabilities, updateContent: false } });
    other = await startTestEmulator({ workspace: fixture });
  });
  afterAll(() => other.close());

  it('needs read content to list or retrieve, insert and update content to create, update content to update or delete', async () => {
    const blind = sdkClient(other, { secret: 'ntn_views_blind' });
    await expectRefused(blind.views.list({ database_id: TASKS_DB }), '', 403, 'restricted_resource');
    await expectRefused(blind.views.retrieve({ view_id: V.tasksTable }), '', 403, 'restricted_resource');
    const insertOnly = sdkClient(other, { secret: 'ntn_views_insert' });
    await expectRefused(insertOnly.views.create({ database_id: TASKS_DB, data_source_id: TASKS_DS, name: 'X', type: 'table' }), '', 403, 'restricted_resource');
    const readOnly = sdkClient(other, 'readOnly');
    await expectRefused(readOnly.views.update({ view_id: V.tasksTable, name: 'X' }), '', 403, 'restricted_resource');
    await expectRefused(readOnly.views.delete({ view_id: V.tasksBoard }), '', 403, 'restricted_resource');
  });
});

describe('views: create', () => {
  it('adds a tab at a position, with a validated filter, sorts, quick filters and configuration', async () => {
    const client = sdkClient(emulator);
    const status = (await client.views.retrieve({ view_id: V.tasksBoard })) as { configuration: { group_by: { property_id: string } } };
    const created = await client.views.create({
      database_id: TASKS_DB, data_source_id: TASKS_DS, name: 'Doing', type: 'board', position: { type: 'after_view', view_id: V.tasksTable },
      filter: { or: [{ property: 'Done', checkbox: { equals: false } }, { timestamp: 'created_time', created_time: { past_week: {} } }] } as never,
      sorts: [{ property: 'Estimate', direction: 'descending' }] as never,
      quick_filters: { Status: { status: { equals: 'Done' } } } as never,
      configuration: { type: 'board', group_by: { type: 'status', property_id: status.configuration.group_by.property_id, group_by: 'option', sort: { type: 'ascending' } } },
    });
    expect(created).toMatchObject({ object: 'view', name: 'Doing', type: 'board', data_source_id: TASKS_DS, parent: { database_id: TASKS_DB } });
    expect(await viewIds(client, { database_id: TASKS_DB })).toEqual([V.tasksTable, created.id, V.tasksBoard, V.tasksCalendar, V.archiveList]);
  });

  it('requires exactly one target, a name, a known type and a data source of that database', async () => {
    const client = sdkClient(emulator);
    const base = { data_source_id: TASKS_DS, name: 'X', type: 'table' as const };
    await expectRefused(client.views.create(base), 'exactly one of');
    await expectRefused(client.views.create({ ...base, database_id: TASKS_DB, view_id: V.projectsDashboard }), 'mutually exclusive');
    await expectRefused(client.views.create({ ...base, database_id: TASKS_DB, name: ' ' }), 'body.name');
    await expectRefused(client.views.create({ ...base, database_id: TASKS_DB, type: 'spreadsheet' as never }), 'body.type');
    await expectRefused(client.views.create({ ...base, database_id: facts.ids.projectsDatabase }), 'does not belong to database');
    await expectRefused(client.views.create({ ...base, database_id: TASKS_DB, data_source_id: facts.ids.unsharedPage }), 'Could not find data source', 404);
    await expectRefused(client.views.create({ ...base, database_id: TASKS_DB, position: { type: 'after_view', view_id: V.projectsTable } }), 'is not a view tab');
  });

  it('refuses unknown properties, mismatched configuration types and dashboard configurations', async () => {
    const client = sdkClient(emulator);
    const base = { database_id: TASKS_DB, data_source_id: TASKS_DS, name: 'X' };
    await expectRefused(client.views.create({ ...base, type: 'table', configuration: { type: 'board' } as never }), 'configuration.type should be `table`');
    await expectRefused(client.views.create({ ...base, type: 'calendar', configuration: { type: 'calendar', date_property_id: 'nope' } }), 'date_property_id names no property');
    await expectRefused(client.views.create({ ...base, type: 'table', configuration: { type: 'table', properties: [{ property_id: 'nope' }] } }), 'names no property');
    await expectRefused(client.views.create({ ...base, type: 'table', configuration: { type: 'table', properties: [{ property_id: 'title', property_name: 'Name' }] } as never }), 'property_name should be not present');
    await expectRefused(client.views.create({ ...base, type: 'dashboard', configuration: { type: 'table' } }), 'not supported for dashboard');
    await expectRefused(client.views.create({ ...base, type: 'table', sorts: [{ property: 'Nope', direction: 'ascending' }] as never }), 'names no property');
    await expectRefused(client.views.create({ ...base, type: 'table', sorts: [{ property: 'Due', direction: 'up' }] as never }), 'direction');
    await expectRefused(client.views.create({ ...base, type: 'table', filter: { property: 'Nope', checkbox: { equals: true } } as never }), 'Could not find property');
    await expectRefused(client.views.create({ ...base, type: 'table', filter: { property: 'Estimate', number: { bigger: 1 } } as never }), 'number should hold one of');
    const deep = { and: [{ or: [{ and: [{ property: 'Done', checkbox: { equals: true } }] }] }] };
    await expectRefused(client.views.create({ ...base, type: 'table', filter: deep as never }), 'more than two levels');
  });

  it('adds a widget to a dashboard (view_id), never a dashboard in a dashboard', async () => {
    const client = sdkClient(emulator);
    const base = { data_source_id: facts.ids.projectsDataSource, name: 'Projects list' };
    const widget = await client.views.create({ ...base, type: 'list', view_id: V.projectsDashboard, placement: { type: 'existing_row', row_index: 0 } });
    expect(widget).toMatchObject({ dashboard_view_id: V.projectsDashboard, parent: { database_id: facts.ids.projectsDatabase } });
    expect(await client.views.retrieve({ view_id: V.projectsDashboard })).toMatchObject({ configuration: { rows: [{ widgets: [{ view_id: V.projectsChart }, { view_id: widget.id }] }] } });
    await expectRefused(client.views.create({ ...base, type: 'dashboard', view_id: V.projectsDashboard }), 'cannot be placed inside a dashboard');
    await expectRefused(client.views.create({ ...base, type: 'list', view_id: V.projectsTable }), 'only dashboard views hold widgets');
    await expectRefused(client.views.create({ ...base, type: 'list', view_id: V.projectsDashboard, placement: { type: 'existing_row', row_index: 3 } }), 'row_index');
  });

  it('creates a linked database on a page (create_database) after a direct child block', async () => {
    const client = sdkClient(emulator);
    const page = await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Views page') } }, children: [{ paragraph: { rich_text: richTextOf('a') } }, { paragraph: { rich_text: richTextOf('b') } }] });
    const [first] = (await client.blocks.children.list({ block_id: page.id })).results;
    const view = await client.views.create({ data_source_id: TASKS_DS, name: 'Here', type: 'table', create_database: { parent: { type: 'page_id', page_id: page.id }, position: { type: 'after_block', block_id: first?.id ?? '' } } });
    const databaseId = (view as { parent: { database_id: string } }).parent.database_id;
    const children = (await client.blocks.children.list({ block_id: page.id })).results;
    expect(children.map((block) => block.id)).toEqual([first?.id, databaseId, children[2]?.id]);
    expect(children[1]).toMatchObject({ type: 'child_database', child_database: { title: 'Tasks' } });
    expect(await viewIds(client, { database_id: databaseId })).toEqual([view.id]);
    await expectRefused(client.databases.retrieve({ database_id: databaseId }), 'Could not find database', 404);
    const target = { parent: { type: 'page_id' as const, page_id: page.id }, position: { type: 'after_block' as const, block_id: facts.ids.annotatedParagraphBlock } };
    await expectRefused(client.views.create({ data_source_id: TASKS_DS, name: 'X', type: 'table', create_database: target }), 'is not a child of the parent block');
    await expectRefused(client.views.create({ data_source_id: TASKS_DS, name: 'X', type: 'table', create_database: { parent: { type: 'page_id', page_id: facts.ids.trashedPage } } }), 'archived');
  });
});

describe('views: update and delete', () => {
  it('updates name, filter, sorts and configuration; null clears; the type cannot change', async () => {
    const client = sdkClient(emulator);
    const updated = await client.views.update({ view_id: V.tasksTable, name: 'Renamed', filter: null, sorts: null, quick_filters: null });
    expect(updated).toMatchObject({ name: 'Renamed', filter: null, sorts: null, quick_filters: null, type: 'table' });
    await expectRefused(client.views.update({ view_id: V.tasksTable, configuration: { type: 'board' } as never }), 'configuration.type should be `table`');
    await expectRefused(client.views.update({ view_id: V.projectsDashboard, configuration: { type: 'table' } }), 'not supported for dashboard');
    await expectRefused(client.views.update({ view_id: V.tasksTable, sorts: [{ property: 'Nope', direction: 'ascending' }] }), 'names no property');
    const response = await rawRequest('PATCH', `views/${V.tasksTable}`, { type: 'board' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'validation_error', message: expect.stringContaining('body.type should be not present') as unknown });
  });

  it('deletes a view (404 afterwards), a dashboard with its widgets, but never a database’s last view', async () => {
    const client = sdkClient(emulator);
    expect(await client.views.delete({ view_id: V.tasksCalendar })).toEqual({ object: 'view', id: V.tasksCalendar, parent: { type: 'database_id', database_id: TASKS_DB }, type: 'calendar', request_id: expect.any(String) as unknown });
    await expectRefused(client.views.retrieve({ view_id: V.tasksCalendar }), 'Could not find view', 404);
    await client.views.delete({ view_id: V.projectsDashboard });
    await expectRefused(client.views.retrieve({ view_id: V.projectsChart }), 'Could not find view', 404);
    await client.views.delete({ view_id: V.linkedBoard });
    await expectRefused(client.views.delete({ view_id: V.linkedTable }), 'last view');
  });

  it('gives a new database one default table view over its data source', async () => {
    const client = sdkClient(emulator);
    const database = await client.databases.create({ parent: { type: 'page_id', page_id: facts.ids.home }, title: richTextOf('Fresh'), initial_data_source: { properties: { Name: { title: {} }, Size: { number: {} } } } });
    const [viewId] = await viewIds(client, { database_id: database.id });
    const view = await client.views.retrieve({ view_id: viewId ?? '' });
    expect(view).toMatchObject({ name: 'Default view', type: 'table', filter: null, sorts: null, configuration: { type: 'table', properties: [{ property_name: 'Name' }, { property_name: 'Size' }] } });
    await expectRefused(client.views.delete({ view_id: view.id }), 'last view');
  });
});
