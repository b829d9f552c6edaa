import { describe, expect, it } from 'vitest';
import type { PreviewBlock } from './preview-layout';
import { groupSiblings, nestBlocks, plainText, safeHref } from './preview-layout';

const block = (id: string, type: string, depth: number): PreviewBlock => ({ id, type, depth, spans: [{ text: id }] });

describe('page preview layout', () => {
  it('nests blocks by depth', () => {
    const nodes = nestBlocks([
      block('a', 'bulleted_list_item', 0),
      block('a1', 'bulleted_list_item', 1),
      block('a11', 'paragraph', 2),
      block('a2', 'bulleted_list_item', 1),
      block('b', 'paragraph', 0),
    ]);
    expect(nodes.map((node) => node.block.id)).toEqual(['a', 'b']);
    expect(nodes[0]?.children.map((node) => node.block.id)).toEqual(['a1', 'a2']);
    expect(nodes[0]?.children[0]?.children.map((node) => node.block.id)).toEqual(['a11']);
  });

  it('groups consecutive list items of one type into one list', () => {
    const groups = groupSiblings(
      nestBlocks([
        block('b1', 'bulleted_list_item', 0),
        block('b2', 'bulleted_list_item', 0),
        block('n1', 'numbered_list_item', 0),
        block('t1', 'to_do', 0),
        block('t2', 'to_do', 0),
        block('p', 'paragraph', 0),
        block('b3', 'bulleted_list_item', 0),
      ]),
    );
    expect(groups.map((group) => (group.kind === 'list' ? `${group.ordered ? 'ol' : group.todo ? 'todo' : 'ul'}:${group.items.length}` : group.node.block.id))).toEqual([
      'ul:2',
      'ol:1',
      'todo:2',
      'p',
      'ul:1',
    ]);
  });

  it('joins span text and only keeps http(s) links', () => {
    expect(plainText([{ text: 'a' }, { text: 'b', bold: true }])).toBe('ab');
    expect(safeHref('https://example.com/x')).toBe('https://example.com/x');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });
});
