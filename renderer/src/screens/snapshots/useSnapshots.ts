import { useCallback, useEffect, useState } from 'react';
import { getBackupApp } from '../../bridge';
import type { SnapshotRow } from './snapshot-helpers';
import { sortNewestFirst } from './snapshot-helpers';

export type SnapshotsState =
  | { phase: 'loading' }
  | { phase: 'ok'; snapshots: SnapshotRow[]; loadedAt: number }
  | { phase: 'problem'; message: string };

/**
 * The store's snapshots, newest first, with a way to read them again; they are also read again
 * whenever `refreshKey` changes (Home passes the last job outcome).
 */
export function useSnapshots(refreshKey?: unknown): { state: SnapshotsState; reload: () => void } {
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
        else setState({ phase: 'ok', snapshots: sortNewestFirst(result.value.snapshots), loadedAt: Date.now() });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt, refreshKey]);

  const reload = useCallback(() => {
    setState({ phase: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  return { state, reload };
}
