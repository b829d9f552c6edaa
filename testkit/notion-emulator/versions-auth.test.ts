import { APIResponseError, isFullBlock, isFullPage, UnknownHTTPResponseError } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { failure, richTextOf, sdkClient, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
useTestEmulator((started) => (emulator = started), 'none');

describe('versions', () => {
  it('rejects a request without Notion-Version with 400 missing_version (unknown to the SDK enum)', async () => {
    const error = await failure(sdkClient(emulator, 'full', '').users.me({}));
    expect(error).toBeInstanceOf(UnknownHTTPResponseError);
    expect(error['status']).toBe(400);
    expect(JSON.parse(String(error['body']))).toMatchObject({ object: 'error', status: 400, code: 'missing_version' });

    const raw = await fetch(`${emulator.url}/v1/users/me`, { headers: { authorization: `Bearer ${emulator.tokens.full}` } });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { code: string }).code).toBe('missing_version');
  });

  it('rejects an unknown version with 400 validation_error', async () => {
    const error = await failure(sdkClient(emulator, 'full', '2022-06-28').users.me({}));
    expect(error).toBeInstanceOf(APIResponseError);
    expect(error).toMatchObject({ status: 400, code: 'validation_error' });
  });

  it('2026-03-11 responses carry in_trash only and meeting_notes', async () => {
    const client = sdkClient(emulator, 'full', '2026-03-11');
    const page = await client.pages.retrieve({ page_id: facts.ids.home });
    expect(page).toHaveProperty('in_trash', false);
    expect(page).not.toHaveProperty('archived');
    const block = await client.blocks.retrieve({ block_id: facts.ids.meetingNotesBlock });
    expect(isFullBlock(block) && block.type).toBe('meeting_notes');
    expect(block).not.toHaveProperty('archived');
  });

  it('2025-09-03 responses carry archived and in_trash, and transcription', async () => {
    const client = sdkClient(emulator, 'full', '2025-09-03');
    const page = await client.pages.retrieve({ page_id: facts.ids.home });
    expect(page).toMatchObject({ in_trash: false, archived: false });
    const block = await client.blocks.retrieve({ block_id: facts.ids.meetingNotesBlock });
    expect(isFullBlock(block) && block.type).toBe('transcription');
    expect(block).toHaveProperty('transcription.status', 'notes_ready');
    const database = await client.databases.retrieve({ database_id: facts.ids.tasksDatabase });
    expect(database).toMatchObject({ archived: false, in_trash: false });
  });

  it('append takes position in 2026-03-11 and rejects the flat after', async () => {
    const client = sdkClient(emulator, 'full', '2026-03-11');
    const parent = await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Positions') } } });
    const [first] = (await client.blocks.children.append({ block_id: parent.id, children: [{ paragraph: { rich_text: richTextOf('A') } }, { paragraph: { rich_text: richTextOf('C') } }] })).results;
    await client.blocks.children.append({ block_id: parent.id, children: [{ paragraph: { rich_text: richTextOf('B') } }], position: { type: 'after_block', after_block: { id: first?.id ?? '' } } });
    await client.blocks.children.append({ block_id: parent.id, children: [{ paragraph: { rich_text: richTextOf('Start') } }], position: { type: 'start' } });
    const texts = (await client.blocks.children.list({ block_id: parent.id })).results.map((b) => (isFullBlock(b) && b.type === 'paragraph' ? b.paragraph.rich_text[0]?.plain_text : ''));
    expect(texts).toEqual(['Start', 'A', 'B', 'C']);

    const error = await failure(client.blocks.children.append({ block_id: parent.id, children: [{ paragraph: { rich_text: richTextOf('X') } }], after: first?.id }));
    expect(error).toMatchObject({ status: 400, code: 'validation_error' });
    expect(error.message).toContain('body.after');
  });

  it('append takes the flat after in 2025-09-03', async () => {
    const client = sdkClient(emulator, 'full', '2025-09-03');
    const parent = await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('After') } } });
    const [first] = (await client.blocks.children.append({ block_id: parent.id, children: [{ paragraph: { rich_text: richTextOf('1') } }, { paragraph: { rich_text: richTextOf('3') } }] })).results;
    await client.blocks.children.append({ block_id: parent.id, children: [{ paragraph: { rich_text: richTextOf('2') } }], after: first?.id });
    const texts = (await client.blocks.children.list({ block_id: parent.id })).results.map((b) => (isFullBlock(b) && b.type === 'paragraph' ? b.paragraph.rich_text[0]?.plain_text : ''));
    expect(texts).toEqual(['1', '2', '3']);
  });

  it('2026-03-11 rejects archived in requests; in_trash works in both versions', async () => {
    const client = sdkClient(emulator, 'full', '2026-03-11');
    const page = await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Trash me') } } });
    expect(await failure(client.pages.update({ page_id: page.id, archived: true }))).toMatchObject({ code: 'validation_error' });
    expect(await client.pages.update({ page_id: page.id, in_trash: true })).toMatchObject({ in_trash: true });
    const old = sdkClient(emulator, 'full', '2025-09-03');
    expect(await old.pages.update({ page_id: page.id, archived: false })).toMatchObject({ in_trash: false, archived: false });
  });
});

