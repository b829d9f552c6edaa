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

describe('status properties', () => {
  const schemaOf = async (dataSourceId: string) =>
    (await client.dataSources.retrieve({ data_source_id: dataSourceId })) as unknown as { properties: Record<string, Record<string, unknown>> };
  type StatusConfig = { options: { id: string; name: string }[]; groups: { name: string; color: string; option_ids: string[] }[] };

  it('puts custom options in "To-do" of the three groups; without options keeps the defaults', async () => {
    const id = await newDataSource({ Name: { title: {} }, Stage: { status: { options: [{ name: 'Idea' }, { name: 'Shipped', color: 'green' }] } }, Plain: { status: {} } });
    const schema = await schemaOf(id);
    const stage = schema.properties['Stage']?.['status'] as StatusConfig;
    expect(stage.options.map((option) => option.name)).toEqual(['Idea', 'Shipped']);
    expect(stage.groups.map(({ name, color }) => [name, color])).toEqual([['To-do', 'gray'], ['In progress', 'blue'], ['Complete', 'green']]);
    expect(stage.groups.map((group) => group.option_ids)).toEqual([stage.options.map((option) => option.id), [], []]);
    const plain = schema.properties['Plain']?.['status'] as StatusConfig;
    expect(plain.options.map((option) => option.name)).toEqual(['Not started', 'In progress', 'Done']);
    expect(plain.groups.map((group) => group.option_ids)).toEqual(plain.options.map((option) => [option.id]));
  });

  it('refuses groups in a request: the API has no way to set them', async () => {
    await expectRefused(
      createDatabase({ Name: { title: {} }, Stage: { status: { options: [{ name: 'Idea' }], groups: [{ name: 'To-do', option_ids: [] }] } } }),
      'body.initial_data_source.properties.Stage.status.groups should be not present',
    );
  });

  it('cannot rename an existing status property or change its options; a new one can be added', async () => {
    const id = await newDataSource({ Name: { title: {} }, Stage: { status: { options: [{ name: 'Idea' }] } } });
    await expectRefused(updateSchema(id, { Stage: { status: { options: [{ name: 'Idea' }, { name: 'Later' }] } } }), 'the options of a status property cannot be updated');
    await expectRefused(updateSchema(id, { Stage: { name: 'Phase' } }), 'the name of a status property cannot be updated');
    await updateSchema(id, { Stage: { status: {} }, Other: { status: { options: [{ name: 'Open' }] } } });
    const schema = await schemaOf(id);
    expect((schema.properties['Stage']?.['status'] as StatusConfig).options.map((option) => option.name)).toEqual(['Idea']);
    expect((schema.properties['Other']?.['status'] as StatusConfig).groups[0]?.option_ids).toHaveLength(1);
  });
});

describe('verification properties', () => {
  it('can be created (empty config only); its values stay unverified and cannot be set outside a wiki', async () => {
    await expectRefused(createDatabase({ Name: { title: {} }, Check: { verification: { state: 'verified' } } }), 'Check.verification should be an empty object');
    const id = await newDataSource({ Name: { title: {} }, Check: { verification: {} } });
    const schema = (await client.dataSources.retrieve({ data_source_id: id })) as unknown as { properties: Record<string, { type: string }> };
    expect(schema.properties['Check']?.type).toBe('verification');
    const row = await client.pages.create({ parent: { data_source_id: id }, properties: { Name: { title: richTextOf('Row') } } });
    expect(row).toMatchObject({ properties: { Check: { type: 'verification', verification: { state: 'unverified', date: null, verified_by: null } } } });
    await expectRefused(
      client.pages.update({ page_id: row.id, properties: { Check: { verification: { state: 'verified' } } } as never }),
      'verification can only be set on pages of a wiki',
    );
  });
});
