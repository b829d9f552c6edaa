import { useCallback, useState } from 'react';
import type { JobFinishedEvent, RestoreCounts } from '../../../../shared/ipc/app-schemas';
import type { InputOf } from '../../../../shared/ipc/contract';
import { callMain, useMainEvent, useMainMutation } from '../../use-main';

export type RestoreInput = InputOf<'startRestore'>;
export type { RestoreCounts };
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
  const starter = useMainMutation('startRestore');
  const [input, setInput] = useState<RestoreInput | null>(null);
  const [events, setEvents] = useState<Readonly<Record<string, RestoreEvents>>>({});
  const [cancelling, setCancelling] = useState(false);

  useMainEvent('jobProgress', (event) => {
    if (event.kind === 'backup') return;
    setEvents((current) => {
      const previous = current[event.jobId] ?? EMPTY;
      const next = event.kind === 'restore' ? { ...previous, created: event.created } : { ...previous, exported: { done: event.done, total: event.total } };
      return { ...current, [event.jobId]: next };
    });
  });
  useMainEvent('jobFinished', (event) => {
    if (event.kind === 'backup') return;
    setEvents((current) => ({ ...current, [event.jobId]: { ...(current[event.jobId] ?? EMPTY), outcome: event.outcome } }));
  });

  const { run: startRestore, reset } = starter;
  const start = useCallback(
    async (next: RestoreInput) => {
      setCancelling(false);
      setInput(next);
      await startRestore(next);
    },
    [startRestore],
  );

  let run: RestoreRun = { phase: 'idle' };
  if (input && starter.state === 'loading') run = { phase: 'starting', input };
  else if (input && starter.state === 'problem') run = { phase: 'refused', input, message: starter.problem };
  else if (input && starter.state === 'ready') run = { phase: 'started', input, jobId: starter.value.jobId };

  const startedId = run.phase === 'started' ? run.jobId : null;
  const cancel = useCallback(async () => {
    if (!startedId) return;
    setCancelling(true);
    await callMain('cancelJob', { jobId: startedId });
  }, [startedId]);

  const current = run.phase === 'started' ? (events[run.jobId] ?? EMPTY) : EMPTY;
  return { run, events: current, cancelling, start, cancel, reset };
}
