import type { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { RICH_CUSTOM_EMOJIS } from './fixtures/rich-custom-emojis';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { expectRefused, sdkClient, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

// GET /v1/custom_emojis ("List custom emojis"; SDK 5.26 customEmojis.list) and custom emoji icons, through the SDK.
let emulator: RunningEmulator;
let client: Client;
useTestEmulator((started) => {
  emulator = started;
  client = sdkClient(started);
});

const [kloset, parrot] = RICH_CUSTOM_EMOJIS;

describe('customEmojis.list', () => {
  it("lists the workspace's custom emojis as {id, name, url}, paginated", async () => {
    const all = await client.customEmojis.list({});
    expect(all).toEqual({ object: 'list', type: 'custom_emoji', results: RICH_CUSTOM_EMOJIS, has_more: false, next_cursor: null, request_id: expect.any(String) });
    const first = await client.customEmojis.list({ page_size: 2 });
    expect(first).toMatchObject({ has_more: true, results: RICH_CUSTOM_EMOJIS.slice(0, 2) });
    const rest = await client.customEmojis.list({ page_size: 2, start_cursor: first.next_cursor });
    expect(rest).toMatchObject({ has_more: false, next_cursor: null, results: RICH_CUSTOM_EMOJIS.slice(2) });
    await expectRefused(client.customEmojis.list({ page_size: 101 }), 'page_size should be ≤ `100`');
  });

  it('filters by exact name', async () => {
    expect((await client.customEmojis.list({ name: 'party-parrot' })).results).toEqual([parrot]);
    expect((await client.customEmojis.list({ name: 'party' })).results).toEqual([]);
    expect((await client.customEmojis.list({ name: ':party-parrot:' })).results).toEqual([]);
  });

  it('needs read content', async () => {
    const fixture = emulator.admin.dump();
    const base = fixture.tokens.find((token) => token.name === 'full');
    if (!base) throw new Error('no full token');
    fixture.tokens.push({ ...base, name: 'blind', secret: 'ntn_emulator_blind', capabilities: { ...base.capabilities, readContent: false } });
    emulator.admin.load(fixture);
    await expectRefused(sdkClient(emulator, { secret: 'ntn_emulator_blind' }).customEmojis.list({}), '', 403, 'restricted_resource');
  });
});

describe('custom emoji icons', () => {
  it("take an emoji of the workspace and are stored with the workspace's name and url", async () => {
    const page = await client.pages.update({ page_id: facts.ids.childPages[0], icon: { custom_emoji: { id: parrot?.id ?? '' } } });
    expect(page).toMatchObject({ icon: { type: 'custom_emoji', custom_emoji: parrot } });
    const again = await client.pages.retrieve({ page_id: facts.ids.childPages[0] });
    expect(again).toMatchObject({ icon: { type: 'custom_emoji', custom_emoji: parrot } });
  });

  it('refuse an id that is not a custom emoji of the workspace, or a name or url that is not its own', async () => {
    const icon = (customEmoji: { id: string; name?: string; url?: string }) => client.pages.update({ page_id: facts.ids.childPages[0], icon: { custom_emoji: customEmoji } });
    await expectRefused(icon({ id: '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f' }), 'is not a custom emoji of this workspace');
    await expectRefused(icon({ id: kloset?.id ?? '', name: 'other' }), 'custom_emoji.name should be `kloset`');
    await expectRefused(icon({ id: kloset?.id ?? '', url: 'https://example.com/x.png' }), 'custom_emoji.url should be');
    await icon({ id: kloset?.id ?? '', name: 'kloset', url: kloset?.url ?? '' });
  });
});
