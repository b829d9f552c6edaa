import { useCallback, useEffect, useState } from 'react';
import type { JobFinishedEvent } from '../../../../shared/ipc/app-schemas';
import type { InputOf } from '../../../../shared/ipc/contract';
import { getBackupApp } from '../../bridge';

export type RestoreInput = InputOf<'startRestore'>;
export type RestoreCounts = { pages: number; databases: number; rows: number; blocks: number; files: number; comments: number };
export type RestoreOutcome = JobFinishedEvent['outcome'];

export interface RestoreEvents {
  created: RestoreCounts | null;
  exported: { done: number; total: number } | null;
  outcome: RestoreOutcome | null;
}

export type RestoreRun =
  | { phase: 'idle' }
  | { phase: 'starting'; input: RestoreInput }
  | { phase: 'refused'; input: RestoreInput; message: string }
  | { phase: 'started'; input: RestoreInput; jobId: string };

const EMPTY: RestoreEvents = { created: null, exported: null, outcome: null };

/**
 * Starts restores and follows their events. Events may arrive before startRestore answers with the
 * job id, so every restore or export job's events are kept by id.
 */
export function useRestoreJob() {
  const [run, setRun] = useState<RestoreRun>({ phase: 'idle' });
  const [events, setEvents] = useState<Readonly<Record<string, RestoreEvents>>>({});
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    const app = getBackupApp();
    const offProgress = app.on('jobProgress', (event) => {
      if (event.kind === 'backup') return;
      setEvents((current) => {
        const previous = current[event.jobId] ?? EMPTY;
        const next = event.kind === 'restore' ? { ...previous, created: event.created } : { ...previous, exported: { done: event.done, total: event.total } };
        return { ...current, [event.jobId]: next };
      });
    });
    const offFinished = app.on('jobFinished', (event) => {
      if (event.kind === 'backup') return;
      setEvents((current) => ({ ...current, [event.jobId]: { ...(current[event.jobId] ?? EMPTY), outcome: event.outcome } }));
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const start = useCallback(async (input: RestoreInput) => {
    setCancelling(false);
    setRun({ phase: 'starting', input });
    const result = await getBackupApp().startRestore(input);
    if (!result.ok) setRun({ phase: 'refused', input, message: result.error.message });
    else if (result.value.status === 'refused') setRun({ phase: 'refused', input, message: result.value.message });
    else setRun({ phase: 'started', input, jobId: result.value.jobId });
  }, []);

  const cancel = useCallback(async () => {
    if (run.phase !== 'started') return;
    setCancelling(true);
    await getBackupApp().cancelJob({ jobId: run.jobId });
  }, [run]);

  const reset = useCallback(() => setRun({ phase: 'idle' }), []);

  const current = run.phase === 'started' ? (events[run.jobId] ?? EMPTY) : EMPTY;
  return { run, events: current, cancelling, start, cancel, reset };
}
