import { collectPaginatedAPI, isFullBlock, isFullPage } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { EmulatorAdminClient } from './admin-client';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { richWorkspace } from './fixtures/rich-workspace';
import { failure, richTextOf, sdkClient, startTestEmulator, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
useTestEmulator((started) => (emulator = started), 'data-and-clock');

const MINUTE_ALIGNED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/;

async function lastEdited(pageId: string): Promise<string> {
  const page = await sdkClient(emulator).pages.retrieve({ page_id: pageId });
  return isFullPage(page) ? page.last_edited_time : '';
}

describe('request counters', () => {
  it('counts by route template, method and status, including errors and 404s', async () => {
    emulator.admin.resetCounts();
    const client = sdkClient(emulator);
    await client.pages.retrieve({ page_id: facts.ids.home });
    await client.pages.retrieve({ page_id: facts.ids.childPages[0] });
    await failure(client.pages.retrieve({ page_id: facts.ids.unsharedPage }));
    await client.blocks.children.list({ block_id: facts.ids.home });
    await fetch(`${emulator.url}/v1/nope`, { headers: { 'notion-version': '2026-03-11' } });
    const counts = emulator.admin.requestCounts();
    expect(counts.byRoute['GET /v1/pages/{id}']).toEqual({ total: 3, byStatus: { '200': 2, '404': 1 } });
    expect(counts.byRoute['GET /v1/blocks/{id}/children']).toEqual({ total: 1, byStatus: { '200': 1 } });
    expect(counts.byRoute['GET (unmatched)']).toEqual({ total: 1, byStatus: { '400': 1 } });
    expect(counts.total).toBe(5);
    expect(counts.byStatus).toEqual({ '200': 3, '404': 1, '400': 1 });
    emulator.admin.resetCounts();
    expect(emulator.admin.requestCounts().total).toBe(0);
  });
});

describe('timestamps', () => {
  it('rounds created_time and last_edited_time down to the minute and credits the bot', async () => {
    const client = sdkClient(emulator);
    const page = await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Stamped') } } });
    if (!isFullPage(page)) throw new Error('partial');
    expect(page.created_time).toMatch(MINUTE_ALIGNED);
    expect(page.last_edited_time).toMatch(MINUTE_ALIGNED);
    expect(Date.now() - Date.parse(page.created_time)).toBeLessThan(61_000);
    expect(page.created_by).toEqual({ object: 'user', id: facts.users.fullBot });
    const block = (await client.blocks.children.append({ block_id: page.id, children: [{ divider: {} }] })).results[0];
    expect(block && isFullBlock(block) && block.created_time).toMatch(MINUTE_ALIGNED);
    expect(block && isFullBlock(block) && block.last_edited_by.id).toBe(facts.users.fullBot);
  });
});

describe('in-process admin edits (as a user in the Notion app)', () => {
  it('editPage changes properties and bumps last_edited_time by the owner', async () => {
    const before = await lastEdited(facts.ids.childPages[1]);
    emulator.admin.setClockOffsetMs(5 * 60_000);
    emulator.admin.editPage(facts.ids.childPages[1], { title: 'Level 2 (renamed)' });
    const page = await sdkClient(emulator).pages.retrieve({ page_id: facts.ids.childPages[1] });
    if (!isFullPage(page)) throw new Error('partial');
    expect(page.last_edited_time > before).toBe(true);
    expect(page.last_edited_time).toMatch(MINUTE_ALIGNED);
    expect(page.last_edited_by.id).toBe(facts.users.owner);
    expect(page.url).toMatch(/^https:\/\/www\.notion\.so\/Level-2-renamed-[0-9a-f]{32}$/);
  });

  it('touchPage, appendBlocks, updateBlock and deletePage behave like app edits', async () => {
    const admin = emulator.admin;
    admin.setClockOffsetMs(10 * 60_000);
    admin.touchPage(facts.ids.childPages[2]);
    expect(await lastEdited(facts.ids.childPages[2])).toBe(new Date(Math.floor(Date.parse(admin.now()) / 60_000) * 60_000).toISOString());
    const ids = admin.appendBlocks(facts.ids.childPages[2], [{ paragraph: { rich_text: richTextOf('Added in the app') } }]);
    expect(ids).toHaveLength(1);
    admin.updateBlock(ids[0] ?? '', { paragraph: { rich_text: richTextOf('Edited in the app') } });
    const block = await sdkClient(emulator).blocks.retrieve({ block_id: ids[0] ?? '' });
    expect(isFullBlock(block) && block.type === 'paragraph' && block.paragraph.rich_text[0]?.plain_text).toBe('Edited in the app');
    admin.deletePage(facts.ids.childPages[3]);
    const children = await collectPaginatedAPI(sdkClient(emulator).blocks.children.list, { block_id: facts.ids.childPages[2] });
    expect(children.map((child) => child.id)).not.toContain(facts.ids.childPages[3]);
    expect(await sdkClient(emulator).pages.retrieve({ page_id: facts.ids.childPages[3] })).toMatchObject({ in_trash: true });
  });

  it('reset() restores the workspace loaded at start', async () => {
    await sdkClient(emulator).pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Temporary') } } });
    emulator.admin.reset();
    const titles = JSON.stringify(await collectPaginatedAPI(sdkClient(emulator).blocks.children.list, { block_id: facts.ids.home }));
    expect(titles).not.toContain('Temporary');
  });
});

describe('load and dump', () => {
  it('round-trips the workspace, including API writes and uploaded bytes', async () => {
    const client = sdkClient(emulator);
    const page = await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Persisted') } }, children: [{ paragraph: { rich_text: richTextOf('body') } }] });
    const upload = await client.fileUploads.create({ filename: 'a.txt' });
    await client.fileUploads.send({ file_upload_id: upload.id, file: { data: 'uploaded bytes', filename: 'a.txt' } });
    await client.blocks.children.append({ block_id: page.id, children: [{ file: { file_upload: { id: upload.id } } }] });
    const dumped = emulator.admin.dump();
    expect(JSON.parse(JSON.stringify(dumped))).toEqual(dumped);

    const other = await startTestEmulator({ workspace: richWorkspace() });
    try {
      other.admin.load(dumped);
      expect(other.admin.dump()).toEqual(dumped);
      const copy = sdkClient(other);
      const children = await collectPaginatedAPI(copy.blocks.children.list, { block_id: page.id });
      const file = children.find((block) => isFullBlock(block) && block.type === 'file');
      const url = file && isFullBlock(file) && file.type === 'file' && file.file.type === 'file' ? file.file.file.url : '';
      expect(await (await fetch(url)).text()).toBe('uploaded bytes');
    } finally {
      await other.close();
    }
  });
});

describe('admin HTTP API and client', () => {
  it('exposes the same operations over /__admin without auth', async () => {
    const admin = new EmulatorAdminClient(emulator.url);
    await admin.resetCounts();
    await sdkClient(emulator).users.me({});
    expect((await admin.requestCounts()).byRoute['GET /v1/users/me']?.total).toBe(1);
    expect(await admin.tokens()).toMatchObject({ full: emulator.tokens.full, personal: emulator.tokens.personal });
    await admin.setClockOffsetMs(HOUR_MS);
    expect(Date.parse(await admin.now()) - Date.now()).toBeGreaterThan(HOUR_MS - 5000);
    await admin.setClockOffsetMs(0);
    await admin.setQueryRowCap(10);
    expect((await sdkClient(emulator).dataSources.query({ data_source_id: facts.ids.tasksDataSource })).results).toHaveLength(10);
    await admin.setQueryRowCap(10_000);
    await admin.omitFromSearch([facts.ids.home]);
    expect((await collectPaginatedAPI(sdkClient(emulator).search, {})).map((r) => r.id)).not.toContain(facts.ids.home);
    await admin.setFaults({ sequence: ['gateway_timeout'] });
    expect(await failure(sdkClient(emulator).users.me({}))).toMatchObject({ status: 504 });
    await admin.setRateLimit({ requestsPerSecond: 1, burst: 1 });
    await admin.setRateLimit(false);
    const [id] = await admin.appendBlocks(facts.ids.home, [{ divider: {} }]);
    await admin.updateBlock(id ?? '', { in_trash: false });
    await admin.editPage(facts.ids.home, { title: 'Home (edited over HTTP)' });
    await admin.touchPage(facts.ids.home);
    await admin.deletePage(facts.ids.childPages[3]);
    const dumped = await admin.dump();
    expect(dumped.pages.find((p) => p.id === facts.ids.childPages[3])?.inTrash).toBe(true);
    await admin.reset();
    await admin.load(dumped);
    await expect(admin.editPage('not-an-id', {})).rejects.toThrow(/not a Notion id/);
    expect((await fetch(`${emulator.url}/__admin/nope`)).status).toBe(404);
  });
});

const HOUR_MS = 3_600_000;
