import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScheduleStatus } from '../../shared/schedule';
import { getBackupApp } from './bridge';

export type ScheduleStatusState =
  | { phase: 'loading' }
  | { phase: 'ok'; status: ScheduleStatus }
  | { phase: 'problem'; message: string };

/**
 * The scheduler's status, read once and then kept live by main's `scheduleStatus` events. `apply`
 * takes the status a pause/resume/update call answered with (the event follows, with the same value).
 */
export function useScheduleStatus() {
  const [state, setState] = useState<ScheduleStatusState>({ phase: 'loading' });
  // An event that arrives before the first read has answered is newer than that answer.
  const pushed = useRef(false);

  useEffect(() => {
    let cancelled = false;
    const app = getBackupApp();
    const off = app.on('scheduleStatus', (status) => {
      pushed.current = true;
      setState({ phase: 'ok', status });
    });
    void app.getScheduleStatus().then((result) => {
      if (cancelled || (pushed.current && result.ok)) return;
      setState(result.ok ? { phase: 'ok', status: result.value } : { phase: 'problem', message: result.error.message });
    });
    return () => {
      cancelled = true;
      off();
    };
  }, []);

  const apply = useCallback((status: ScheduleStatus) => setState({ phase: 'ok', status }), []);
  return { state, status: state.phase === 'ok' ? state.status : null, apply };
}
