import { diffWords } from 'diff';
import type { PagePreview, PreviewBlock } from '../../../shared/ipc/app-schemas';
import type { PageDiffRow } from '../../../shared/ipc/history-schemas';

/**
 * What changed in a page between two versions, block by block. Notion keeps a block's id when it is
 * edited or moved, so blocks are matched by id: a block only in the newer version was added, one only
 * in the older was removed (shown where it stood), one in both with other text was changed (its words
 * compared), the rest are the same. Images are left out of the answer: it says what changed, the
 * previews show what is.
 */
export interface PageDiff {
  before: { title: string };
  after: { title: string };
  rows: PageDiffRow[];
  counts: { added: number; removed: number; changed: number };
  /** Either preview was cut short: the diff covers only their beginnings. */
  truncated: boolean;
}

/** Everything of a block the diff compares, as one text. */
function blockText(block: PreviewBlock): string {
  const parts = [block.spans.map((span) => span.text).join('')];
  if (block.cells) parts.push(block.cells.map((cell) => cell.map((span) => span.text).join('')).join(' | '));
  if (block.target !== undefined) parts.push(block.target);
  return parts.filter(Boolean).join(' ');
}

/** Whatever else a reader sees change: ticked, the code's language, the callout's emoji, the type. */
function blockState(block: PreviewBlock): string {
  return JSON.stringify([block.type, block.checked ?? null, block.language ?? null, block.emoji ?? null]);
}

function withoutImage(block: PreviewBlock): PreviewBlock {
  const { image: _image, ...rest } = block;
  return rest;
}

export function diffPages(older: PagePreview, newer: PagePreview): PageDiff {
  const olderIndex = new Map(older.blocks.map((block, position) => [block.id, position]));
  const newerIds = new Set(newer.blocks.map((block) => block.id));
  const rows: PageDiffRow[] = [];
  const counts = { added: 0, removed: 0, changed: 0 };
  let nextOlder = 0;

  const removedUpTo = (end: number) => {
    for (; nextOlder < end; nextOlder += 1) {
      const block = older.blocks[nextOlder]!;
      if (newerIds.has(block.id)) continue;
      rows.push({ kind: 'removed', block: withoutImage(block) });
      counts.removed += 1;
    }
  };

  for (const block of newer.blocks) {
    const position = olderIndex.get(block.id);
    if (position === undefined) {
      rows.push({ kind: 'added', block: withoutImage(block) });
      counts.added += 1;
      continue;
    }
    removedUpTo(position);
    nextOlder = Math.max(nextOlder, position + 1);
    const before = older.blocks[position]!;
    const [oldText, newText] = [blockText(before), blockText(block)];
    if (oldText === newText && blockState(before) === blockState(block)) {
      rows.push({ kind: 'same', block: withoutImage(block) });
      continue;
    }
    const words = diffWords(oldText, newText).map((part) => ({ text: part.value, change: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const) }));
    rows.push({ kind: 'changed', block: withoutImage(block), before: withoutImage(before), words });
    counts.changed += 1;
  }
  removedUpTo(older.blocks.length);

  return { before: { title: older.title }, after: { title: newer.title }, rows, counts, truncated: older.truncated || newer.truncated };
}
