import { useMemo } from 'react';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { PageTree } from '../../components/PageTree';
import { strings } from '../../strings';
import { entriesToItems, topLevelIds } from '../snapshots/snapshot-helpers';
import type { SnapshotTreeState } from './useSnapshotTree';

const r = strings.restore;

/** Step 2: the whole snapshot, or some pages and databases (checkboxes on the snapshot's tree). */
export function StepSelection({
  tree,
  mode,
  onMode,
  selected,
  onToggle,
  error,
}: {
  tree: SnapshotTreeState;
  mode: 'all' | 'some';
  onMode: (mode: 'all' | 'some') => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  error: string | null;
}) {
  const items = useMemo(() => (tree.phase === 'ok' ? entriesToItems(tree.entries, false) : []), [tree]);
  const topLevel = useMemo(() => (tree.phase === 'ok' ? topLevelIds(tree.entries.filter((entry) => !entry.isRow)).length : 0), [tree]);
  if (tree.phase === 'loading') {
    return (
      <p className="muted" role="status">
        {strings.snapshots.loadingTree}
      </p>
    );
  }
  if (tree.phase === 'problem') {
    return (
      <p className="field-error" role="alert">
        {strings.snapshots.treeProblem} {tree.message}
      </p>
    );
  }
  return (
    <div className="form">
      <fieldset className="choice-group">
        <legend>{r.whatLegend}</legend>
        <ChoiceRadio name="restore-what" checked={mode === 'all'} onChange={() => onMode('all')} label={r.everything} hint={r.everythingHint(topLevel)} />
        <ChoiceRadio name="restore-what" checked={mode === 'some'} onChange={() => onMode('some')} label={r.some} hint={r.someHint} />
      </fieldset>
      {mode === 'some' && <PageTree items={items} selected={selected} onToggle={onToggle} />}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
