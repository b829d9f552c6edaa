import type { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { expectRefused, richTextOf, sdkClient, useTestEmulator } from './test-support/harness';

// databases.create, dataSources.create and dataSources.update schema rules ("Create a database",
// "Create a data source", "Update a data source", "Property object"), through the SDK.
let client: Client;
useTestEmulator((started) => (client = sdkClient(started)));

function createDatabase(properties?: Record<string, unknown>, pageId: string = facts.ids.home) {
  return client.databases.create({
    parent: { type: 'page_id', page_id: pageId },
    title: richTextOf('Restored'),
    ...(properties ? { initial_data_source: { properties: properties as never } } : {}),
  });
}

async function newDataSource(properties: Record<string, unknown> = { Name: { title: {} } }): Promise<string> {
  const database = await createDatabase(properties);
  const id = 'data_sources' in database ? database.data_sources[0]?.id : undefined;
  if (!id) throw new Error('no data source');
  return id;
}

const updateSchema = (dataSourceId: string, properties: Record<string, unknown>) =>
  client.dataSources.update({ data_source_id: dataSourceId, properties: properties as never });

describe('databases.create', () => {
  it('takes a live, visible page as parent: a block id is 404, a trashed page is refused', async () => {
    await expectRefused(createDatabase(undefined, facts.ids.annotatedParagraphBlock), 'Could not find page', 404);
    await expectRefused(createDatabase(undefined, facts.ids.projectsDataSource), 'Could not find page', 404);
    await expectRefused(createDatabase(undefined, facts.ids.trashedPage), "Can't edit block that is archived");
    await expectRefused(
      client.databases.create({ parent: { type: 'workspace', workspace: true }, title: richTextOf('Top') }),
      'Internal integrations cannot create workspace-level databases',
    );
  });

  it('needs exactly one title property in a schema it is given; none given means a default "Name"', async () => {
    await expectRefused(createDatabase({ Size: { number: {} } }), 'A data source must have a title property.');
    await expectRefused(createDatabase({ A: { title: {} }, B: { title: {} } }), 'A data source can have only one title property.');
    const plain = await createDatabase();
    const source = await client.dataSources.retrieve({ data_source_id: 'data_sources' in plain ? plain.data_sources[0]?.id ?? '' : '' });
    expect(Object.keys((source as { properties: object }).properties)).toEqual(['Name']);
  });

  it('checks select options: names given, unique and comma-free; select colors only', async () => {
    await expectRefused(createDatabase({ Name: { title: {} }, S: { select: { options: [{ name: 'a,b' }] } } }), 'commas are not valid in option names');
    await expectRefused(createDatabase({ Name: { title: {} }, S: { multi_select: { options: [{ name: 'x' }, { name: 'x' }] } } }), 'option names must be unique');
    await expectRefused(createDatabase({ Name: { title: {} }, S: { select: { options: [{ name: 'x', color: 'red_background' }] } } }), 'should be a select color');
    await expectRefused(createDatabase({ Name: { title: {} }, S: { status: { options: [{}] } } }), 'name should be a non-empty string');
  });
});

describe('relations and rollups', () => {
  it('relates to a data source id only, visible and not in the trash', async () => {
    await expectRefused(
      createDatabase({ Name: { title: {} }, Link: { relation: { data_source_id: facts.ids.projectsDatabase, single_property: {} } } }),
      'relation.data_source_id does not reference a data source',
    );
    const gone = await newDataSource();
    const database = (await client.dataSources.retrieve({ data_source_id: gone })) as { parent: { database_id: string } };
    await client.databases.update({ database_id: database.parent.database_id, in_trash: true });
    await expectRefused(createDatabase({ Name: { title: {} }, Link: { relation: { data_source_id: gone, single_property: {} } } }), 'Could not find data source', 404);
    await createDatabase({ Name: { title: {} }, Link: { relation: { data_source_id: facts.ids.projectsDataSource.replace(/-/g, ''), single_property: {} } } });
  });

  it('links a two-way relation only to a relation back to this data source', async () => {
    const source = await newDataSource();
    await expectRefused(
      updateSchema(source, { Link: { relation: { data_source_id: facts.ids.projectsDataSource, dual_property: { synced_property_name: 'Budget' } } } }),
      'Budget on the related data source is not a relation back to this one',
    );
  });

  it('needs the relation to exist first and a known rollup function', async () => {
    const source = await newDataSource();
    await expectRefused(
      updateSchema(source, { Count: { rollup: { function: 'count', relation_property_name: 'Link', rollup_property_name: 'Name' } } }),
      'relation property not found',
    );
    await updateSchema(source, { Link: { relation: { data_source_id: facts.ids.projectsDataSource, single_property: {} } } });
    await expectRefused(
      updateSchema(source, { Count: { rollup: { function: 'count', relation_property_name: 'Link', rollup_property_name: 'Nope' } } }),
      'rollup property not found on the related data source',
    );
    await expectRefused(
      updateSchema(source, { Count: { rollup: { function: 'tally', relation_property_name: 'Link', rollup_property_name: 'Budget' } } }),
      'rollup.function should be a rollup function',
    );
    await updateSchema(source, { Count: { rollup: { function: 'sum', relation_property_name: 'Link', rollup_property_name: 'Budget' } } });
  });
});

describe('dataSources.create and update', () => {
  it('adds a data source to a live database, with a title property', async () => {
    const source = await newDataSource();
    const { parent } = (await client.dataSources.retrieve({ data_source_id: source })) as { parent: { database_id: string } };
    await expectRefused(client.dataSources.create({ parent: { database_id: parent.database_id }, properties: { Size: { number: {} } } as never }), 'must have a title property');
    await expectRefused(client.dataSources.create({ parent: { database_id: facts.ids.projectsDataSource }, properties: { Name: { title: {} } } }), 'Could not find database', 404);
    await client.databases.update({ database_id: parent.database_id, in_trash: true });
    await expectRefused(client.dataSources.create({ parent: { database_id: parent.database_id }, properties: { Name: { title: {} } } }), "Can't edit block that is archived");
    await expectRefused(updateSchema(source, { Size: { number: {} } }), "Can't edit block that is archived");
  });

  it('keeps exactly one title and unique names', async () => {
    const source = await newDataSource({ Name: { title: {} }, Notes: { rich_text: {} } });
    await expectRefused(updateSchema(source, { Other: { title: {} } }), 'only one title property');
    await expectRefused(updateSchema(source, { Name: { rich_text: {} } }), 'must have a title property');
    await expectRefused(updateSchema(source, { Name: null }), 'The title property cannot be removed.');
    await expectRefused(updateSchema(source, { Notes: { name: 'Name' } }), 'A property named Name already exists.');
    await expectRefused(updateSchema(source, { Missing: null }), 'Missing is not a property that exists.');
    await updateSchema(source, { Notes: { name: 'Remarks' } });
  });
});
