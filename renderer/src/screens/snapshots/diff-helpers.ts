import type { PageDiffRow } from '../../../../shared/ipc/history-schemas';

export type DiffItem = { row: PageDiffRow; index: number } | { fold: number; count: number };

/**
 * Folds runs of more than `foldAfter` unchanged blocks into one "show N unchanged blocks" item,
 * keeping `context` blocks next to each change; a run whose start is in `unfolded` stays open.
 */
export function foldUnchanged(rows: readonly PageDiffRow[], unfolded: ReadonlySet<number>, foldAfter = 3, context = 1): DiffItem[] {
  const items: DiffItem[] = [];
  let index = 0;
  while (index < rows.length) {
    if (rows[index]!.kind !== 'same') {
      items.push({ row: rows[index]!, index });
      index += 1;
      continue;
    }
    let end = index;
    while (end < rows.length && rows[end]!.kind === 'same') end += 1;
    const keepFirst = index === 0 ? 0 : context;
    const keepLast = end === rows.length ? 0 : context;
    const folded = end - index - keepFirst - keepLast;
    for (let k = index; k < end; k += 1) {
      const hidden = k >= index + keepFirst && k < end - keepLast;
      if (!hidden || end - index <= foldAfter || unfolded.has(index) || folded <= 0) items.push({ row: rows[k]!, index: k });
      else if (k === index + keepFirst) items.push({ fold: index, count: folded });
    }
    index = end;
  }
  return items;
}
