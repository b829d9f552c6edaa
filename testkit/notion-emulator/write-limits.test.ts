import type { BlockObjectRequest } from '@notionhq/client';
import { APIResponseError, isFullBlock } from '@notionhq/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { failure, richTextOf, sdkClient, startTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
let target: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  const page = await sdkClient(emulator).pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Limits') } } });
  target = page.id;
});
afterAll(() => emulator.close());

const paragraph = (content: string) => ({ paragraph: { rich_text: richTextOf(content) } });

async function expectValidationError(promise: Promise<unknown>, fragment: string): Promise<void> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(APIResponseError);
  expect(error).toMatchObject({ status: 400, code: 'validation_error' });
  expect(error.message).toContain(fragment);
}

async function childCount(blockId: string): Promise<number> {
  return (await sdkClient(emulator).blocks.children.list({ block_id: blockId })).results.length;
}

// Each case goes through the real SDK; nothing from a rejected request may be stored.
describe('write limits', () => {
  it('accepts 100 children and rejects 101 with Notion-style messages', async () => {
    const client = sdkClient(emulator);
    await client.blocks.children.append({ block_id: target, children: Array.from({ length: 100 }, (_u, i) => paragraph(`p${i}`)) });
    const before = await childCount(target);
    await expectValidationError(
      client.blocks.children.append({ block_id: target, children: Array.from({ length: 101 }, (_u, i) => paragraph(`q${i}`)) }),
      'body failed validation: body.children.length should be ≤ `100`, instead was `101`.',
    );
    expect(await childCount(target)).toBe(before);
  });

  it('allows two levels of nesting and rejects a third', async () => {
    const client = sdkClient(emulator);
    const ok = await client.blocks.children.append({
      block_id: target,
      children: [{ toggle: { rich_text: richTextOf('L0'), children: [{ toggle: { rich_text: richTextOf('L1'), children: [paragraph('L2')] } }] } }],
    });
    expect(ok.results).toHaveLength(1);
    const deep = { toggle: { rich_text: richTextOf('L0'), children: [{ toggle: { rich_text: richTextOf('L1'), children: [{ toggle: { rich_text: richTextOf('L2'), children: [paragraph('L3')] } }] } }] } };
    await expectValidationError(
      client.blocks.children.append({ block_id: target, children: [deep as BlockObjectRequest] }),
      'body.children[0].toggle.children[0].toggle.children[0].toggle.children should be not present',
    );
  });

  it('limits text.content to 2000 characters and rich text arrays to 100 items', async () => {
    const client = sdkClient(emulator);
    await client.blocks.children.append({ block_id: target, children: [paragraph('x'.repeat(2000))] });
    await expectValidationError(
      client.blocks.children.append({ block_id: target, children: [paragraph('x'.repeat(2001))] }),
      'body.children[0].paragraph.rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`.',
    );
    const many = Array.from({ length: 101 }, () => ({ type: 'text' as const, text: { content: 'a' } }));
    await expectValidationError(
      client.blocks.children.append({ block_id: target, children: [{ paragraph: { rich_text: many } }] }),
      'body.children[0].paragraph.rich_text.length should be ≤ `100`, instead was `101`.',
    );
    await expectValidationError(
      client.pages.update({ page_id: target, properties: { title: { title: richTextOf('t'.repeat(2001)) } } }),
      'body.properties.title.title[0].text.content.length should be ≤ `2000`',
    );
  });

  it('rejects read-only property types on create and update', async () => {
    const client = sdkClient(emulator);
    for (const [name, value] of [
      ['Score', { formula: { string: 'x' } }],
      ['Task count', { rollup: { number: 1 } }],
      ['Created', { created_time: '2025-01-01T00:00:00.000Z' }],
      ['Created by', { created_by: { id: facts.users.owner } }],
      ['Updated', { last_edited_time: '2025-01-01T00:00:00.000Z' }],
      ['Updated by', { last_edited_by: { id: facts.users.owner } }],
      ['ID', { unique_id: { number: 9 } }],
      ['Action', { button: {} }],
    ] as const) {
      await expectValidationError(
        client.pages.update({ page_id: facts.ids.megaProjectRow, properties: { [name]: value } as never }),
        `body.properties.${name}`,
      );
    }
    await expectValidationError(
      client.pages.create({ parent: { data_source_id: facts.ids.projectsDataSource }, properties: { Name: { title: richTextOf('X') }, Score: { formula: {} } } as never }),
      'read-only',
    );
  });

  it('rejects Notion-hosted file objects in blocks, icons and covers', async () => {
    const client = sdkClient(emulator);
    const hosted = { type: 'file', file: { url: 'https://prod-files-secure.s3.us-west-2.amazonaws.com/x.png', expiry_time: '2030-01-01T00:00:00.000Z' } };
    await expectValidationError(client.blocks.children.append({ block_id: target, children: [{ image: hosted } as never] }), 'body.children[0].image.file should be not present');
    await expectValidationError(client.pages.update({ page_id: target, icon: hosted as never }), 'body.icon.file should be not present');
    await expectValidationError(client.pages.update({ page_id: target, cover: hosted as never }), 'body.cover.file should be not present');
    const external = await client.blocks.children.append({ block_id: target, children: [{ image: { external: { url: 'https://images.example.com/a.png' } } }] });
    expect(external.results).toHaveLength(1);
  });

  it('refuses block types that cannot be appended', async () => {
    const client = sdkClient(emulator);
    for (const type of ['child_page', 'child_database', 'unsupported', 'link_preview']) {
      await expectValidationError(
        client.blocks.children.append({ block_id: target, children: [{ [type]: type === 'link_preview' ? { url: 'https://x.test' } : { title: 'x' } } as never] }),
        `body.children[0].${type} is a block type that cannot be created`,
      );
    }
  });

  it('enforces column_list and column structure', async () => {
    const client = sdkClient(emulator);
    const column = (content: string) => ({ column: { children: [paragraph(content)] } });
    await expectValidationError(
      client.blocks.children.append({ block_id: target, children: [{ column_list: { children: [column('only')] } }] }),
      'body.children[0].column_list.children.length should be ≥ `2`, instead was `1`.',
    );
    await expectValidationError(
      client.blocks.children.append({ block_id: target, children: [{ column_list: { children: [column('a'), { column: { children: [] } }] } }] }),
      'body.children[0].column_list.children[1].column.children.length should be ≥ `1`',
    );
    await expectValidationError(client.blocks.children.append({ block_id: target, children: [column('stray')] }), 'can only be a child of a column_list');
    const ok = await client.blocks.children.append({ block_id: target, children: [{ column_list: { children: [column('a'), column('b')] } }] });
    const columnList = ok.results[0];
    expect(isFullBlock(columnList!) && columnList.type).toBe('column_list');
    expect((await client.blocks.children.list({ block_id: columnList!.id })).results).toHaveLength(2);
  });

  it('requires table rows to match table_width', async () => {
    const client = sdkClient(emulator);
    const row = (...cells: string[]) => ({ table_row: { cells: cells.map((cell) => richTextOf(cell)) } });
    await expectValidationError(
      client.blocks.children.append({ block_id: target, children: [{ table: { table_width: 2, children: [row('a', 'b'), row('c')] } }] }),
      'Number of cells in table row must match the table width',
    );
    const table = (await client.blocks.children.append({ block_id: target, children: [{ table: { table_width: 2, children: [row('a', 'b')] } }] })).results[0]!;
    await expectValidationError(client.blocks.children.append({ block_id: table.id, children: [row('x', 'y', 'z')] }), 'table width');
    await client.blocks.children.append({ block_id: table.id, children: [row('x', 'y')] });
    expect(await childCount(table.id)).toBe(2);
  });

  it('limits a whole request to 1000 blocks and 500 KB', async () => {
    const client = sdkClient(emulator);
    const nested = Array.from({ length: 100 }, () => ({ toggle: { rich_text: richTextOf('t'), children: Array.from({ length: 10 }, () => paragraph('c')) } }));
    await expectValidationError(client.blocks.children.append({ block_id: target, children: nested }), 'more than 1000 block elements');
    const big = Array.from({ length: 100 }, () => ({ paragraph: { rich_text: Array.from({ length: 3 }, () => ({ type: 'text' as const, text: { content: 'y'.repeat(2000) } })) } }));
    await expectValidationError(client.blocks.children.append({ block_id: target, children: big }), '500KB');
  });

  it('reads 500 KB as 500 000 bytes of JSON body', async () => {
    const client = sdkClient(emulator);
    // 100 paragraphs with text items of up to 2000 characters, topped up until the body has exactly `bytes` bytes.
    const bodyOf = (bytes: number) => {
      const children = Array.from({ length: 100 }, () => ({ paragraph: { rich_text: [] as { text: { content: string } }[] } }));
      const size = () => Buffer.byteLength(JSON.stringify({ children }));
      for (let i = 0; size() < bytes; i = (i + 1) % 100) {
        const missing = bytes - size();
        const item = { text: { content: '' } };
        children[i]?.paragraph.rich_text.push(item);
        item.text.content = 'z'.repeat(Math.max(0, Math.min(2000, missing - Buffer.byteLength(JSON.stringify(item)) - 1)));
      }
      return children;
    };
    const exact = bodyOf(500_000);
    expect(Buffer.byteLength(JSON.stringify({ children: exact }))).toBe(500_000);
    await client.blocks.children.append({ block_id: target, children: exact });
    const over = bodyOf(500_001);
    expect(Buffer.byteLength(JSON.stringify({ children: over }))).toBe(500_001);
    await expectValidationError(client.blocks.children.append({ block_id: target, children: over }), 'maximum request payload size is 500KB');
  });

  it('answers 400 invalid_json to a body that is not a JSON object, and 413 above 25 MB', async () => {
    const headers = { authorization: `Bearer ${emulator.tokens.full}`, 'notion-version': '2026-03-11', 'content-type': 'application/json' };
    for (const body of ['{"children": [', '[1, 2]']) {
      const response = await fetch(`${emulator.url}/v1/blocks/${target}/children`, { method: 'PATCH', headers, body });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ object: 'error', code: 'invalid_json' });
    }
    const huge = await failure(sdkClient(emulator).request({ path: `blocks/${target}/children`, method: 'patch', body: { pad: 'x'.repeat(26 * 1024 * 1024) } }));
    expect(huge).toMatchObject({ status: 413, code: 'validation_error' });
  });

  it('applies the same children limits to pages.create', async () => {
    const client = sdkClient(emulator);
    await expectValidationError(
      client.pages.create({ parent: { page_id: target }, properties: { title: { title: richTextOf('Too big') } }, children: Array.from({ length: 101 }, () => paragraph('x')) }),
      'body.children.length should be ≤ `100`, instead was `101`.',
    );
  });
});
