import { BackButton } from '../../components/BackButton';
import { Square, SquareCheck } from 'lucide-react';
import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { useState } from 'react';
import type { PreviewBlock } from '../../../../shared/ipc/app-schemas';
import type { PageDiffRow, PageRef } from '../../../../shared/ipc/history-schemas';
import { CallStatus } from '../../components/CallStatus';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatDateTimePair } from '../../format-date';
import { strings } from '../../strings';
import { historyStrings } from '../../strings-history';
import { useMainQuery } from '../../use-main';
import { foldUnchanged } from './diff-helpers';

const d = historyStrings.diff;
/** Runs of unchanged blocks longer than this are folded, keeping one block next to each change. */
const FOLD_AFTER = 3;

export interface DiffEnds {
  from: { snapshotId: string; time: string };
  to: { snapshotId: string; time: string };
}

/** What changed in a page between two snapshots: added, removed and changed blocks, changed words marked. */
export function PageDiff({ page, ends, onBack, backLabel }: { page: PageRef; ends: DiffEnds; onBack: () => void; backLabel: string }) {
  const diff = useMainQuery('getPageDiff', { pageId: page.id, fromSnapshotId: ends.from.snapshotId, toSnapshotId: ends.to.snapshotId });
  const title = page.title.trim() || strings.snapshots.untitled;
  return (
    <div className="screen screen--wide">
      <BackButton label={backLabel} onBack={onBack} />
      <ScreenHeading>{d.title(title)}</ScreenHeading>
      <p className="lead">{d.between(...formatDateTimePair(ends.from.time, ends.to.time))}</p>
      <CallStatus call={diff} loading={d.loading} problemPrefix={d.problem} skeleton={8} />
      {diff.state === 'ready' && (
        <>
          <p className="diff__counts" role="status">
            {diff.value.before.title !== diff.value.after.title && <span>{d.renamed(diff.value.before.title, diff.value.after.title)} · </span>}
            {d.counts(diff.value.counts.added, diff.value.counts.removed, diff.value.counts.changed)}
          </p>
          {diff.value.truncated && <p className="note">{d.truncated}</p>}
          <DiffRows rows={diff.value.rows} />
        </>
      )}
    </div>
  );
}

function DiffRows({ rows }: { rows: readonly PageDiffRow[] }) {
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(new Set());
  const items = foldUnchanged(rows, unfolded, FOLD_AFTER);
  if (rows.length === 0) return <p className="muted">{d.empty}</p>;
  return (
    <ol className="diff" data-testid="page-diff">
      {items.map((item) =>
        'fold' in item ? (
          <li key={`fold-${item.fold}`} className="diff__fold">
            <button type="button" className="link-button" onClick={() => setUnfolded(new Set([...unfolded, item.fold]))}>
              {d.unchanged(item.count)}
            </button>
          </li>
        ) : (
          <DiffRowView key={item.index} row={item.row} />
        ),
      )}
    </ol>
  );
}

function DiffRowView({ row }: { row: PageDiffRow }) {
  const indent = { paddingInlineStart: `${0.75 + row.block.depth * 1.25}rem` };
  if (row.kind === 'changed') {
    return (
      <li className="diff__row diff__row--changed" style={indent}>
        <span className="diff__mark" aria-label={d.marks.changed}>~</span>
        <span className={`diff__text diff__text--${row.block.type}`}>
          {prefixOf(row.block)}
          {row.words.map((word, position) =>
            word.change === 'added' ? <ins key={position}>{word.text}</ins> : word.change === 'removed' ? <del key={position}>{word.text}</del> : <span key={position}>{word.text}</span>,
          )}
        </span>
      </li>
    );
  }
  const text = blockText(row.block);
  return (
    <li className={`diff__row diff__row--${row.kind}`} style={indent}>
      <span className="diff__mark" aria-label={d.marks[row.kind]}>
        {row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ' '}
      </span>
      <span className={`diff__text diff__text--${row.block.type}`}>
        {prefixOf(row.block)}
        {row.kind === 'added' ? <ins>{text}</ins> : row.kind === 'removed' ? <del>{text}</del> : text || <span className="muted">{d.blockOfType(row.block.type)}</span>}
      </span>
    </li>
  );
}

function prefixOf(block: PreviewBlock): ReactNode {
  if (block.type === 'to_do') {
    return (
      <>
        <Icon of={block.checked ? SquareCheck : Square} className="diff__todo" />
        <span className="visually-hidden">{block.checked ? d.todoDone : d.todoOpen}</span>
      </>
    );
  }
  if (block.type === 'bulleted_list_item') return '• ';
  return '';
}

function blockText(block: PreviewBlock): string {
  const own = block.spans.map((span) => span.text).join('');
  const cells = block.cells?.map((cell) => cell.map((span) => span.text).join('')).join(' | ') ?? '';
  return [own, cells, block.target ?? ''].filter(Boolean).join(' ');
}
