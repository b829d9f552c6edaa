import type { Client, GetPagePropertyParameters, PropertyItemListResponse } from '@notionhq/client';
import { collectAllDataSourceRows, collectPaginatedAPI, isFullPage } from '@notionhq/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { failure, richTextOf, sdkClient, startTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

/** pages.properties.retrieve returns a list for paginated types; narrow it for collectPaginatedAPI. */
function propertyItems(client: Client): (args: GetPagePropertyParameters) => Promise<PropertyItemListResponse> {
  return (args) => client.pages.properties.retrieve(args) as Promise<PropertyItemListResponse>;
}

type PropertyMap = Record<string, { id: string; type: string; [key: string]: unknown }>;

async function megaProperties(): Promise<PropertyMap> {
  const page = await sdkClient(emulator).pages.retrieve({ page_id: facts.ids.megaProjectRow });
  if (!isFullPage(page)) throw new Error('partial page');
  return page.properties as unknown as PropertyMap;
}

describe('25-reference cap', () => {
  it('caps relation, people and mentions in page objects; relation says has_more', async () => {
    const properties = await megaProperties();
    expect(properties['Tasks']?.['relation']).toHaveLength(25);
    expect(properties['Tasks']?.['has_more']).toBe(true);
    expect(properties['Owners']?.['people']).toHaveLength(25);
    const notes = properties['Notes']?.['rich_text'] as { type: string }[];
    expect(notes.filter((item) => item.type === 'mention')).toHaveLength(25);
    expect(properties['Task count']?.['rollup']).toMatchObject({ type: 'number', number: 25, function: 'count' });
  });

  it('returns the full lists through pages.properties.retrieve, paginated with next_url', async () => {
    const client = sdkClient(emulator);
    const properties = await megaProperties();
    const relationId = properties['Tasks']?.id ?? '';
    const first = await client.pages.properties.retrieve({ page_id: facts.ids.megaProjectRow, property_id: relationId, page_size: 20 });
    expect(first).toMatchObject({ object: 'list', type: 'property_item', has_more: true, property_item: { id: relationId, type: 'relation', relation: {} } });
    expect((first as { property_item: { next_url: string } }).property_item.next_url).toMatch(new RegExp(`^${emulator.url}/v1/pages/.+/properties/.+\\?start_cursor=`));
    const all = await collectPaginatedAPI(propertyItems(client), { page_id: facts.ids.megaProjectRow, property_id: relationId, page_size: 20 });
    expect(all).toHaveLength(facts.megaProjectRelationCount);
    expect(all[0]).toMatchObject({ object: 'property_item', type: 'relation', relation: { id: expect.any(String) } });
    const people = await collectPaginatedAPI(propertyItems(client), { page_id: facts.ids.megaProjectRow, property_id: properties['Owners']?.id ?? '' });
    expect(people).toHaveLength(facts.megaProjectPeopleCount);
    const notes = await collectPaginatedAPI(propertyItems(client), { page_id: facts.ids.megaProjectRow, property_id: properties['Notes']?.id ?? '' });
    expect(notes.filter((item) => 'rich_text' in item && (item.rich_text as { type: string }).type === 'mention')).toHaveLength(facts.megaProjectMentionCount);
    const rollup = await client.pages.properties.retrieve({ page_id: facts.ids.megaProjectRow, property_id: properties['Task count']?.id ?? '' });
    expect(rollup).toMatchObject({ property_item: { type: 'rollup', rollup: { type: 'number', number: facts.megaProjectRelationCount } } });
    const number = await client.pages.properties.retrieve({ page_id: facts.ids.megaProjectRow, property_id: properties['Budget']?.id ?? '' });
    expect(number).toEqual({ object: 'property_item', id: properties['Budget']?.id, type: 'number', number: 250000, request_id: expect.any(String) });
  });

  it('keeps two-way relations consistent on both sides', async () => {
    const client = sdkClient(emulator);
    const rows = await client.dataSources.query({ data_source_id: facts.ids.tasksDataSource, filter: { property: 'Name', title: { equals: 'Task 100' } } });
    const task = rows.results[0];
    if (!task || !isFullPage(task)) throw new Error('missing task');
    expect(task.properties['Project']).toMatchObject({ type: 'relation', relation: [], has_more: false });
    await client.pages.update({ page_id: task.id, properties: { Project: { relation: [{ id: facts.ids.megaProjectRow }] } } });
    const relation = await collectPaginatedAPI(propertyItems(client), { page_id: facts.ids.megaProjectRow, property_id: (await megaProperties())['Tasks']?.id ?? '' });
    expect(relation.map((item) => ('relation' in item ? (item.relation as { id: string }).id : ''))).toContain(task.id);
    emulator.admin.reset();
  });
});

