import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { crawlRichSnapshot, removeAll } from '../../../testkit/support/crawl';
import { buildPagePreview } from './preview';
import type { SnapshotReader } from './reader';

let reader: SnapshotReader;
let dir: string;

beforeAll(async () => {
  ({ dir, reader } = await crawlRichSnapshot());
});
afterAll(async () => removeAll(dir));

describe('buildPagePreview', () => {
  it('renders a page from its blocks: text with annotations, nesting, to-dos, code, tables and images', async () => {
    const preview = await buildPagePreview(reader, reader.entry(richWorkspaceFacts.ids.home)!);
    expect(preview.title).toBeTruthy();
    const types = new Set(preview.blocks.map((block) => block.type));
    for (const type of ['heading_1', 'paragraph', 'bulleted_list_item', 'to_do', 'toggle', 'code', 'quote', 'callout', 'table_row', 'image']) {
      expect(types.has(type), type).toBe(true);
    }
    expect(preview.blocks.some((block) => block.depth > 0)).toBe(true);
    expect(preview.blocks.some((block) => block.spans.some((span) => span.bold))).toBe(true);
    expect(preview.blocks.find((block) => block.type === 'image' && block.image)?.image).toMatch(/^data:image\/png;base64,/);
    expect(preview.blocks.find((block) => block.type === 'link_to_page')?.target).toBeTruthy();
  });

  it('shows all 250 blocks of a long page', async () => {
    const preview = await buildPagePreview(reader, reader.entry(richWorkspaceFacts.ids.longPage)!);
    expect(preview.blocks).toHaveLength(richWorkspaceFacts.longPageBlockCount);
    expect(preview.truncated).toBe(false);
  });
});
