import { collectPaginatedAPI, isFullBlock, isFullPage } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { failure, sdkClient, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
useTestEmulator((started) => (emulator = started), 'none');

describe('sharing', () => {
  it('hides unshared pages behind 404 object_not_found with Notion’s message', async () => {
    const error = await failure(sdkClient(emulator).pages.retrieve({ page_id: facts.ids.unsharedPage }));
    expect(error).toMatchObject({ status: 404, code: 'object_not_found' });
    expect(error.message).toBe(
      `Could not find page with ID: ${facts.ids.unsharedPage}. Make sure the relevant pages and databases are shared with your integration.`,
    );
    const blocks = await failure(sdkClient(emulator).blocks.children.list({ block_id: facts.ids.unsharedPage }));
    expect(blocks.message).toContain('Could not find block with ID');
  });

  it('shows a page shared without its parent, but not the parent', async () => {
    const client = sdkClient(emulator);
    const orphan = await client.pages.retrieve({ page_id: facts.ids.orphanPage });
    expect(isFullPage(orphan) && orphan.parent).toEqual({ type: 'page_id', page_id: facts.ids.orphanParentPage });
    expect(await failure(client.pages.retrieve({ page_id: facts.ids.orphanParentPage }))).toMatchObject({ code: 'object_not_found' });
    expect(isFullPage(await client.pages.retrieve({ page_id: facts.ids.orphanChildPage }))).toBe(true);
  });

  it('shows descendants of shared roots: child pages, databases, data sources, rows', async () => {
    const client = sdkClient(emulator);
    for (const id of facts.ids.childPages) expect(isFullPage(await client.pages.retrieve({ page_id: id }))).toBe(true);
    expect(await client.databases.retrieve({ database_id: facts.ids.tasksDatabase })).toMatchObject({ object: 'database' });
    expect(await client.dataSources.retrieve({ data_source_id: facts.ids.archiveDataSource })).toMatchObject({ object: 'data_source' });
  });

  it('gives a token with nothing shared an empty search and 404s', async () => {
    const client = sdkClient(emulator, 'noAccess');
    expect((await client.search({})).results).toEqual([]);
    expect(await failure(client.pages.retrieve({ page_id: facts.ids.home }))).toMatchObject({ code: 'object_not_found' });
  });

  it('answers 404 for a linked database view', async () => {
    const client = sdkClient(emulator);
    const block = await client.blocks.retrieve({ block_id: facts.ids.linkedDatabaseViewBlock });
    expect(isFullBlock(block) && block.type).toBe('child_database');
    const error = await failure(client.databases.retrieve({ database_id: facts.ids.linkedDatabaseViewBlock }));
    expect(error).toMatchObject({ status: 404, code: 'object_not_found' });
  });
});

describe('search', () => {
  it('returns visible pages and data sources, never the omitted page or unshared content', async () => {
    const client = sdkClient(emulator);
    const results = await collectPaginatedAPI(client.search, {});
    const ids = new Set(results.map((item) => item.id));
    expect(ids.has(facts.ids.home)).toBe(true);
    expect(ids.has(facts.ids.orphanPage)).toBe(true);
    expect(ids.has(facts.ids.tasksDataSource)).toBe(true);
    expect(ids.has(facts.ids.archiveDataSource)).toBe(true);
    expect(ids.has(facts.ids.searchOmittedPage)).toBe(false);
    expect(ids.has(facts.ids.unsharedPage)).toBe(false);
    expect(ids.has(facts.ids.trashedPage)).toBe(false);
    // ...yet the omitted page is reachable by walking Home.
    const children = await collectPaginatedAPI(client.blocks.children.list, { block_id: facts.ids.home });
    expect(children.some((child) => child.id === facts.ids.searchOmittedPage)).toBe(true);
  });

  it('filters by object and query, and sorts by last_edited_time', async () => {
    const client = sdkClient(emulator);
    const sources = await client.search({ filter: { property: 'object', value: 'data_source' } });
    expect(sources.results.map((item) => item.object)).toEqual(['data_source', 'data_source', 'data_source']);
    const level = await client.search({ query: 'level', filter: { property: 'object', value: 'page' } });
    expect(level.results).toHaveLength(4);
    const ascending = await collectPaginatedAPI(client.search, { sort: { timestamp: 'last_edited_time', direction: 'ascending' } });
    const times = ascending.map((item) => ('last_edited_time' in item ? item.last_edited_time : ''));
    expect([...times].sort()).toEqual(times);
  });

  it('can be told to omit more ids', async () => {
    emulator.admin.omitFromSearch([facts.ids.orphanPage]);
    const ids = (await collectPaginatedAPI(sdkClient(emulator).search, {})).map((item) => item.id);
    expect(ids).not.toContain(facts.ids.orphanPage);
    emulator.admin.reset();
  });

  it('treats sub-pages of a trashed page as trashed', async () => {
    const client = sdkClient(emulator);
    await client.pages.update({ page_id: facts.ids.childPages[0], in_trash: true });
    expect(await client.pages.retrieve({ page_id: facts.ids.childPages[2] })).toMatchObject({ in_trash: true });
    const ids = (await collectPaginatedAPI(client.search, { query: 'level' })).map((item) => item.id);
    expect(ids).toEqual([]);
    const trashed = await collectPaginatedAPI(client.search, { query: 'level', filter: { in_trash: true } });
    expect(trashed).toHaveLength(4);
    emulator.admin.reset();
  });

  it('lets a personal token find pages outside the shared roots', async () => {
    const ids = (await collectPaginatedAPI(sdkClient(emulator, 'personal').search, { query: 'Unshared' })).map((item) => item.id);
    expect(ids).toContain(facts.ids.unsharedPage);
  });
});

describe('synced blocks and pseudo blocks', () => {
  it('lists the original’s children under a synced copy', async () => {
    const client = sdkClient(emulator);
    const level1 = await collectPaginatedAPI(client.blocks.children.list, { block_id: facts.ids.childPages[0] });
    const copy = level1.find((block) => isFullBlock(block) && block.type === 'synced_block');
    expect(copy && isFullBlock(copy) && copy.type === 'synced_block' && copy.synced_block.synced_from).toEqual({ type: 'block_id', block_id: facts.ids.syncedOriginalBlock });
    expect(copy && isFullBlock(copy) && copy.has_children).toBe(true);
    const copyChildren = await collectPaginatedAPI(client.blocks.children.list, { block_id: copy!.id });
    const originalChildren = await collectPaginatedAPI(client.blocks.children.list, { block_id: facts.ids.syncedOriginalBlock });
    expect(copyChildren.map((b) => b.id)).toEqual(originalChildren.map((b) => b.id));
  });

  it('uses the page id for child_page blocks and the database id for child_database blocks', async () => {
    const client = sdkClient(emulator);
    const childPage = await client.blocks.retrieve({ block_id: facts.ids.childPages[0] });
    expect(isFullBlock(childPage) && childPage.type === 'child_page' && childPage.child_page.title).toBe('Level 1');
    const childDatabase = await client.blocks.retrieve({ block_id: facts.ids.tasksDatabase });
    expect(isFullBlock(childDatabase) && childDatabase.type === 'child_database' && childDatabase.child_database.title).toBe('Tasks');
    const unsupported = (await collectPaginatedAPI(client.blocks.children.list, { block_id: facts.ids.home })).filter((b) => isFullBlock(b) && b.type === 'unsupported');
    expect(unsupported.map((b) => (isFullBlock(b) && b.type === 'unsupported' ? b.unsupported.block_type : ''))).toEqual(['form', 'button']);
  });

  it('lists only unresolved comments', async () => {
    const client = sdkClient(emulator);
    const home = await client.comments.list({ block_id: facts.ids.home });
    expect(home).toMatchObject({ object: 'list', type: 'comment' });
    expect(home.results).toHaveLength(2);
    expect(new Set(home.results.map((c) => c.discussion_id)).size).toBe(1);
    const onBlock = await client.comments.list({ block_id: facts.ids.annotatedParagraphBlock });
    expect(onBlock.results[0]).toMatchObject({ parent: { type: 'block_id', block_id: facts.ids.annotatedParagraphBlock } });
    expect(onBlock.results[0]?.attachments?.[0]).toMatchObject({ category: 'image', file: { url: expect.stringContaining('/__files/') } });
  });
});