describe('data source queries', () => {
  it('stops at the row cap with request_status incomplete', async () => {
    emulator.admin.setQueryRowCap(50);
    try {
      const client = sdkClient(emulator);
      const plain = await collectPaginatedAPI(client.dataSources.query, { data_source_id: facts.ids.tasksDataSource, page_size: 20 });
      expect(plain).toHaveLength(50);
      const last = await client.dataSources.query({ data_source_id: facts.ids.tasksDataSource, page_size: 100 });
      expect(last).toMatchObject({ has_more: false, next_cursor: null, request_status: { type: 'incomplete', incomplete_reason: 'query_result_limit_reached' } });
      const small = await client.dataSources.query({ data_source_id: facts.ids.archiveDataSource });
      expect(small).not.toHaveProperty('request_status');
      const all = await collectAllDataSourceRows(client, { data_source_id: facts.ids.tasksDataSource });
      expect(all).toHaveLength(facts.tasksRowCount);
      expect(new Set(all.map((row) => row.id)).size).toBe(facts.tasksRowCount);
    } finally {
      emulator.admin.setQueryRowCap(10_000);
    }
  });

  it('supports created_time / last_edited_time filters and sorts', async () => {
    const client = sdkClient(emulator);
    const all = await collectPaginatedAPI(client.dataSources.query, { data_source_id: facts.ids.tasksDataSource, sorts: [{ timestamp: 'created_time', direction: 'ascending' }] });
    const created = all.map((row) => (isFullPage(row) ? row.created_time : ''));
    expect([...created].sort()).toEqual(created);
    const pivot = created[100] ?? '';
    const after = await collectPaginatedAPI(client.dataSources.query, { data_source_id: facts.ids.tasksDataSource, filter: { timestamp: 'created_time', created_time: { on_or_after: pivot } } });
    expect(after).toHaveLength(30);
    const edited = await client.dataSources.query({ data_source_id: facts.ids.tasksDataSource, filter: { timestamp: 'last_edited_time', last_edited_time: { after: '2030-01-01T00:00:00.000Z' } } });
    expect(edited.results).toHaveLength(0);
  });

  it('supports basic property filters and compound filters', async () => {
    const client = sdkClient(emulator);
    const done = await collectPaginatedAPI(client.dataSources.query, { data_source_id: facts.ids.tasksDataSource, filter: { property: 'Done', checkbox: { equals: true } } });
    expect(done).toHaveLength(43);
    const compound = await collectPaginatedAPI(client.dataSources.query, {
      data_source_id: facts.ids.tasksDataSource,
      filter: { and: [{ property: 'Done', checkbox: { equals: true } }, { property: 'Estimate', number: { greater_than: 5 } }] },
    });
    expect(compound.every((row) => isFullPage(row) && (row.properties['Estimate'] as { number: number }).number > 5)).toBe(true);
    const byName = await client.dataSources.query({ data_source_id: facts.ids.projectsDataSource, sorts: [{ property: 'Budget', direction: 'descending' }] });
    expect(byName.results[0]?.id).toBe(facts.ids.megaProjectRow);
    const unknown = await failure(client.dataSources.query({ data_source_id: facts.ids.tasksDataSource, filter: { property: 'Nope', checkbox: { equals: true } } }));
    expect(unknown).toMatchObject({ status: 400, code: 'validation_error' });
  });

  it('creates rows with every writable property type and rejects unknown properties', async () => {
    const client = sdkClient(emulator);
    const row = await client.pages.create({
      parent: { data_source_id: facts.ids.projectsDataSource },
      properties: {
        Name: { title: richTextOf('New project') },
        Notes: { rich_text: richTextOf('notes') },
        Budget: { number: 5 },
        Stage: { select: { name: 'Brand new stage' } },
        Tags: { multi_select: [{ name: 'backup' }] },
        Status: { status: { name: 'Done' } },
        Deadline: { date: { start: '2026-01-01' } },
        Owners: { people: [{ id: facts.users.grace }] },
        Active: { checkbox: true },
        Website: { url: 'https://example.com' },
        Contact: { email: 'x@example.com' },
        Phone: { phone_number: '+1 555' },
        Tasks: { relation: [] },
        Location: { place: { lat: 1, lon: 2 } },
      },
    });
    expect(isFullPage(row) && row.properties['ID']).toMatchObject({ type: 'unique_id', unique_id: { prefix: 'PRJ', number: 6 } });
    expect(isFullPage(row) && row.properties['Created by']).toMatchObject({ type: 'created_by', created_by: { id: facts.users.fullBot } });
    const source = await client.dataSources.retrieve({ data_source_id: facts.ids.projectsDataSource });
    expect(JSON.stringify(source)).toContain('Brand new stage');
    const error = await failure(client.pages.create({ parent: { data_source_id: facts.ids.projectsDataSource }, properties: { Bogus: { rich_text: [] } } }));
    expect(error.message).toBe('Bogus is not a property that exists.');
    emulator.admin.reset();
  });

  it('requires data_source_id parents for multi-source databases', async () => {
    const error = await failure(sdkClient(emulator).pages.create({ parent: { database_id: facts.ids.tasksDatabase }, properties: { Name: { title: richTextOf('x') } } }));
    expect(error).toMatchObject({ status: 400, code: 'validation_error' });
  });
});
