import { ChoiceRadio } from '../../components/ChoiceRadio';
import { strings } from '../../strings';
import { formatDateTime } from '../../format-date';
import { SnapshotsStatus } from '../snapshots/SnapshotsStatus';
import type { Snapshots } from '../snapshots/useSnapshots';

const r = strings.restore;

/** Step 1: which snapshot to restore from (newest first). */
export function StepSnapshot({ snapshots, value, onChange }: { snapshots: Snapshots; value: string | null; onChange: (id: string) => void }) {
  if (!snapshots.newestFirst) return <SnapshotsStatus snapshots={snapshots} />;
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
