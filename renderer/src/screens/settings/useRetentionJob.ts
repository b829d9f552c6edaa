import { useCallback, useEffect, useRef, useState } from 'react';
import type { RetentionPolicy } from '../../../../shared/schedule';
import { scheduleStrings } from '../../strings-schedule';
import { callMain, useMainEvent } from '../../use-main';

export type RemovalState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; ok: boolean; text: string };

const t = scheduleStrings.retention;

/**
 * Starts a retention job for the snapshots the user confirmed and follows it to its end (a
 * `jobFinished` event of kind 'retention'). The event may arrive before applyRetention answers with
 * the job id, so finished retention jobs are remembered by id.
 */
export function useRetentionJob(onFinished: () => void) {
  const [state, setState] = useState<RemovalState>({ phase: 'idle' });
  const finished = useRef(new Map<string, { ok: boolean; text: string }>());
  const current = useRef<string | null>(null);
  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  }, [onFinished]);

  useMainEvent('jobFinished', ({ jobId, kind, outcome }) => {
    if (kind !== 'retention') return;
    const result = outcome.status === 'succeeded' ? { ok: true, text: t.removed(outcome.summary) } : { ok: false, text: t.removeFailed(outcome.message) };
    finished.current.set(jobId, result);
    if (current.current === jobId) {
      current.current = null;
      setState({ phase: 'done', ...result });
      onFinished();
    }
  });

  const start = useCallback(async (policy: RetentionPolicy, confirmedIds: string[]) => {
    setState({ phase: 'running' });
    const answer = await callMain('applyRetention', { policy, confirmedIds });
    if (answer.state !== 'ready') {
      setState({ phase: 'done', ok: false, text: answer.problem ?? '' });
      return;
    }
    const early = finished.current.get(answer.value.jobId);
    if (early) {
      setState({ phase: 'done', ...early });
      onFinishedRef.current();
    } else current.current = answer.value.jobId;
  }, []);

  const reset = useCallback(() => {
    if (current.current === null) setState({ phase: 'idle' });
  }, []);

  return { state, start, reset };
}
