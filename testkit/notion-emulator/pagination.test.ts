import { collectPaginatedAPI, iteratePaginatedAPI } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { failure, sdkClient, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
useTestEmulator((started) => (emulator = started), 'none');

describe('pagination', () => {
  it('pages block children 100 at a time with opaque cursors and the list envelope', async () => {
    const client = sdkClient(emulator);
    const first = await client.blocks.children.list({ block_id: facts.ids.longPage });
    expect(first).toMatchObject({ object: 'list', type: 'block', block: {}, has_more: true });
    expect(first.results).toHaveLength(100);
    expect(typeof first.next_cursor).toBe('string');
    const second = await client.blocks.children.list({ block_id: facts.ids.longPage, start_cursor: first.next_cursor ?? undefined });
    const third = await client.blocks.children.list({ block_id: facts.ids.longPage, start_cursor: second.next_cursor ?? undefined });
    expect(third.results).toHaveLength(50);
    expect(third).toMatchObject({ has_more: false, next_cursor: null });
  });

  it('works with iteratePaginatedAPI and collectPaginatedAPI, with smaller pages', async () => {
    const client = sdkClient(emulator);
    emulator.admin.resetCounts();
    const all = await collectPaginatedAPI(client.blocks.children.list, { block_id: facts.ids.longPage, page_size: 30 });
    expect(all).toHaveLength(facts.longPageBlockCount);
    expect(new Set(all.map((block) => block.id)).size).toBe(facts.longPageBlockCount);
    expect(emulator.admin.requestCounts().byRoute['GET /v1/blocks/{id}/children']?.total).toBe(9);
    let count = 0;
    for await (const row of iteratePaginatedAPI(client.dataSources.query, { data_source_id: facts.ids.tasksDataSource, page_size: 50 })) {
      if (row.object === 'page') count += 1;
    }
    expect(count).toBe(facts.tasksRowCount);
  });

  it('defaults page_size to 100', async () => {
    const rows = await sdkClient(emulator).dataSources.query({ data_source_id: facts.ids.tasksDataSource });
    expect(rows.results).toHaveLength(100);
    expect(rows.has_more).toBe(true);
  });

  it('rejects page_size over 100 in query strings and bodies', async () => {
    const client = sdkClient(emulator);
    const list = await failure(client.blocks.children.list({ block_id: facts.ids.longPage, page_size: 101 }));
    expect(list).toMatchObject({ status: 400, code: 'validation_error' });
    expect(list.message).toContain('page_size should be ≤ `100`, instead was `101`');
    const search = await failure(client.search({ page_size: 500 }));
    expect(search).toMatchObject({ status: 400, code: 'validation_error' });
    expect(search.message).toContain('body.page_size should be ≤ `100`, instead was `500`.');
  });

  it('rejects a malformed cursor', async () => {
    const error = await failure(sdkClient(emulator).users.list({ start_cursor: 'not-a-cursor' }));
    expect(error).toMatchObject({ status: 400, code: 'validation_error' });
  });

  it('pages users and search results', async () => {
    const client = sdkClient(emulator);
    const users = await collectPaginatedAPI(client.users.list, { page_size: 7 });
    expect(users).toHaveLength(facts.listedUsers);
    const pages = await collectPaginatedAPI(client.search, { filter: { property: 'object', value: 'page' }, page_size: 40 });
    expect(pages.every((item) => item.object === 'page')).toBe(true);
    expect(new Set(pages.map((page) => page.id)).size).toBe(pages.length);
  });
});
