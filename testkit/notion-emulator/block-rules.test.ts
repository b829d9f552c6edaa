import type { BlockObjectRequest, Client } from '@notionhq/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { expectRefused, richTextOf, sdkClient, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

// Structural rules of blocks.children.append and blocks.update ("Append block children", "Block",
// "Update a block"), each checked through the SDK. Nothing from a refused request may be stored.
let emulator: RunningEmulator;
let client: Client;
let target: string;
useTestEmulator((started) => {
  emulator = started;
  client = sdkClient(started);
});

beforeEach(async () => {
  target = (await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Rules') } } })).id;
});

const paragraph = (content: string) => ({ paragraph: { rich_text: richTextOf(content) } });
const column = (...contents: string[]) => ({ column: { children: contents.map(paragraph) } });
const append = (children: unknown[], blockId = target) => client.blocks.children.append({ block_id: blockId, children: children as BlockObjectRequest[] });

async function childIds(blockId: string): Promise<string[]> {
  return (await client.blocks.children.list({ block_id: blockId })).results.map((block) => block.id);
}

async function appendOne(child: unknown, blockId = target): Promise<string> {
  const [created] = (await append([child], blockId)).results;
  if (!created) throw new Error('nothing appended');
  return created.id;
}

describe('where blocks may go', () => {
  it('takes a column_list only in the top-level array of a request, and never inside a column', async () => {
    const nested = { toggle: { rich_text: richTextOf('T'), children: [{ column_list: { children: [column('a'), column('b')] } }] } };
    await expectRefused(append([nested]), 'body.children[0].toggle.children[0].column_list can only be in the top-level children of a request');
    expect(await childIds(target)).toEqual([]);
    const toggle = await appendOne({ toggle: { rich_text: richTextOf('T') } });
    const columnList = await appendOne({ column_list: { children: [column('a'), column('b')] } }, toggle);
    const [firstColumn] = await childIds(columnList);
    await expectRefused(append([{ column_list: { children: [column('x'), column('y')] } }], firstColumn), 'columns do not nest');
  });

  it('gives a tab paragraphs (tab items) only, at least one', async () => {
    await expectRefused(append([{ tab: { children: [{ to_do: { rich_text: richTextOf('x') } }] } }]), 'tab blocks can only contain paragraphs');
    await expectRefused(append([{ tab: { children: [] } }]), 'body.children[0].tab.children.length should be ≥ `1`, instead was `0`.');
    const tab = await appendOne({ tab: { children: [paragraph('First'), paragraph('Second')] } });
    expect(await childIds(tab)).toHaveLength(2);
  });

  it('lets only toggle headings hold children', async () => {
    await expectRefused(append([{ heading_2: { rich_text: richTextOf('H'), children: [paragraph('x')] } }]), 'body.children[0].heading_2.children should be not present');
    const plain = await appendOne({ heading_2: { rich_text: richTextOf('H') } });
    await expectRefused(append([paragraph('x')], plain), 'Only toggle headings (is_toggleable: true) hold children.');
    const toggle = await appendOne({ heading_2: { rich_text: richTextOf('H'), is_toggleable: true, children: [paragraph('inside')] } });
    await expectRefused(client.blocks.update({ block_id: toggle, heading_2: { rich_text: richTextOf('H'), is_toggleable: false } }), 'the heading has children');
    await client.blocks.update({ block_id: plain, heading_2: { rich_text: richTextOf('H'), is_toggleable: true } });
    await append([paragraph('now allowed')], plain);
  });

  it('refuses the deprecated template block and other read-only types', async () => {
    await expectRefused(append([{ template: { rich_text: richTextOf('Add'), children: [paragraph('x')] } }]), 'body.children[0].template is a block type that cannot be created');
    await expectRefused(append([{ meeting_notes: {} }]), 'body.children[0].meeting_notes is a block type that cannot be created');
    await expectRefused(
      sdkClient(emulator, 'full', '2025-09-03').blocks.children.append({ block_id: target, children: [{ transcription: {} } as never] }),
      'body.children[0].transcription is a block type that cannot be created',
    );
  });

  it('refuses children for blocks that cannot have any', async () => {
    const leaves: unknown[] = [
      { divider: {} }, { equation: { expression: 'x' } }, { code: { rich_text: richTextOf('x'), language: 'python' } },
      { image: { external: { url: 'https://images.example.com/a.png' } } }, { bookmark: { url: 'https://example.com' } },
    ];
    for (const leaf of leaves) {
      const id = await appendOne(leaf);
      await expectRefused(append([paragraph('child')], id), 'does not support children');
    }
    await expectRefused(append([paragraph('x')], facts.ids.meetingNotesBlock), 'Block type meeting_notes does not support children.');
    await expectRefused(append([paragraph('x')], facts.ids.tasksDatabase), 'Databases do not have block children');
  });
});

describe('block payloads', () => {
  it('accepts only the code languages Notion lists', async () => {
    await expectRefused(append([{ code: { rich_text: richTextOf('x'), language: 'brainfuck' } }]), 'body.children[0].code.language should be a language Notion supports');
    await appendOne({ code: { rich_text: richTextOf('x'), language: 'java/c/c++/c#' } });
  });

  it('embeds only the providers Notion supports; other URLs need a bookmark or video block', async () => {
    await expectRefused(append([{ embed: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } }]), 'is not a supported embed URL');
    await expectRefused(append([{ embed: { url: 'https://example.com/widget' } }]), 'is not a supported embed URL');
    await append([{ embed: { url: 'https://www.figma.com/file/abc' } }, { embed: { url: 'https://docs.example.com/manual.pdf' } }]);
    await appendOne({ video: { external: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } } });
  });

  it('links only to pages, databases and comments the token can see (404 otherwise)', async () => {
    const missing = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
    await expectRefused(append([{ link_to_page: { page_id: missing } }]), `Could not find page with ID: ${missing}`, 404);
    await expectRefused(append([{ link_to_page: { page_id: facts.ids.unsharedPage } }]), 'Could not find page', 404);
    await expectRefused(append([{ link_to_page: { page_id: facts.ids.trashedPage } }]), 'Could not find page', 404);
    await expectRefused(append([{ link_to_page: { page_id: facts.ids.tasksDatabase } }]), 'Could not find page', 404);
    await expectRefused(append([{ link_to_page: { database_id: facts.ids.projectsDataSource } }]), 'Could not find database', 404);
    await append([{ link_to_page: { page_id: facts.ids.childPages[0] } }, { link_to_page: { database_id: facts.ids.projectsDatabase } }]);
  });

  it('makes synced copies only of visible originals', async () => {
    const missing = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
    await expectRefused(append([{ synced_block: { synced_from: { block_id: missing } } }]), 'Could not find block', 404);
    const plain = await appendOne(paragraph('not synced'));
    await expectRefused(append([{ synced_block: { synced_from: { block_id: plain } } }]), 'must reference an original synced_block');
    const copy = await appendOne({ synced_block: { synced_from: { block_id: facts.ids.syncedOriginalBlock } } });
    await expectRefused(append([paragraph('x')], copy), 'append to the original');
    await expectRefused(client.blocks.update({ block_id: copy, synced_block: { synced_from: null } }), 'body.synced_block.synced_from should be not present');
  });

  it('fixes table_width at creation and needs at least one row', async () => {
    await expectRefused(append([{ table: { table_width: 2, children: [] } }]), 'body.children[0].table.children.length should be ≥ `1`');
    await expectRefused(append([{ table: { table_width: 1, children: [paragraph('x')] } }]), 'tables can only contain table rows');
    await expectRefused(append([{ table_row: { cells: [richTextOf('x')] } }]), 'table_row can only be a child of a table block');
    await expectRefused(append([{ table: { table_width: 0, children: [] } }]), 'table_width should be a positive integer');
    const row = { table_row: { cells: [richTextOf('a'), richTextOf('b')] } };
    const table = await appendOne({ table: { table_width: 2, children: [row] } });
    await expectRefused(client.blocks.update({ block_id: table, table: { table_width: 3 } as never }), 'body.table.table_width should be not present');
    await client.blocks.update({ block_id: table, table: { has_column_header: true } });
  });
});

