import { useEffect, useState } from 'react';
import type { ScheduleStatus } from '../../../../shared/schedule';
import { ProblemLine } from '../../components/CallStatus';
import { StatusIcon } from '../../components/StatusIcon';
import type { ScheduleStatusView } from '../../schedule-status';
import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';
import { PauseButtons } from '../settings/PauseControls';
import { formatRun } from '../settings/schedule-helpers';
import { formatRelativeTime, formatTimeAgo } from '../../../../shared/format-duration';
import { healthIcon } from './home-helpers';

const h = scheduleStrings.home;

/** The current time, refreshed every `everyMs` so "12 min ago" stays true while Home is open. */
function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Home → "Backup schedule": health, what the scheduler is doing, the next and the last backup, pause/resume. */
export function ScheduleCard({
  schedule,
  onStatus,
  onOpenSchedule,
  backupRunning,
}: {
  schedule: ScheduleStatusView;
  onStatus: (status: ScheduleStatus) => void;
  onOpenSchedule: () => void;
  /** Home's first card already says "A backup is running." */
  backupRunning: boolean;
}) {
  const now = useNow();
  const { status, problem } = schedule;
  const health = status?.health ?? null;
  return (
    <section className={`card schedule-card${health ? ` schedule-card--${health}` : ''}`} aria-labelledby="schedule-card-title" data-testid="schedule-card">
      <div className="schedule-card__head">
        <h2 id="schedule-card-title" className="card__title check-card__title">
          {health && <StatusIcon status={healthIcon(health)} />}
          {h.regionTitle}
        </h2>
        {status && <HealthPill status={status} />}
      </div>
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

function HealthPill({ status }: { status: ScheduleStatus }) {
  const { health, state } = status;
  const label = health === 'idle' && state === 'paused' ? h.paused : health === 'idle' && state === 'manual' ? h.manual : h.health[health];
  const tone = health === 'idle' && (state === 'paused' || state === 'manual') ? 'quiet' : health;
  return <span className={`health-pill health-pill--${tone}`}>{label}</span>;
}

function ScheduleFacts({ status, now, showDetail }: { status: ScheduleStatus; now: number; showDetail: boolean }) {
  const { nextRunAt, lastSuccess, lastRun } = status;
  const lastRunProblem = lastRun && lastRun.status !== 'succeeded' && (!lastSuccess || Date.parse(lastRun.at) > Date.parse(lastSuccess.at));
  return (
    <>
      <p className="schedule-card__detail" aria-live="polite" data-testid="home-schedule-detail">
        {showDetail ? status.detail : ''}
      </p>
      {/* When all is scheduled, main's sentence already says when the next backup is. */}
      {nextRunAt && status.state !== 'scheduled' && <p data-testid="next-backup">{h.nextBackup(formatRun(nextRunAt), formatRelativeTime(nextRunAt, now))}</p>}
      <p className="muted" data-testid="last-success">
        {lastSuccess ? h.lastSuccess(formatTimeAgo(lastSuccess.at, now), lastSuccess.pages, lastSuccess.warnings) : h.noSuccess}
      </p>
      {lastRunProblem && lastRun && (
        <p className="muted">{h.lastRunProblem(h.lastRunStatus[lastRun.status] ?? lastRun.status, formatTimeAgo(lastRun.at, now), lastRun.message)}</p>
      )}
    </>
  );
}

/** No backup has succeeded for a while: say so first, with the way out. */
export function StaleBanner({ stale, running, onBackUpNow }: { stale: NonNullable<ScheduleStatus['stale']>; running: boolean; onBackUpNow: () => void }) {
  return (
    <div className="card stale-banner" role="alert" data-testid="stale-banner">
      <p>
        <span aria-hidden="true">⚠ </span>
        {stale.message}
      </p>
      {!running && (
        <button type="button" className="button" onClick={onBackUpNow}>
          {h.staleBackUp}
        </button>
      )}
    </div>
  );
}
