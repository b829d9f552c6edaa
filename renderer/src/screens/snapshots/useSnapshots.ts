import { useCallback, useEffect, useState } from 'react';
import { getBackupApp } from '../../bridge';
import type { SnapshotRow } from './snapshot-helpers';
import { sortNewestFirst } from './snapshot-helpers';

export type SnapshotsState = { phase: 'loading' } | { phase: 'ok'; snapshots: SnapshotRow[] } | { phase: 'problem'; message: string };

/** The store's snapshots, newest first, with a way to read them again. */
export function useSnapshots(): { state: SnapshotsState; reload: () => void } {
  const [state, setState] = useState<SnapshotsState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void getBackupApp()
      .listSnapshots()
      .then((result) => {
        if (cancelled) return;
        if (!result.ok) setState({ phase: 'problem', message: result.error.message });
        else if (result.value.status === 'problem') setState({ phase: 'problem', message: result.value.message });
        else setState({ phase: 'ok', snapshots: sortNewestFirst(result.value.snapshots) });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ phase: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  return { state, reload };
}
