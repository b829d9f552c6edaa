import type { ResultOf } from '../../../../shared/ipc/contract';
import { CallStatus, StatusLine } from '../../components/CallStatus';
import { CopyButton } from '../../components/CopyButton';
import { ScreenHeading, useFocusOnArrival } from '../../components/ScreenHeading';
import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';
import { useMainQuery } from '../../use-main';
import { formatDateTime } from '../../format-date';
import type { MainScreen } from '../snapshots/SnapshotsScreen';
import { durationMs, isDryRun, logText, subjectLabels } from './log-helpers';

const l = strings.logs;
const ls = scheduleStrings.logs;
type Job = ResultOf<'listJobHistory'>['jobs'][number];

/**
 * Recent jobs (newest first) with their result, what started them and their full log, expandable and
 * copyable. `openJobId` (a notification or the tray) opens that run's log and scrolls to it.
 */
export function LogsScreen({ openJobId = null }: { onNavigate?: (screen: MainScreen) => void; openJobId?: string | null }) {
  const history = useMainQuery('listJobHistory', undefined);
  // "Refresh" keeps the list on screen until the new one comes.
  const jobs = history.value?.jobs ?? null;

  return (
    <div className="screen screen--wide">
      <ScreenHeading>{l.title}</ScreenHeading>
      <div className="info-note">
        <p>{l.lead}</p>
        <button type="button" className="button button--secondary" onClick={history.refresh}>
          {l.refresh}
        </button>
      </div>
      {!jobs && <CallStatus call={history} loading={l.loading} />}
      {jobs?.length === 0 && <p>{l.empty}</p>}
      {jobs && openJobId && !jobs.some((job) => job.jobId === openJobId) && (
        <StatusLine>{ls.notFound}</StatusLine>
      )}
      {jobs && jobs.length > 0 && (
        <ul className="job-list" data-testid="job-list">
          {jobs.map((job) => (
            <JobEntry key={job.jobId} job={job} selected={job.jobId === openJobId} />
          ))}
        </ul>
      )}
    </div>
  );
}

function JobEntry({ job, selected }: { job: Job; selected: boolean }) {
  const kind = isDryRun(job) ? l.dryRun : (l.kinds[job.kind] ?? ls.kinds[job.kind] ?? job.kind);
  const subject = subjectLabels(job.subject);
  const ref = useFocusOnArrival<HTMLLIElement>(selected);
  const started = formatDateTime(job.startedAt);
  const duration = durationMs(job.startedAt, job.finishedAt);
  const result = job.outcome.status === 'succeeded' ? job.outcome.summary : job.outcome.message;
  return (
    <li
      ref={ref}
      className={`card job job--${job.outcome.status}${isDryRun(job) ? ' job--dry-run' : ''}${selected ? ' job--selected' : ''}`}
      data-testid="job"
      data-job-id={job.jobId}
      aria-current={selected ? 'true' : undefined}
      tabIndex={selected ? -1 : undefined}
    >
      <dl className="job__facts">
        <div>
          <dt>{l.columns.kind}</dt>
          <dd>{kind}</dd>
        </div>
        {subject && (
          <>
            <div>
              <dt>{l.columns.snapshot}</dt>
              <dd>{subject.snapshot}</dd>
            </div>
            <div>
              <dt>{l.columns.target}</dt>
              <dd className="mono-wrap">{subject.target}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{ls.trigger}</dt>
          <dd>{ls.triggers[job.trigger] ?? job.trigger}</dd>
        </div>
        <div>
          <dt>{l.columns.started}</dt>
          <dd>{started}</dd>
        </div>
        <div>
          <dt>{l.columns.duration}</dt>
          <dd>{duration === null ? '—' : strings.format.duration(duration)}</dd>
        </div>
        <div>
          <dt>{l.columns.result}</dt>
          <dd>
            <strong className={`job__status job__status--${job.outcome.status}`}>{strings.outcome[job.outcome.status]}</strong> {result}
          </dd>
        </div>
      </dl>
      {/* Opened from a notification: its log is shown (set on the first render only; the user can close it). */}
      <details className="warnings-details" open={selected || undefined}>
        <summary>{l.showLog(job.log.length)}</summary>
        <pre className="log-box" aria-label={l.logLabel(kind, started)}>
          {job.log.join('\n')}
        </pre>
        <CopyButton text={logText(job)} label={l.copy} copied={strings.settings.copied} failed={strings.settings.copyFailed} />
      </details>
    </li>
  );
}
