import { describe, expect, it } from 'vitest';
import type { PageDiffRow } from '../../../../shared/ipc/history-schemas';
import { foldUnchanged } from './diff-helpers';

const row = (kind: 'same' | 'added', id: string): PageDiffRow => ({ kind, block: { id, type: 'paragraph', depth: 0, spans: [] } });
const shape = (items: ReturnType<typeof foldUnchanged>) => items.map((item) => ('fold' in item ? `fold ${item.count}` : item.row.block.id));

describe('foldUnchanged', () => {
  const rows = [row('same', 's1'), row('same', 's2'), row('same', 's3'), row('same', 's4'), row('added', 'a'), row('same', 's5'), row('same', 's6'), row('same', 's7'), row('same', 's8'), row('same', 's9'), row('added', 'b')];

  it('folds long unchanged runs, keeping one block next to each change', () => {
    expect(shape(foldUnchanged(rows, new Set()))).toEqual(['fold 3', 's4', 'a', 's5', 'fold 3', 's9', 'b']);
  });

  it('opens a run once asked, and leaves short runs alone', () => {
    expect(shape(foldUnchanged(rows, new Set([5])))).toEqual(['fold 3', 's4', 'a', 's5', 's6', 's7', 's8', 's9', 'b']);
    expect(shape(foldUnchanged([row('same', 'x'), row('same', 'y'), row('added', 'a')], new Set()))).toEqual(['x', 'y', 'a']);
    expect(foldUnchanged([], new Set())).toEqual([]);
  });
});
