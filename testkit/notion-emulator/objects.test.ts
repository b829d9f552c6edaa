import { isFullBlock, isFullDatabase, isFullDataSource, isFullPage } from '@notionhq/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { failure, richTextOf, sdkClient, startTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterEach(() => emulator.admin.reset());
afterAll(() => emulator.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('object shapes (2026-03-11)', () => {
  it('page objects look like Notion’s', async () => {
    const page = await sdkClient(emulator).pages.retrieve({ page_id: facts.ids.home });
    expect(isFullPage(page)).toBe(true);
    expect(Object.keys(page)).toEqual([
      'object', 'id', 'created_time', 'last_edited_time', 'created_by', 'last_edited_by', 'cover', 'icon', 'parent',
      'in_trash', 'is_archived', 'is_locked', 'properties', 'url', 'public_url', 'request_id',
    ]);
    expect(page).toMatchObject({
      object: 'page',
      id: expect.stringMatching(UUID),
      parent: { type: 'workspace', workspace: true },
      icon: { type: 'emoji', emoji: '🏠' },
      cover: { type: 'external' },
      properties: { title: { id: 'title', type: 'title', title: [{ type: 'text', plain_text: 'Home' }] } },
      url: expect.stringMatching(/^https:\/\/www\.notion\.so\/Home-[0-9a-f]{32}$/),
      public_url: null,
    });
    const row = await sdkClient(emulator).pages.retrieve({ page_id: facts.ids.megaProjectRow });
    expect(row).toMatchObject({ parent: { type: 'data_source_id', data_source_id: facts.ids.projectsDataSource, database_id: facts.ids.projectsDatabase } });
    const child = await sdkClient(emulator).pages.retrieve({ page_id: facts.ids.childPages[0] });
    expect(child).toMatchObject({ parent: { type: 'page_id', page_id: facts.ids.home } });
  });

  it('honours filter_properties', async () => {
    const full = await sdkClient(emulator).pages.retrieve({ page_id: facts.ids.megaProjectRow });
    const budgetId = isFullPage(full) ? full.properties['Budget']?.id ?? '' : '';
    const page = await sdkClient(emulator).pages.retrieve({ page_id: facts.ids.megaProjectRow, filter_properties: [budgetId, 'title'] });
    expect(isFullPage(page) && Object.keys(page.properties).sort()).toEqual(['Budget', 'Name']);
  });

  it('block objects carry parent, has_children and the type payload', async () => {
    const block = await sdkClient(emulator).blocks.retrieve({ block_id: facts.ids.annotatedParagraphBlock });
    expect(Object.keys(block)).toEqual([
      'object', 'id', 'parent', 'created_time', 'last_edited_time', 'created_by', 'last_edited_by', 'has_children', 'in_trash', 'type', 'paragraph', 'request_id',
    ]);
    expect(block).toMatchObject({ parent: { type: 'page_id', page_id: facts.ids.home }, has_children: false, type: 'paragraph' });
    const richText = isFullBlock(block) && block.type === 'paragraph' ? block.paragraph.rich_text : [];
    expect(richText.find((item) => item.annotations.bold)).toBeDefined();
    expect(richText.find((item) => item.href === 'https://example.com/docs')).toBeDefined();
    expect(richText.filter((item) => item.type === 'mention').map((item) => (item.type === 'mention' ? item.mention.type : '')).sort()).toEqual(
      ['custom_emoji', 'database', 'date', 'link_mention', 'link_preview', 'page', 'template_mention', 'template_mention', 'user'],
    );
  });

  it('database containers list their data sources; data sources carry the schema', async () => {
    const client = sdkClient(emulator);
    const database = await client.databases.retrieve({ database_id: facts.ids.tasksDatabase });
    expect(isFullDatabase(database)).toBe(true);
    expect(database).toMatchObject({
      object: 'database',
      is_inline: true,
      parent: { type: 'page_id', page_id: facts.ids.home },
      data_sources: [{ id: facts.ids.tasksDataSource, name: 'Tasks' }, { id: facts.ids.archiveDataSource, name: 'Archived tasks' }],
    });
    const source = await client.dataSources.retrieve({ data_source_id: facts.ids.projectsDataSource });
    expect(isFullDataSource(source)).toBe(true);
    expect(source).toMatchObject({ object: 'data_source', parent: { type: 'database_id', database_id: facts.ids.projectsDatabase }, database_parent: { type: 'page_id', page_id: facts.ids.home } });
    const properties = (source as { properties: Record<string, Record<string, unknown>> }).properties;
    expect(properties['Name']).toEqual({ id: 'title', name: 'Name', description: null, type: 'title', title: {} });
    expect(properties['Budget']?.['id']).toMatch(/^(%[0-9A-F]{2}|[A-Za-z0-9_~-])+$/);
    expect(properties['Tasks']).toMatchObject({ type: 'relation', relation: { data_source_id: facts.ids.tasksDataSource, database_id: facts.ids.tasksDatabase, type: 'dual_property', dual_property: { synced_property_name: 'Project' } } });
    expect(properties['Task count']).toMatchObject({ type: 'rollup', rollup: { function: 'count', relation_property_name: 'Tasks', rollup_property_name: 'Name' } });
    expect(properties['Status']).toMatchObject({ status: { options: expect.any(Array), groups: expect.any(Array) } });
  });

  it('comments and users look like Notion’s', async () => {
    const client = sdkClient(emulator);
    const comments = await client.comments.list({ block_id: facts.ids.home });
    expect(comments.results[0]).toMatchObject({
      object: 'comment',
      parent: { type: 'page_id', page_id: facts.ids.home },
      discussion_id: expect.stringMatching(UUID),
      created_by: { object: 'user', id: facts.users.owner },
      display_name: { type: 'user', resolved_name: 'Ada Lovelace' },
    });
    const users = await client.users.list({});
    expect(users).toMatchObject({ object: 'list', type: 'user', user: {} });
    expect(users.results.find((user) => user.id === facts.users.fullBot)).toMatchObject({ type: 'bot', bot: { owner: { type: 'workspace', workspace: true } } });
    expect(users.results.find((user) => user.id === facts.users.automationBot)).toMatchObject({ type: 'bot', bot: {} });
    expect(users.results.some((user) => user.id === facts.users.guest)).toBe(false);
    expect(await client.users.retrieve({ user_id: facts.users.guest })).toMatchObject({ name: 'Guest Reviewer' });
  });
});

describe('writes', () => {
  it('creates databases with an initial data source, and adds a second data source with a two-way relation', async () => {
    const client = sdkClient(emulator);
    const database = await client.databases.create({
      parent: { type: 'page_id', page_id: facts.ids.home },
      title: richTextOf('Restored'),
      is_inline: true,
      initial_data_source: { properties: { Title: { title: {} }, Size: { number: { format: 'number' } } } },
    });
    expect(database).toMatchObject({ object: 'database', is_inline: true, data_sources: [{ name: 'Restored' }] });
    const firstId = isFullDatabase(database) ? database.data_sources[0]?.id ?? '' : '';
    const second = await client.dataSources.create({ parent: { database_id: database.id }, title: richTextOf('Second'), properties: { Name: { title: {} } } });
    const updated = await client.dataSources.update({
      data_source_id: second.id,
      properties: { Link: { relation: { data_source_id: firstId, dual_property: { synced_property_name: 'Back link' } } }, Name: { name: 'Label' } },
    });
    expect(Object.keys((updated as { properties: object }).properties)).toEqual(['Label', 'Link']);
    const first = await client.dataSources.retrieve({ data_source_id: firstId });
    expect((first as { properties: Record<string, unknown> }).properties['Back link']).toMatchObject({ type: 'relation', relation: { data_source_id: second.id } });
    expect(await client.databases.retrieve({ database_id: database.id })).toMatchObject({ data_sources: [{ id: firstId }, { id: second.id, name: 'Second' }] });
    const children = await client.blocks.children.list({ block_id: facts.ids.home, page_size: 100, start_cursor: undefined });
    expect(children.results.length).toBeGreaterThan(0);
  });

  it('updates and deletes blocks; trashed blocks cannot be edited', async () => {
    const client = sdkClient(emulator);
    const [block] = (await client.blocks.children.append({ block_id: facts.ids.childPages[1], children: [{ to_do: { rich_text: richTextOf('Task'), checked: false } }] })).results;
    const updated = await client.blocks.update({ block_id: block?.id ?? '', to_do: { checked: true } });
    expect(updated).toMatchObject({ type: 'to_do', to_do: { checked: true, rich_text: [{ plain_text: 'Task' }] } });
    expect(await failure(client.blocks.update({ block_id: block?.id ?? '', paragraph: { rich_text: [] } }))).toMatchObject({ code: 'validation_error' });
    expect(await client.blocks.delete({ block_id: block?.id ?? '' })).toMatchObject({ in_trash: true });
    const children = await client.blocks.children.list({ block_id: facts.ids.childPages[1] });
    expect(children.results.map((child) => child.id)).not.toContain(block?.id);
    const error = await failure(client.blocks.update({ block_id: block?.id ?? '', to_do: { checked: false } }));
    expect(error.message).toBe("Can't edit block that is archived. You must unarchive the block before editing.");
  });

  it('creates pages at a position and comments in a discussion', async () => {
    const client = sdkClient(emulator);
    const parent = await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Parent') } }, children: [{ paragraph: { rich_text: richTextOf('first') } }] });
    const anchor = (await client.blocks.children.list({ block_id: parent.id })).results[0]?.id ?? '';
    const child = await client.pages.create({ parent: { page_id: parent.id }, properties: { title: { title: richTextOf('At start') } }, position: { type: 'page_start' } });
    const after = await client.pages.create({ parent: { page_id: parent.id }, properties: { title: { title: richTextOf('After first') } }, position: { type: 'after_block', after_block: { id: anchor } } });
    expect((await client.blocks.children.list({ block_id: parent.id })).results.map((b) => b.id)).toEqual([child.id, anchor, after.id]);
    const comment = await client.comments.create({ parent: { page_id: parent.id }, rich_text: richTextOf('First') });
    const reply = await client.comments.create({ discussion_id: (comment as { discussion_id: string }).discussion_id, rich_text: richTextOf('Reply') });
    expect(reply).toMatchObject({ discussion_id: (comment as { discussion_id: string }).discussion_id, display_name: { type: 'integration', resolved_name: 'Kloset Backup' } });
    expect((await client.comments.list({ block_id: parent.id })).results).toHaveLength(2);
    const internal = await failure(client.pages.create({ parent: { workspace: true }, properties: { title: { title: richTextOf('Top') } } }));
    expect(internal).toMatchObject({ status: 400 });
    const personal = await sdkClient(emulator, 'personal').pages.create({ parent: { workspace: true }, properties: { title: { title: richTextOf('Top') } } });
    expect(personal).toMatchObject({ parent: { type: 'workspace', workspace: true } });
  });

  it('answers endpoints it does not model with 400 invalid_request and unknown paths with invalid_request_url', async () => {
    const client = sdkClient(emulator);
    expect(await failure(client.pages.move({ page_id: facts.ids.childPages[0], parent: { page_id: facts.ids.home } }))).toMatchObject({ code: 'invalid_request' });
    expect(await failure(client.request({ path: 'nothing/here', method: 'get' }))).toMatchObject({ code: 'invalid_request_url', status: 400 });
    expect(await failure(client.pages.retrieve({ page_id: 'not-a-uuid' }))).toMatchObject({ code: 'validation_error' });
  });
});