describe('field types', () => {
  it('takes absolute http(s) URLs for bookmarks, embeds and external files', async () => {
    await expectRefused(append([{ bookmark: { url: 'example.com/page' } }]), 'body.children[0].bookmark.url should be an absolute http(s) URL');
    await expectRefused(append([{ image: { external: { url: 'ftp://files.example.com/a.png' } } }]), 'image.external.url should be an absolute http(s) URL');
    await expectRefused(client.pages.update({ page_id: target, cover: { type: 'external', external: { url: '/cover.png' } } }), 'body.cover.external.url should be an absolute');
  });

  it('takes booleans as booleans and column widths between 0 and 1', async () => {
    await expectRefused(append([{ to_do: { rich_text: richTextOf('x'), checked: 'yes' } }]), 'body.children[0].to_do.checked should be a boolean');
    await expectRefused(append([{ heading_1: { rich_text: richTextOf('x'), is_toggleable: 1 } }]), 'heading_1.is_toggleable should be a boolean');
    const columns = { column_list: { children: [{ column: { width_ratio: 1.5, children: [paragraph('a')] } }, column('b')] } };
    await expectRefused(append([columns]), 'column.width_ratio should be a number greater than 0 and at most 1');
  });

  it('takes Notion colors only, for blocks and text', async () => {
    await expectRefused(append([{ paragraph: { rich_text: richTextOf('x'), color: 'teal' } }]), 'body.children[0].paragraph.color should be a valid color');
    const item = { type: 'text', text: { content: 'x' }, annotations: { color: 'blue_text' } };
    await expectRefused(append([{ paragraph: { rich_text: [item] } }]), 'rich_text[0].annotations.color should be a valid color');
  });

  it('takes a single emoji as an emoji icon', async () => {
    await expectRefused(client.pages.update({ page_id: target, icon: { type: 'emoji', emoji: 'house' as never } }), 'body.icon.emoji should be a single emoji');
    await expectRefused(append([{ callout: { rich_text: richTextOf('x'), icon: { emoji: '🏠🏠' as never } } }]), 'callout.icon.emoji should be a single emoji');
    await client.pages.update({ page_id: target, icon: { type: 'emoji', emoji: '👩‍💻' as never } });
  });

  it('does not update a child page or database through blocks.update', async () => {
    await expectRefused(client.blocks.update({ block_id: target, paragraph: { rich_text: richTextOf('x') } }), 'Block type child_page cannot be updated with `paragraph` content');
    // The SDK drops `child_database` from blocks.update, so it is sent raw.
    const raw = { path: `blocks/${facts.ids.projectsDatabase}`, method: 'patch' as const, body: { child_database: { title: 'x' } } };
    await expectRefused(client.request(raw), 'Block type child_database cannot be updated');
  });
});

