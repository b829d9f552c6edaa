import { describe, expect, it } from 'vitest';
import { convertBlock, withChildren } from './blocks';
import { fakeContext, NEW_A, PAGE_A, PAGE_B, responseBlock, responseText } from '../../../../testkit/support/convert-context';

const text = (content: string) => [responseText(content)];
const plain = (content: string) => [{ type: 'text', text: { content }, annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' } }];

describe('text blocks', () => {
  it.each([
    ['paragraph', {}, true],
    ['bulleted_list_item', {}, true],
    ['numbered_list_item', {}, true],
    ['toggle', {}, true],
    ['quote', {}, true],
    ['to_do', { checked: true }, true],
    ['heading_1', { is_toggleable: false }, false],
    ['heading_4', { is_toggleable: true }, true],
  ])('%s keeps its text, colour and flags, and strips response fields', (type, extra, acceptsChildren) => {
    const ctx = fakeContext();
    const block = responseBlock(type, { rich_text: text('Hello'), color: 'blue_background', ...extra }, { has_children: acceptsChildren });
    const converted = convertBlock(block, ctx);
    expect(converted).toEqual({ payload: { type, [type]: { rich_text: plain('Hello'), color: 'blue_background', ...extra } }, continuation: [], acceptsChildren });
    expect(ctx.losses).toEqual([]);
  });

  it('continues a paragraph of more than 100 rich-text pieces in more paragraphs', () => {
    const ctx = fakeContext();
    const pieces = Array.from({ length: 230 }, (_unused, index) => responseText(`p${index} `, { bold: index % 2 === 0 }));
    const converted = convertBlock(responseBlock('paragraph', { rich_text: pieces, color: 'default' }), ctx);
    const all = [converted.payload, ...converted.continuation].map((payload) => (payload as { paragraph: { rich_text: unknown[] } }).paragraph.rich_text);
    expect(all.map((items) => items.length)).toEqual([100, 100, 30]);
    expect(converted.continuation.every((payload) => payload.type === 'paragraph')).toBe(true);
    expect(ctx.lossKinds()).toEqual(['other']);
  });

  it('continues a long list item as paragraphs', () => {
    const ctx = fakeContext();
    const pieces = Array.from({ length: 120 }, (_unused, index) => responseText(`p${index}`, { italic: index % 2 === 0 }));
    const converted = convertBlock(responseBlock('bulleted_list_item', { rich_text: pieces }), ctx);
    expect(converted.payload?.type).toBe('bulleted_list_item');
    expect(converted.continuation.map((payload) => payload.type)).toEqual(['paragraph']);
  });

  it('keeps callout icons: emoji as is, hosted via its upload, else dropped with a loss', () => {
    const emoji = convertBlock(responseBlock('callout', { rich_text: text('Hi'), icon: { type: 'emoji', emoji: '💡' }, color: 'gray_background' }), fakeContext());
    expect(emoji.payload).toEqual({ type: 'callout', callout: { rich_text: plain('Hi'), color: 'gray_background', icon: { type: 'emoji', emoji: '💡' } } });
    const hostedBlock = responseBlock('callout', { rich_text: text('Hi'), icon: { type: 'file', file: { url: 'https://files/pin.png', expiry_time: null } } });
    const uploaded = convertBlock(hostedBlock, fakeContext({ uploads: { [`block:${hostedBlock.id}:icon`]: 'upload-1' } }));
    expect(uploaded.payload).toMatchObject({ callout: { icon: { type: 'file_upload', file_upload: { id: 'upload-1' } } } });
    const ctx = fakeContext();
    const dropped = convertBlock(hostedBlock, ctx);
    expect(dropped.payload).toEqual({ type: 'callout', callout: { rich_text: plain('Hi') } });
    expect(ctx.lossKinds()).toEqual(['file-not-available']);
  });
});

describe('other creatable blocks', () => {
  it('code keeps its language and caption', () => {
    const converted = convertBlock(responseBlock('code', { rich_text: text('let a = 1;'), language: 'typescript', caption: text('Example') }), fakeContext());
    expect(converted).toEqual({ payload: { type: 'code', code: { rich_text: plain('let a = 1;'), language: 'typescript', caption: plain('Example') } }, continuation: [], acceptsChildren: false });
  });

  it('equation, divider, breadcrumb and table of contents', () => {
    const ctx = fakeContext();
    expect(convertBlock(responseBlock('equation', { expression: 'x^2' }), ctx).payload).toEqual({ type: 'equation', equation: { expression: 'x^2' } });
    expect(convertBlock(responseBlock('divider', {}), ctx).payload).toEqual({ type: 'divider', divider: {} });
    expect(convertBlock(responseBlock('breadcrumb', {}), ctx).payload).toEqual({ type: 'breadcrumb', breadcrumb: {} });
    expect(convertBlock(responseBlock('table_of_contents', { color: 'default' }), ctx).payload).toEqual({ type: 'table_of_contents', table_of_contents: { color: 'default' } });
    expect(ctx.losses).toEqual([]);
  });

  it('an equation over 1,000 characters becomes a LaTeX code block', () => {
    const ctx = fakeContext();
    const converted = convertBlock(responseBlock('equation', { expression: 'a'.repeat(1200) }), ctx);
    expect(converted.payload).toMatchObject({ type: 'code', code: { language: 'latex' } });
    expect(ctx.lossKinds()).toEqual(['block-converted']);
  });

  it('column lists, columns, tables and rows', () => {
    const ctx = fakeContext();
    expect(convertBlock(responseBlock('column_list', {}), ctx)).toEqual({ payload: { type: 'column_list', column_list: { children: [] } }, continuation: [], acceptsChildren: true });
    expect(convertBlock(responseBlock('column', { width_ratio: 0.5 }), ctx).payload).toEqual({ type: 'column', column: { children: [], width_ratio: 0.5 } });
    const table = convertBlock(responseBlock('table', { table_width: 3, has_column_header: true, has_row_header: false }), ctx);
    expect(table).toEqual({
      payload: { type: 'table', table: { table_width: 3, has_column_header: true, has_row_header: false, children: [] } },
      continuation: [],
      acceptsChildren: true,
    });
    const row = convertBlock(responseBlock('table_row', { cells: [text('a'), [], text('c')] }), ctx);
    expect(row.payload).toEqual({ type: 'table_row', table_row: { cells: [plain('a'), [], plain('c')] } });
    expect(withChildren(table.payload!, [row.payload!])).toMatchObject({ table: { table_width: 3, children: [row.payload] } });
    expect(ctx.losses).toEqual([]);
  });

  it('embed and bookmark keep URL and caption', () => {
    const ctx = fakeContext();
    expect(convertBlock(responseBlock('embed', { url: 'https://www.figma.com/file/x', caption: [] }), ctx).payload).toEqual({ type: 'embed', embed: { url: 'https://www.figma.com/file/x', caption: [] } });
    expect(convertBlock(responseBlock('bookmark', { url: 'https://a.example', caption: text('c') }), ctx).payload).toEqual({ type: 'bookmark', bookmark: { url: 'https://a.example', caption: plain('c') } });
    expect(convertBlock(responseBlock('bookmark', { url: '', caption: [] }), ctx).payload).toBeNull();
    const restored = fakeContext({ ids: { [PAGE_A]: NEW_A } });
    expect(convertBlock(responseBlock('bookmark', { url: 'https://www.notion.so/Roadmap-aaaaaaaaaaaa4aaa8aaaaaaaaaaaaaaa', caption: [] }), restored).payload).toEqual({
      type: 'bookmark',
      bookmark: { url: 'https://www.notion.so/a0a0a0a0a0a04a0a8a0aa0a0a0a0a0a0', caption: [] },
    });
    expect(ctx.lossKinds()).toEqual(['other']);
  });
});

describe('embeds from providers the API does not embed', () => {
  it('become a video (YouTube) or a bookmark, reported before anything is sent', () => {
    const ctx = fakeContext();
    expect(convertBlock(responseBlock('embed', { url: 'https://youtu.be/abc', caption: text('Talk') }), ctx).payload).toEqual({
      type: 'video',
      video: { type: 'external', external: { url: 'https://youtu.be/abc' }, caption: plain('Talk') },
    });
    expect(convertBlock(responseBlock('embed', { url: 'https://status.example.com/widget', caption: [] }), ctx).payload).toEqual({
      type: 'bookmark',
      bookmark: { url: 'https://status.example.com/widget', caption: [] },
    });
    expect(convertBlock(responseBlock('embed', { url: 'https://example.com/manual.pdf', caption: [] }), ctx).payload?.type).toBe('embed');
    expect(ctx.lossKinds()).toEqual(['block-converted', 'block-converted']);
  });
});

describe('media blocks', () => {
  const hosted = (type: string, name?: string) =>
    responseBlock(type, { type: 'file', file: { url: 'https://files.example/x/diagram.png', expiry_time: null }, caption: text('Cap'), ...(name ? { name } : {}) });

  it.each(['image', 'video', 'audio', 'pdf'])('%s: external kept with its caption', (type) => {
    const converted = convertBlock(responseBlock(type, { type: 'external', external: { url: 'https://x.example/a' }, caption: text('Cap') }), fakeContext());
    expect(converted.payload).toEqual({ type, [type]: { type: 'external', external: { url: 'https://x.example/a' }, caption: plain('Cap') } });
  });

  it('a hosted file becomes its upload, and a file block keeps its name', () => {
    const image = hosted('image');
    expect(convertBlock(image, fakeContext({ uploads: { [`block:${image.id}`]: 'up-1' } })).payload).toEqual({
      type: 'image',
      image: { type: 'file_upload', file_upload: { id: 'up-1' }, caption: plain('Cap') },
    });
    const file = hosted('file', 'notes.txt');
    expect(convertBlock(file, fakeContext({ uploads: { [`block:${file.id}`]: 'up-2' } })).payload).toEqual({
      type: 'file',
      file: { type: 'file_upload', file_upload: { id: 'up-2' }, caption: plain('Cap'), name: 'notes.txt' },
    });
  });

  it('a hosted file without upload becomes a placeholder paragraph with a loss', () => {
    const ctx = fakeContext();
    const converted = convertBlock(hosted('file', 'notes.txt'), ctx);
    expect(converted.payload?.type).toBe('paragraph');
    const richText = (converted.payload as { paragraph: { rich_text: Array<{ text?: { content: string } }> } }).paragraph.rich_text;
    expect(richText.map((item) => item.text?.content).join('')).toBe('File not restored: notes.txt — Cap');
    expect(ctx.lossKinds()).toEqual(['file-not-available']);
  });
});

describe('links, synced blocks and what cannot be created', () => {
  it('link_to_page points at the restored page or database', () => {
    const ctx = fakeContext({ ids: { [PAGE_A]: NEW_A, [PAGE_B]: 'new-db' } });
    expect(convertBlock(responseBlock('link_to_page', { type: 'page_id', page_id: PAGE_A }), ctx).payload).toEqual({ type: 'link_to_page', link_to_page: { type: 'page_id', page_id: NEW_A } });
    expect(convertBlock(responseBlock('link_to_page', { type: 'database_id', database_id: PAGE_B }), ctx).payload).toEqual({
      type: 'link_to_page',
      link_to_page: { type: 'database_id', database_id: 'new-db' },
    });
    expect(ctx.losses).toEqual([]);
  });

  it('link_to_page outside the restore becomes a paragraph linking to the original', () => {
    const ctx = fakeContext({ titles: { [PAGE_A]: 'Roadmap' } });
    const converted = convertBlock(responseBlock('link_to_page', { type: 'page_id', page_id: PAGE_A }), ctx);
    expect(converted.payload).toEqual({
      type: 'paragraph',
      paragraph: { rich_text: [{ type: 'text', text: { content: 'Roadmap', link: { url: 'https://www.notion.so/aaaaaaaaaaaa4aaa8aaaaaaaaaaaaaaa' } } }] },
    });
    expect(ctx.lossKinds()).toEqual(['link-outside-restore']);
  });

  it('synced blocks: original, copy of a restored original, copy of a missing original', () => {
    const ctx = fakeContext({ ids: { [PAGE_A]: NEW_A } });
    expect(convertBlock(responseBlock('synced_block', { synced_from: null }), ctx)).toEqual({
      payload: { type: 'synced_block', synced_block: { synced_from: null } },
      continuation: [],
      acceptsChildren: true,
    });
    expect(convertBlock(responseBlock('synced_block', { synced_from: { type: 'block_id', block_id: PAGE_A } }), ctx)).toEqual({
      payload: { type: 'synced_block', synced_block: { synced_from: { type: 'block_id', block_id: NEW_A } } },
      continuation: [],
      acceptsChildren: false,
    });
    expect(ctx.losses).toEqual([]);
    const orphan = convertBlock(responseBlock('synced_block', { synced_from: { type: 'block_id', block_id: PAGE_B } }), ctx);
    expect(orphan).toEqual({ payload: { type: 'synced_block', synced_block: { synced_from: null } }, continuation: [], acceptsChildren: true });
    expect(ctx.lossKinds()).toEqual(['block-converted']);
  });

  it('link_preview becomes a bookmark', () => {
    const ctx = fakeContext();
    expect(convertBlock(responseBlock('link_preview', { url: 'https://github.com/a/b/issues/1' }), ctx).payload).toEqual({
      type: 'bookmark',
      bookmark: { url: 'https://github.com/a/b/issues/1', caption: [] },
    });
    expect(ctx.lossKinds()).toEqual(['block-converted']);
  });

  it('tab keeps its items as children', () => {
    expect(convertBlock(responseBlock('tab', {}), fakeContext())).toEqual({ payload: { type: 'tab', tab: { children: [] } }, continuation: [], acceptsChildren: true });
  });

  it('child pages and databases are left to the orchestrator without a loss', () => {
    const ctx = fakeContext();
    expect(convertBlock(responseBlock('child_page', { title: 'Sub' }), ctx)).toEqual({ payload: null, continuation: [], acceptsChildren: false });
    expect(convertBlock(responseBlock('child_database', { title: 'DB' }), ctx).payload).toBeNull();
    expect(ctx.losses).toEqual([]);
  });

  it.each([
    ['unsupported', { block_type: 'form' }],
    ['template', { rich_text: [] }],
    ['meeting_notes', { title: [] }],
    ['transcription', { title: [] }],
    ['some_future_block', {}],
  ])('%s cannot be created: null with a loss', (type, body) => {
    const ctx = fakeContext();
    expect(convertBlock(responseBlock(type, body), ctx).payload).toBeNull();
    expect(ctx.lossKinds()).toEqual(['unsupported-block']);
  });
});
