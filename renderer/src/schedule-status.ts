import { useState } from 'react';
import type { ScheduleStatus } from '../../shared/schedule';
import { useMainEvent, useMainQuery } from './use-main';

/** The scheduler's status (null until known), or why it could not be read. */
export interface ScheduleStatusView {
  status: ScheduleStatus | null;
  problem: string | null;
}

/**
 * The scheduler's status, read once and then kept live by main's `scheduleStatus` events. `apply`
 * takes the status a pause/resume/update call answered with (the event follows, with the same value).
 * A status pushed or applied is newer than the first read, whenever that one answers.
 */
export function useScheduleStatus(): ScheduleStatusView & { apply: (status: ScheduleStatus) => void } {
  const read = useMainQuery('getScheduleStatus', undefined);
  const [pushed, setPushed] = useState<ScheduleStatus | null>(null);
  useMainEvent('scheduleStatus', setPushed);
  return { status: pushed ?? read.value, problem: pushed ? null : read.problem, apply: setPushed };
}
