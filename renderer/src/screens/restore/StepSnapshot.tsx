import { ChoiceRadio } from '../../components/ChoiceRadio';
import { strings } from '../../strings';
import { formatDateTime } from '../snapshots/snapshot-helpers';
import { useSnapshots } from '../snapshots/useSnapshots';

const r = strings.restore;

/** Step 1: which snapshot to restore from (newest first). */
export function StepSnapshot({ value, onChange }: { value: string | null; onChange: (id: string) => void }) {
  const snapshots = useSnapshots();
  if (snapshots.state === 'problem') {
    return (
      <div className="field-error-block" role="alert">
        <p>
          {strings.snapshots.problem} {snapshots.problem}
        </p>
        <button type="button" className="button button--secondary" onClick={snapshots.refresh}>
          {strings.snapshots.retry}
        </button>
      </div>
    );
  }
  if (!snapshots.newestFirst) {
    return (
      <p className="muted" role="status">
        {strings.snapshots.loading}
      </p>
    );
  }
  if (snapshots.newestFirst.length === 0) return <p>{r.noSnapshots}</p>;
  return (
    <fieldset className="choice-group">
      <legend>{r.snapshotLegend}</legend>
      {snapshots.newestFirst.map((snapshot) => (
        <ChoiceRadio
          key={snapshot.id}
          name="restore-snapshot"
          checked={value === snapshot.id}
          onChange={() => onChange(snapshot.id)}
          label={r.snapshotOption(
            formatDateTime(snapshot.time),
            strings.format.bytes(snapshot.sizeBytes),
            snapshot.mode ? strings.snapshots.mode[snapshot.mode] : strings.snapshots.mode.unknown,
          )}
          hint={snapshot.ours ? undefined : strings.snapshots.notOurs}
        />
      ))}
    </fieldset>
  );
}
