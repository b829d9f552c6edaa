import { describe, expect, it } from 'vitest';
import { planLayout } from './layout';
import { LinkResolver, notionIdFromHref, relativeHref, safeExternalUrl } from './links';
import type { InlineContext, RichTextItem } from './markdown-text';
import { blockText, codeSpan, richTextToMarkdown } from './markdown-text';

const PAGE = '11111111-2222-4333-8444-555555555555';
const entry = { id: PAGE, object: 'page' as const, title: 'Road (map)', icon: null, path: PAGE, parentId: null, isRow: false, lastEditedTime: null, url: 'https://www.notion.so/Road-11111111222243338444555555555555' };
const context = (exported: boolean): InlineContext => ({
  document: 'Other/Doc.md',
  links: new LinkResolver(planLayout(exported ? [entry] : [], 'md'), [entry]),
  userName: (id) => (id === 'u1' ? 'Ada' : undefined),
});
const text = (content: string, annotations: RichTextItem['annotations'] = {}, link?: string): RichTextItem => ({
  type: 'text', plain_text: content, text: { content, link: link ? { url: link } : null }, annotations, href: link ?? null,
});

describe('rich text to Markdown', () => {
  it('puts spaces outside markers and merges neighbours with the same style', () => {
    expect(richTextToMarkdown([text(' bold ', { bold: true }), text('er', { bold: true }), text('!')], context(true))).toBe(' **bold er**!');
    expect(richTextToMarkdown([text('all', { bold: true, italic: true, strikethrough: true, underline: true })], context(true))).toBe('<u>***~~all~~***</u>');
  });

  it('escapes Markdown and HTML in text, not in code', () => {
    expect(richTextToMarkdown([text('*a* _b_ `c` [d](e) <f> ~g~ $h$ \\ &amp;')], context(true))).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f> \\~g\\~ \\$h\\$ \\\\ \\&amp;');
    expect(richTextToMarkdown([text('a `tick` <b>', { code: true })], context(true))).toBe('``a `tick` <b>``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });

  it('escapes what starts a block at the start of a line, and keeps line breaks', () => {
    expect(blockText([text('# no heading\n- no list\n1. no list\n> no quote\n    no code')], context(true))).toBe('\\# no heading\\\n\\- no list\\\n1\\. no list\\\n\\> no quote\\\nno code');
  });

  it('links to exported pages relatively, else to Notion, and drops unsafe URLs', () => {
    const mention: RichTextItem = { type: 'mention', plain_text: 'Old title', mention: { type: 'page', page: { id: PAGE } }, href: 'https://www.notion.so/x', annotations: {} };
    expect(richTextToMarkdown([mention], context(true))).toBe('[Road (map)](../Road%20%28map%29.md)');
    expect(richTextToMarkdown([mention], context(false))).toBe('[Road (map)](https://www.notion.so/Road-11111111222243338444555555555555)');
    expect(richTextToMarkdown([text('internal', {}, `/${PAGE.replace(/-/g, '')}`)], context(true))).toBe('[internal](../Road%20%28map%29.md)');
    expect(richTextToMarkdown([text('bad', {}, 'javascript:alert(1)')], context(true))).toBe('bad');
    expect(richTextToMarkdown([text('odd', {}, 'https://e.com/a b(c)')], context(true))).toBe('[odd](https://e.com/a%20b%28c%29)');
    const user: RichTextItem = { type: 'mention', plain_text: '@Someone', mention: { type: 'user', user: { id: 'u1' } } };
    expect(richTextToMarkdown([user], context(true))).toBe('@Ada');
    const date: RichTextItem = { type: 'mention', plain_text: '', mention: { type: 'date', date: { start: '2025-01-01', end: '2025-01-02' } } };
    expect(richTextToMarkdown([date], context(true))).toBe('2025-01-01 → 2025-01-02');
  });

  it('helps with links', () => {
    expect(relativeHref('a/b/c.md', 'a/d/e f.md')).toBe('../d/e%20f.md');
    expect(relativeHref('index.md', 'Notes (2).md')).toBe('Notes%20%282%29.md');
    expect(notionIdFromHref('https://www.notion.so/acme/Title-11111111222243338444555555555555?pvs=4')).toBe(PAGE);
    expect(notionIdFromHref('https://example.com/11111111222243338444555555555555')).toBeUndefined();
    expect(safeExternalUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeExternalUrl('mailto:a@b.c')).toBe('mailto:a@b.c');
  });
});
