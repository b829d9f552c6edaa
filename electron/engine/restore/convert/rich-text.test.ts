import { describe, expect, it } from 'vitest';
import { chunkRichText, compactRichText, convertRichText, fitRichText, splitText } from './rich-text';
import type { RichTextItemRequest } from './types';
import { fakeContext, NEW_A, PAGE_A, PAGE_B, responseMention, responseText, USER_NEW, USER_OLD } from '../../../../testkit/support/convert-context';

const OWNER = 'owner-block';

function texts(items: RichTextItemRequest[]): string[] {
  return items.map((item) => ('text' in item ? item.text.content : ''));
}

describe('splitText', () => {
  it('keeps short text whole and splits long text at 2,000 units', () => {
    expect(splitText('hello')).toEqual(['hello']);
    const pieces = splitText('x'.repeat(4500));
    expect(pieces.map((piece) => piece.length)).toEqual([2000, 2000, 500]);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(1999)}😀${'b'.repeat(10)}`;
    const pieces = splitText(text);
    expect(pieces[0]).toBe('a'.repeat(1999));
    expect(pieces[1]?.startsWith('😀')).toBe(true);
    expect(pieces.join('')).toBe(text);
    const emojis = '😀'.repeat(1500); // 3,000 units
    const split = splitText(emojis);
    expect(split.every((piece) => piece.length <= 2000 && !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(piece))).toBe(true);
    expect(split.join('')).toBe(emojis);
  });
});

describe('convertRichText', () => {
  it('keeps annotations and links, drops response-only fields', () => {
    const ctx = fakeContext();
    const [item] = convertRichText([responseText('bold link', { bold: true, color: 'red' }, 'https://example.com')], ctx, OWNER);
    expect(item).toEqual({
      type: 'text',
      text: { content: 'bold link', link: { url: 'https://example.com' } },
      annotations: { bold: true, italic: false, strikethrough: false, underline: false, code: false, color: 'red' },
    });
    expect(ctx.losses).toEqual([]);
  });

  it('splits text over 2,000 characters into items with the same annotations and link', () => {
    const ctx = fakeContext();
    const items = convertRichText([responseText('y'.repeat(4100), { italic: true }, 'https://example.com/a')], ctx, OWNER);
    expect(texts(items).map((text) => text.length)).toEqual([2000, 2000, 100]);
    for (const item of items) {
      expect(item.annotations?.italic).toBe(true);
      expect('text' in item && item.text.link).toEqual({ url: 'https://example.com/a' });
    }
  });

  it('remaps page and database mentions that were restored', () => {
    const ctx = fakeContext({ ids: { [PAGE_A]: NEW_A, [PAGE_B]: 'new-db' } });
    const items = convertRichText(
      [responseMention({ type: 'page', page: { id: PAGE_A } }, 'A'), responseMention({ type: 'database', database: { id: PAGE_B } }, 'B')],
      ctx,
      OWNER,
    );
    expect(items.map((item) => ('mention' in item ? item.mention : null))).toEqual([
      { type: 'page', page: { id: NEW_A } },
      { type: 'database', database: { id: 'new-db' } },
    ]);
    expect(ctx.losses).toEqual([]);
  });

  it('turns mentions of pages outside the restore into a titled link to the original', () => {
    const ctx = fakeContext({ titles: { [PAGE_A]: 'Roadmap' } });
    const href = 'https://www.notion.so/aaaaaaaaaaaa4aaa8aaaaaaaaaaaaaaa';
    const items = convertRichText(
      [responseMention({ type: 'page', page: { id: PAGE_A } }, 'Old title', href), responseMention({ type: 'database', database: { id: PAGE_B } }, 'Tasks', null)],
      ctx,
      OWNER,
    );
    expect(items[0]).toMatchObject({ type: 'text', text: { content: 'Roadmap', link: { url: href } } });
    expect(items[1]).toMatchObject({ type: 'text', text: { content: 'Tasks', link: { url: 'https://www.notion.so/bbbbbbbbbbbb4bbb8bbbbbbbbbbbbbbb' } } });
    expect(ctx.lossKinds()).toEqual(['link-outside-restore', 'link-outside-restore']);
  });

  it('maps user mentions, or writes @Name when the user is not in the target workspace', () => {
    const ctx = fakeContext({ users: { [USER_OLD]: USER_NEW } });
    const items = convertRichText(
      [
        responseMention({ type: 'user', user: { object: 'user', id: USER_OLD } }, '@Ada'),
        responseMention({ type: 'user', user: { object: 'user', id: 'someone-else' } }, '@Grace Hopper'),
      ],
      ctx,
      OWNER,
    );
    expect(items[0]).toMatchObject({ type: 'mention', mention: { type: 'user', user: { id: USER_NEW } } });
    expect(items[1]).toMatchObject({ type: 'text', text: { content: '@Grace Hopper' } });
    expect(ctx.lossKinds()).toEqual(['user-not-mapped']);
  });

  it('keeps dates, template mentions and equations', () => {
    const ctx = fakeContext();
    const items = convertRichText(
      [
        responseMention({ type: 'date', date: { start: '2025-07-01', end: '2025-07-03', time_zone: null } }, '2025-07-01 → 2025-07-03'),
        responseMention({ type: 'template_mention', template_mention: { type: 'template_mention_date', template_mention_date: 'today' } }, '@Today'),
        responseMention({ type: 'template_mention', template_mention: { type: 'template_mention_user', template_mention_user: 'me' } }, '@Me'),
        { type: 'equation', equation: { expression: 'e^{i\\pi}' }, annotations: {}, plain_text: 'e^{i\\pi}', href: null },
      ],
      ctx,
      OWNER,
    );
    expect(items.map((item) => ('mention' in item ? item.mention : 'equation' in item ? item.equation : null))).toEqual([
      { type: 'date', date: { start: '2025-07-01', end: '2025-07-03', time_zone: null } },
      { type: 'template_mention', template_mention: { type: 'template_mention_date', template_mention_date: 'today' } },
      { type: 'template_mention', template_mention: { type: 'template_mention_user', template_mention_user: 'me' } },
      { expression: 'e^{i\\pi}' },
    ]);
    expect(ctx.losses).toEqual([]);
  });

  it('turns link previews and link mentions into linked text, custom emojis into text', () => {
    const ctx = fakeContext();
    const items = convertRichText(
      [
        responseMention({ type: 'link_preview', link_preview: { url: 'https://github.com/x/y/pull/1' } }, 'https://github.com/x/y/pull/1', 'https://github.com/x/y/pull/1'),
        responseMention({ type: 'link_mention', link_mention: { href: 'https://example.com/a', title: 'An article' } }, 'An article', 'https://example.com/a'),
        responseMention({ type: 'custom_emoji', custom_emoji: { id: 'e1', name: 'kloset', url: 'https://example.com/k.png' } }, ':kloset:'),
      ],
      ctx,
      OWNER,
    );
    expect(items).toEqual([
      expect.objectContaining({ type: 'text', text: { content: 'https://github.com/x/y/pull/1', link: { url: 'https://github.com/x/y/pull/1' } } }),
      expect.objectContaining({ type: 'text', text: { content: 'An article', link: { url: 'https://example.com/a' } } }),
      expect.objectContaining({ type: 'text', text: { content: ':kloset:' } }),
    ]);
    expect(ctx.lossKinds()).toEqual(['block-converted', 'block-converted', 'other']);
    expect(ctx.losses[0]?.detail).toBe("the link preview mention of https://github.com/x/y/pull/1 became a plain link (Notion's API cannot create link previews)");
  });

  it('turns an equation over 1,000 characters into code text', () => {
    const ctx = fakeContext();
    const expression = 'x+'.repeat(600);
    const items = convertRichText([{ type: 'equation', equation: { expression }, annotations: {}, plain_text: expression }], ctx, OWNER);
    expect(items.every((item) => 'text' in item && item.annotations?.code === true)).toBe(true);
    expect(texts(items).join('')).toBe(expression);
    expect(ctx.lossKinds()).toEqual(['other']);
  });

  it('makes relative workspace links absolute and points restored ones at the new page', () => {
    const ctx = fakeContext({ ids: { [PAGE_A]: NEW_A } });
    const items = convertRichText(
      [responseText('restored', {}, '/aaaaaaaaaaaa4aaa8aaaaaaaaaaaaaaa'), responseText('elsewhere', {}, '/Other-bbbbbbbbbbbb4bbb8bbbbbbbbbbbbbbb#x')],
      ctx,
      OWNER,
    );
    expect(items.map((item) => ('text' in item ? item.text.link?.url : undefined))).toEqual([
      'https://www.notion.so/a0a0a0a0a0a04a0a8a0aa0a0a0a0a0a0',
      'https://www.notion.so/Other-bbbbbbbbbbbb4bbb8bbbbbbbbbbbbbbb#x',
    ]);
    expect(ctx.lossKinds()).toEqual(['link-outside-restore']);
  });
});

describe('chunks of at most 100 items', () => {
  it('splits arrays into chunks and always returns at least one', () => {
    const items = Array.from({ length: 250 }, (_unused, index) => ({ type: 'text' as const, text: { content: String(index) } }));
    expect(chunkRichText(items).map((chunk) => chunk.length)).toEqual([100, 100, 50]);
    expect(chunkRichText([])).toEqual([[]]);
    expect(chunkRichText(items, 120).map((chunk) => chunk.length)).toEqual([120, 120, 10]);
  });

  it('merges neighbours that look the same before truncating a single array', () => {
    const ctx = fakeContext();
    const same = Array.from({ length: 150 }, () => ({ type: 'text' as const, text: { content: 'ab' }, annotations: { bold: true } }));
    expect(compactRichText(same)).toEqual([{ type: 'text', text: { content: 'ab'.repeat(150) }, annotations: { bold: true } }]);
    expect(fitRichText(same, ctx, OWNER, 'a caption')).toHaveLength(1);
    const alternating = Array.from({ length: 150 }, (_unused, index) => ({ type: 'text' as const, text: { content: 'ab' }, annotations: { bold: index % 2 === 0 } }));
    expect(fitRichText(alternating, ctx, OWNER, 'a caption')).toHaveLength(100);
    expect(ctx.lossKinds()).toEqual(['text-truncated']);
  });
});