describe('auth and capabilities', () => {
  it('answers an unknown or missing token with 401 unauthorized', async () => {
    const error = await failure(sdkClient(emulator, { secret: 'ntn_not_a_real_token' }).users.me({}));
    expect(error).toBeInstanceOf(APIResponseError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: 'API token is invalid.' });
    const raw = await fetch(`${emulator.url}/v1/users/me`, { headers: { 'notion-version': '2026-03-11' } });
    expect(raw.status).toBe(401);
  });

  it('gives the read-only token 403 restricted_resource on writes but lets it read', async () => {
    const client = sdkClient(emulator, 'readOnly');
    expect(isFullPage(await client.pages.retrieve({ page_id: facts.ids.home }))).toBe(true);
    const create = await failure(client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('No') } } }));
    expect(create).toMatchObject({ status: 403, code: 'restricted_resource' });
    const append = await failure(client.blocks.children.append({ block_id: facts.ids.home, children: [{ divider: {} }] }));
    expect(append).toMatchObject({ status: 403, code: 'restricted_resource' });
    const comment = await failure(client.comments.create({ parent: { page_id: facts.ids.home }, rich_text: richTextOf('No') }));
    expect(comment).toMatchObject({ status: 403, code: 'restricted_resource' });
    expect((await client.comments.list({ block_id: facts.ids.home })).results.length).toBeGreaterThan(0);
  });

  it('shows emails only with the "with email" capability', async () => {
    const withEmail = await sdkClient(emulator, 'full').users.retrieve({ user_id: facts.users.grace });
    expect(withEmail).toMatchObject({ type: 'person', person: { email: 'grace@example.com' } });
    const withoutEmail = await sdkClient(emulator, 'readOnly').users.retrieve({ user_id: facts.users.grace });
    expect(withoutEmail).toMatchObject({ type: 'person', person: {} });
    expect(withoutEmail).not.toHaveProperty('person.email');
  });

  it('returns the bot with owner, workspace and upload limit from users.me', async () => {
    const me = await sdkClient(emulator, 'full').users.me({});
    expect(me).toMatchObject({
      object: 'user',
      id: facts.users.fullBot,
      type: 'bot',
      bot: { owner: { type: 'workspace', workspace: true }, workspace_name: facts.workspaceName, workspace_id: facts.workspaceId },
    });
    expect(me).toHaveProperty('bot.workspace_limits.max_file_upload_size_in_bytes');
  });

  it('lets a personal access token see everything but not list users', async () => {
    const client = sdkClient(emulator, 'personal');
    expect(isFullPage(await client.pages.retrieve({ page_id: facts.ids.unsharedPage }))).toBe(true);
    expect(await failure(client.users.list({}))).toMatchObject({ status: 403, code: 'restricted_resource' });
    expect(await client.users.me({})).toMatchObject({ id: facts.users.owner, type: 'person' });
  });

  it('puts the request id in the error body and the x-notion-request-id header', async () => {
    const error = await failure(sdkClient(emulator).pages.retrieve({ page_id: facts.ids.unsharedPage }));
    const body = JSON.parse(String(error['body'])) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['object', 'status', 'code', 'message', 'request_id']);
    expect(body['request_id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(error['request_id']).toBe(body['request_id']);
    expect((error['headers'] as Headers).get('x-notion-request-id')).toBe(body['request_id']);
  });
});
