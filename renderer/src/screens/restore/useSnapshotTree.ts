import { useEffect, useState } from 'react';
import { getBackupApp } from '../../bridge';
import type { SnapshotEntry } from '../snapshots/snapshot-helpers';

export type SnapshotTreeState = { phase: 'loading'; id: string | null } | { phase: 'problem'; id: string; message: string } | { phase: 'ok'; id: string; entries: SnapshotEntry[] };

/** A snapshot's tree of pages (cached by main after the first read). */
export function useSnapshotTree(snapshotId: string | null): SnapshotTreeState {
  const [state, setState] = useState<SnapshotTreeState>({ phase: 'loading', id: snapshotId });

  useEffect(() => {
    if (!snapshotId) return;
    let cancelled = false;
    void getBackupApp()
      .getSnapshotTree({ snapshotId })
      .then((result) => {
        if (cancelled) return;
        if (!result.ok) setState({ phase: 'problem', id: snapshotId, message: result.error.message });
        else if (result.value.status === 'problem') setState({ phase: 'problem', id: snapshotId, message: result.value.message });
        else setState({ phase: 'ok', id: snapshotId, entries: result.value.entries });
      });
    return () => {
      cancelled = true;
    };
  }, [snapshotId]);

  return state.id === snapshotId ? state : { phase: 'loading', id: snapshotId };
}
