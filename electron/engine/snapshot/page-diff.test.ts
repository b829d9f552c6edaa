import { describe, expect, it } from 'vitest';
import type { PagePreview, PreviewBlock } from '../../../shared/ipc/app-schemas';
import { diffPages } from './page-diff';

const block = (id: string, text: string, extra: Partial<PreviewBlock> = {}): PreviewBlock => ({ id, type: 'paragraph', depth: 0, spans: [{ text }], ...extra });
const page = (blocks: PreviewBlock[], title = 'Plan', truncated = false): PagePreview => ({ title, emoji: null, truncated, blocks });

describe('diffPages', () => {
  it('matches blocks by id: added, removed where it stood, changed word by word, the rest the same', () => {
    const older = page([block('a', 'Intro'), block('b', 'Ship on Monday'), block('c', 'Old note'), block('d', 'Outro')]);
    const newer = page([block('a', 'Intro'), block('b', 'Ship on Friday'), block('e', 'New idea'), block('d', 'Outro')], 'Plan v2');
    const diff = diffPages(older, newer);
    expect(diff.rows.map((row) => [row.kind, row.block.id])).toEqual([
      ['same', 'a'],
      ['changed', 'b'],
      ['added', 'e'],
      ['removed', 'c'],
      ['same', 'd'],
    ]);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(diff.before.title).toBe('Plan');
    expect(diff.after.title).toBe('Plan v2');
    const changed = diff.rows[1];
    expect(changed?.kind === 'changed' && changed.words).toEqual([
      { text: 'Ship on ', change: 'same' },
      { text: 'Monday', change: 'removed' },
      { text: 'Friday', change: 'added' },
    ]);
  });

  it('sees a ticked to-do, a table cell and a new code language as changes; keeps images out of the answer', () => {
    const older = page([block('t', 'Call', { type: 'to_do', checked: false }), block('r', '', { type: 'table_row', cells: [[{ text: 'Ada' }], [{ text: '1' }]] }), block('k', 'x', { type: 'code', language: 'js' }), block('i', '', { type: 'image', image: 'data:image/png;base64,AAAA' })]);
    const newer = page([block('t', 'Call', { type: 'to_do', checked: true }), block('r', '', { type: 'table_row', cells: [[{ text: 'Ada' }], [{ text: '2' }]] }), block('k', 'x', { type: 'code', language: 'ts' }), block('i', '', { type: 'image', image: 'data:image/png;base64,AAAA' })]);
    const diff = diffPages(older, newer);
    expect(diff.rows.map((row) => row.kind)).toEqual(['changed', 'changed', 'changed', 'same']);
    expect(diff.rows.some((row) => row.block.image !== undefined)).toBe(false);
  });

  it('handles moved blocks, empty pages and says when a preview was cut short', () => {
    const moved = diffPages(page([block('a', 'A'), block('b', 'B'), block('c', 'C')]), page([block('c', 'C'), block('a', 'A'), block('b', 'B')]));
    expect(moved.rows.map((row) => row.kind)).toEqual(['same', 'same', 'same']);
    expect(moved.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(diffPages(page([]), page([block('a', 'A')])).rows).toEqual([{ kind: 'added', block: block('a', 'A') }]);
    expect(diffPages(page([block('a', 'A')]), page([])).rows).toEqual([{ kind: 'removed', block: block('a', 'A') }]);
    expect(diffPages(page([], 'x', true), page([])).truncated).toBe(true);
  });
});