describe('where children are inserted', () => {
  it('places after a direct, live child only; after and position together are refused', async () => {
    const [first, second] = (await append([paragraph('1'), paragraph('2')])).results.map((block) => block.id);
    const other = (await client.blocks.children.list({ block_id: facts.ids.home })).results[0]?.id ?? '';
    await expectRefused(
      client.blocks.children.append({ block_id: target, children: [paragraph('x')], position: { type: 'after_block', after_block: { id: other } } }),
      'is not a child of the parent block',
    );
    await client.blocks.delete({ block_id: second ?? '' });
    await expectRefused(
      client.blocks.children.append({ block_id: target, children: [paragraph('x')], position: { type: 'after_block', after_block: { id: second ?? '' } } }),
      'is not a child of the parent block',
    );
    const old = sdkClient(emulator, 'full', '2025-09-03');
    await expectRefused(
      old.blocks.children.append({ block_id: target, children: [paragraph('x')], after: first ?? '', position: { type: 'start' } }),
      'body.after should be not present when body.position is given',
    );
  });

  it('refuses to add to or edit content under a trashed page', async () => {
    const block = await appendOne({ toggle: { rich_text: richTextOf('T') } });
    await client.pages.update({ page_id: target, in_trash: true });
    await expectRefused(append([paragraph('x')], block), "Can't edit block that is archived");
    await expectRefused(client.blocks.update({ block_id: block, toggle: { rich_text: richTextOf('changed') } }), "Can't edit block that is archived");
  });
});
