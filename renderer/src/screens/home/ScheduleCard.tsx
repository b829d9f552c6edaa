import { useEffect, useState } from 'react';
import type { ScheduleStatus } from '../../../../shared/schedule';
import { ProblemLine } from '../../components/CallStatus';
import type { ScheduleStatusView } from '../../schedule-status';
import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';
import { PauseButtons } from '../settings/PauseControls';
import { formatWeekdayDateTime } from '../../format-date';
import { scheduleSentence } from './home-helpers';
import { formatRelativeTime } from '../../../../shared/format-duration';

const h = scheduleStrings.home;

/** The current time, refreshed every `everyMs` so "12 min ago" stays true while Home is open. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Home → "Backup schedule": what the scheduler is doing and when the next backup is, pause/resume. */
export function ScheduleCard({
  schedule,
  onStatus,
  onOpenSchedule,
  backupRunning,
}: {
  schedule: ScheduleStatusView;
  onStatus: (status: ScheduleStatus) => void;
  onOpenSchedule: () => void;
  /** Home's first line already says "A backup is running." */
  backupRunning: boolean;
}) {
  const now = useNow();
  const { status, problem } = schedule;
  return (
    <section className="card schedule-card" aria-labelledby="schedule-card-title" data-testid="schedule-card">
      <h2 id="schedule-card-title" className="card__title">
        {h.regionTitle}
      </h2>
      {!status && !problem && <p className="muted">{strings.loading}</p>}
      <ProblemLine message={problem} prefix={h.loadProblem} />
      {status && <ScheduleFacts status={status} now={now} showDetail={!(backupRunning && status.state === 'running')} />}
      <div className="schedule-card__actions">
        {status && <PauseButtons status={status} onStatus={onStatus} />}
        <button type="button" className="link-button" onClick={onOpenSchedule}>
          {h.changeSchedule}
        </button>
      </div>
    </section>
  );
}

function ScheduleFacts({ status, now, showDetail }: { status: ScheduleStatus; now: number; showDetail: boolean }) {
  const { nextRunAt } = status;
  return (
    <>
      <p className="schedule-card__detail" aria-live="polite" data-testid="home-schedule-detail">
        {showDetail ? scheduleSentence(status) : ''}
      </p>
      {nextRunAt && status.state !== 'scheduled' && (
        <p className="muted" data-testid="next-backup">
          {h.nextBackup(formatWeekdayDateTime(nextRunAt), formatRelativeTime(nextRunAt, now))}
        </p>
      )}
    </>
  );
}
