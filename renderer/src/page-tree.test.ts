import { describe, expect, it } from 'vitest';
import type { PickableItem } from './page-tree';
import { buildTree, hasSelectedAncestor, visibleForQuery, withToggled } from './page-tree';

const item = (id: string, title: string, parentId: string | null = null): PickableItem => ({
  id,
  object: 'page',
  title,
  emoji: null,
  parentId,
  url: null,
});

const items = [item('a', 'Home'), item('b', 'Projects', 'a'), item('c', 'Roadmap', 'b'), item('d', 'Journal')];

describe('page tree', () => {
  it('nests children under their parents and keeps orphans at the top', () => {
    const tree = buildTree([...items, item('e', 'Orphan', 'missing')]);
    expect(tree.map((node) => node.item.id)).toEqual(['a', 'd', 'e']);
    expect(tree[0]?.children[0]?.children[0]?.item.title).toBe('Roadmap');
  });

  it('search shows matches with their ancestors, case-insensitively', () => {
    expect(visibleForQuery(items, '  ')).toBeNull();
    expect([...(visibleForQuery(items, 'ROAD') ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect(visibleForQuery(items, 'nothing')?.size).toBe(0);
  });

  it('knows when an ancestor is selected', () => {
    const byId = new Map(items.map((entry) => [entry.id, entry]));
    expect(hasSelectedAncestor(byId, 'c', new Set(['a']))).toBe(true);
    expect(hasSelectedAncestor(byId, 'a', new Set(['a']))).toBe(false);
    expect(hasSelectedAncestor(byId, 'd', new Set(['a']))).toBe(false);
  });
});

describe('withToggled', () => {
  it('adds or removes one id and leaves the given set as it was', () => {
    const chosen = new Set(['a']);
    expect([...withToggled(chosen, 'b', true)]).toEqual(['a', 'b']);
    expect([...withToggled(chosen, 'a', false)]).toEqual([]);
    expect([...chosen]).toEqual(['a']);
  });
});
