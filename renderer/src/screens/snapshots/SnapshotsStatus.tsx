import { StatusLine } from '../../components/CallStatus';
import { strings } from '../../strings';
import type { Snapshots } from './useSnapshots';

const s = strings.snapshots;

/** While the store's snapshots are read, says so; when they could not be, why, with "Try again". */
export function SnapshotsStatus({ snapshots }: { snapshots: Snapshots }) {
  if (snapshots.state === 'loading') return <StatusLine>{s.loading}</StatusLine>;
  if (snapshots.state !== 'problem') return null;
  return (
    <div className="field-error-block" role="alert">
      <p>
        {s.problem} {snapshots.problem}
      </p>
      <button type="button" className="button button--secondary" onClick={snapshots.refresh}>
        {s.retry}
      </button>
    </div>
  );
}
