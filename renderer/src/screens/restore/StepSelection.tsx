import { useMemo } from 'react';
import type { ResultOf } from '../../../../shared/ipc/contract';
import { CallStatus, ProblemLine } from '../../components/CallStatus';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { PageTree } from '../../components/PageTree';
import type { MainCall } from '../../main-call';
import { strings } from '../../strings';
import { entriesToItems, topLevelIds } from '../snapshots/snapshot-helpers';

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
  tree: MainCall<ResultOf<'getSnapshotTree'>>;
  mode: 'all' | 'some';
  onMode: (mode: 'all' | 'some') => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  error: string | null;
}) {
  const entries = tree.state === 'ready' ? tree.value.entries : null;
  const items = useMemo(() => (entries ? entriesToItems(entries, false) : []), [entries]);
  const topLevel = useMemo(() => (entries ? topLevelIds(entries.filter((entry) => !entry.isRow)).length : 0), [entries]);
  if (!entries) return <CallStatus call={tree} loading={strings.snapshots.loadingTree} problemPrefix={strings.snapshots.treeProblem} />;
  return (
    <div className="form">
      <fieldset className="choice-group">
        <legend>{r.whatLegend}</legend>
        <ChoiceRadio name="restore-what" checked={mode === 'all'} onChange={() => onMode('all')} label={r.everything} hint={r.everythingHint(topLevel)} />
        <ChoiceRadio name="restore-what" checked={mode === 'some'} onChange={() => onMode('some')} label={r.some} hint={r.someHint} />
      </fieldset>
      {mode === 'some' && <PageTree items={items} selected={selected} onToggle={onToggle} />}
      <ProblemLine message={error} />
    </div>
  );
}
