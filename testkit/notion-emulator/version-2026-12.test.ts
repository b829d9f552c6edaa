import type { Client } from '@notionhq/client';
import { isFullBlock, isFullPage } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { expectRefused, richTextOf, sdkClient, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

// API version 2026-12-01 ("Upgrade guide 2026-12-01"), side by side with 2026-03-11, through the SDK.
let emulator: RunningEmulator;
useTestEmulator((started) => (emulator = started));

const V12 = '2026-12-01';
const V03 = '2026-03-11';

const propertyNames = (page: unknown): string[] => (isFullPage(page as never) ? Object.keys((page as { properties: object }).properties).sort() : []);

async function tasksPropertyId(client: Client, name: string): Promise<string> {
  const dataSource = await client.dataSources.retrieve({ data_source_id: facts.ids.tasksDataSource });
  const id = 'properties' in dataSource ? dataSource.properties[name]?.id : undefined;
  if (!id) throw new Error(`no ${name} property`);
  return id;
}

describe('page properties in lists', () => {
  it('a data-source query returns only the title on 2026-12-01 and every property on 2026-03-11', async () => {
    const [v12, v03] = await Promise.all([V12, V03].map((version) => sdkClient(emulator, 'full', version).dataSources.query({ data_source_id: facts.ids.tasksDataSource, page_size: 3 })));
    expect(v12?.results.map(propertyNames)).toEqual([['Name'], ['Name'], ['Name']]);
    expect(propertyNames(v03?.results[0])).toEqual(['Done', 'Due', 'Estimate', 'Name', 'Project', 'Status']);
    // Other page fields do not change.
    const strip = (page: unknown) => ({ ...(page as object), properties: undefined, request_id: undefined });
    expect(v12?.results.map(strip)).toEqual(v03?.results.map(strip));
  });

  it('filter_properties returns exactly the named properties, by id, on both versions', async () => {
    for (const version of [V12, V03]) {
      const client = sdkClient(emulator, 'full', version);
      const statusId = await tasksPropertyId(client, 'Status');
      const onlyStatus = await client.dataSources.query({ data_source_id: facts.ids.tasksDataSource, page_size: 2, filter_properties: [statusId] });
      expect(onlyStatus.results.map(propertyNames)).toEqual([['Status'], ['Status']]);
      const withTitle = await client.dataSources.query({ data_source_id: facts.ids.tasksDataSource, page_size: 1, filter_properties: [statusId, 'title'] });
      expect(propertyNames(withTitle.results[0])).toEqual(['Name', 'Status']);
    }
  });

  it('refuses unknown ids and property names in filter_properties (query and retrieve)', async () => {
    for (const version of [V12, V03]) {
      const client = sdkClient(emulator, 'full', version);
      await expectRefused(client.dataSources.query({ data_source_id: facts.ids.tasksDataSource, filter_properties: ['nope'] }), 'query.filter_properties: "nope" is not the id of a property');
      await expectRefused(client.dataSources.query({ data_source_id: facts.ids.tasksDataSource, filter_properties: ['Status'] }), '"Status" is not the id of a property');
      await expectRefused(client.pages.retrieve({ page_id: facts.ids.megaProjectRow, filter_properties: ['nope'] }), '"nope" is not the id of a property');
    }
  });

  it('search returns only the title of each page on 2026-12-01, every property on 2026-03-11', async () => {
    const searchRows = async (version: string) => {
      const response = await sdkClient(emulator, 'full', version).search({ query: 'Mega', filter: { property: 'object', value: 'page' } });
      return response.results.filter((page) => page.id === facts.ids.megaProjectRow);
    };
    const [v12] = await searchRows(V12);
    const [v03] = await searchRows(V03);
    expect(propertyNames(v12)).toEqual(['Name']);
    expect(propertyNames(v03).length).toBeGreaterThan(10);
    expect(v12).toMatchObject({ id: facts.ids.megaProjectRow, url: (v03 as { url: string }).url, last_edited_time: (v03 as { last_edited_time: string }).last_edited_time });
  });

  it('refuses filter_properties on search (SDK 5.26 sends none)', async () => {
    const raw = await fetch(`${emulator.url}/v1/search?filter_properties=title`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.tokens.full}`, 'notion-version': V12, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ code: 'validation_error' });
  });

  it('pages.retrieve still returns every property on 2026-12-01', async () => {
    const [v12, v03] = await Promise.all([V12, V03].map((version) => sdkClient(emulator, 'full', version).pages.retrieve({ page_id: facts.ids.megaProjectRow })));
    expect(propertyNames(v12)).toEqual(propertyNames(v03));
    expect(propertyNames(v12).length).toBeGreaterThan(10);
  });
});

describe('status filters', () => {
  it('equals matches option names, never group names, on both versions', async () => {
    for (const version of [V12, V03, '2025-09-03']) {
      const client = sdkClient(emulator, 'full', version);
      const count = async (equals: string) =>
        (await client.dataSources.query({ data_source_id: facts.ids.tasksDataSource, filter: { property: 'Status', status: { equals } } })).results.length;
      // Groups of the fixture's status: To-do (Not started), In progress (In progress), Complete (Done).
      expect(await count('To-do')).toBe(0);
      expect(await count('Complete')).toBe(0);
      expect(await count('Not started')).toBeGreaterThan(0);
      expect(await count('Done')).toBeGreaterThan(0);
    }
  });
});

describe('rules of 2026-03-11 that 2026-12-01 keeps', () => {
  it('is accepted, answers with in_trash only and meeting_notes', async () => {
    const client = sdkClient(emulator, 'full', V12);
    const page = await client.pages.retrieve({ page_id: facts.ids.home });
    expect(page).toHaveProperty('in_trash', false);
    expect(page).not.toHaveProperty('archived');
    const block = await client.blocks.retrieve({ block_id: facts.ids.meetingNotesBlock });
    expect(isFullBlock(block) && block.type).toBe('meeting_notes');
  });

  it('refuses archived and the flat after', async () => {
    const client = sdkClient(emulator, 'full', V12);
    await expectRefused(client.pages.update({ page_id: facts.ids.childPages[0], archived: true }), 'body.archived should be not present');
    const [first] = (await client.blocks.children.append({ block_id: facts.ids.home, children: [{ paragraph: { rich_text: richTextOf('A') } }] })).results;
    await expectRefused(client.blocks.children.append({ block_id: facts.ids.home, children: [{ paragraph: { rich_text: richTextOf('B') } }], after: first?.id }), 'body.after should be not present');
    await client.blocks.children.append({ block_id: facts.ids.home, children: [{ paragraph: { rich_text: richTextOf('B') } }], position: { type: 'after_block', after_block: { id: first?.id ?? '' } } });
  });
});
