import { useState } from 'react';
import type { BackupProgress } from '../../../shared/jobs';
import { Card } from '../components/Card';
import { ScreenHeading } from '../components/ScreenHeading';
import type { JobView } from '../jobs';
import { strings } from '../strings';
import { callMain } from '../use-main';
import { backupNotes } from './progress-notes';

const { format } = strings;

/** A running backup (live counters, Cancel) and, once it ends, its summary or failure. */
export function ProgressScreen({
  job,
  starting,
  startError,
  onTryAgain,
  onHome,
}: {
  job: JobView | null;
  starting: boolean;
  startError: string | null;
  onTryAgain: () => void;
  onHome: () => void;
}) {
  const outcome = job?.outcome ?? null;
  const title =
    outcome?.status === 'succeeded'
      ? strings.progress.titleSucceeded
      : outcome?.status === 'failed' || startError
        ? strings.progress.titleFailed
        : outcome?.status === 'cancelled'
          ? strings.progress.titleCancelled
          : strings.progress.title;

  return (
    <div className="screen">
      {/* A new key per title moves the focus to the heading when the backup ends. */}
      <ScreenHeading key={title}>{title}</ScreenHeading>
      {startError ? (
        <section className="card problem-card" role="alert">
          <p>
            {strings.progress.startRefused} {startError}
          </p>
          <EndActions retry={onTryAgain} onHome={onHome} />
        </section>
      ) : !job ? (
        <p role="status" className="card">
          {starting ? strings.progress.starting : strings.progress.none}
        </p>
      ) : (
        <>
          {outcome === null ? <Running job={job} /> : <Outcome job={job} onTryAgain={onTryAgain} onHome={onHome} />}
          {job.progress && <Stats progress={job.progress} finished={outcome !== null} />}
        </>
      )}
    </div>
  );
}

function Running({ job }: { job: JobView }) {
  const [cancelling, setCancelling] = useState(false);
  const progress = job.progress;

  async function cancel() {
    setCancelling(true);
    const answer = await callMain('cancelJob', { jobId: job.jobId });
    if (answer.state !== 'ready' || !answer.value.cancelled) setCancelling(false);
  }

  const known = progress?.pages.known ?? null;
  const done = progress?.pages.done ?? 0;
  const notes = backupNotes(progress);

  return (
    <section className="card progress-card" aria-labelledby="progress-phase">
      <p id="progress-phase" className="progress-card__phase" aria-live="polite">
        {progress ? strings.progress.phase[progress.phase] : strings.progress.starting}
      </p>
      {progress?.mode && <p className="muted">{strings.progress.mode[progress.mode]}</p>}
      {progress && progress.resumedPages > 0 && (
        <p className="muted" data-testid="resuming">
          {strings.progress.resuming(progress.resumedPages)}
        </p>
      )}
      <div className="progress-row">
        <progress
          className="progress-bar"
          aria-label={strings.progress.barLabel}
          max={known && known > 0 ? known : undefined}
          value={known && known > 0 ? Math.min(done, known) : undefined}
        />
        <span className="progress-row__count">{strings.progress.pagesOf(done, known)}</span>
      </div>
      <p>
        <span className="muted">{strings.progress.stats.eta}: </span>
        <strong data-testid="eta">{progress?.etaMs != null ? format.duration(progress.etaMs) : strings.progress.estimating}</strong>
      </p>
      {notes.length > 0 && (
        <div className="live-notes" role="status">
          <h2 className="card__title">{strings.progress.liveNotesTitle}</h2>
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="button button--secondary" onClick={() => void cancel()} disabled={cancelling}>
        {cancelling ? strings.progress.cancelling : strings.progress.cancel}
      </button>
    </section>
  );
}

function Stats({ progress, finished }: { progress: BackupProgress; finished: boolean }) {
  const s = strings.progress.stats;
  const rows: Array<[string, string]> = [
    [s.pages, (progress.pages.done - progress.rows).toLocaleString()],
    [s.databases, progress.databases.toLocaleString()],
    [s.rows, progress.rows.toLocaleString()],
    [s.blocks, progress.blocks.toLocaleString()],
    [s.files, progress.files.toLocaleString()],
    [s.bytes, format.bytes(progress.bytes)],
    [s.comments, progress.comments.toLocaleString()],
    ...(progress.mode === 'incremental' ? ([[s.reused, progress.reusedPages.toLocaleString()]] as Array<[string, string]>) : []),
    [s.apiCalls, progress.apiCalls.toLocaleString()],
    [s.rateLimited, strings.progress.rateLimitValue(progress.rateLimited, format.duration(progress.rateLimitWaitMs))],
    [s.elapsed, format.duration(progress.elapsedMs)],
  ];
  return (
    <dl className={`stats${finished ? ' stats--finished' : ''}`} data-testid="progress-stats">
      {rows.map(([label, value]) => (
        <div key={label} className="stats__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Outcome({ job, onTryAgain, onHome }: { job: JobView; onTryAgain: () => void; onHome: () => void }) {
  const outcome = job.outcome;
  if (!outcome) return null;
  if (outcome.status === 'succeeded') {
    return (
      <Card id="summary" title={strings.progress.summaryTitle} testId="backup-summary" className="outcome outcome--succeeded">
        <p>{outcome.summary}</p>
        {outcome.snapshotId && <p className="muted mono-wrap">{strings.progress.snapshot(outcome.snapshotId.slice(0, 12))}</p>}
        {outcome.warnings.length > 0 && (
          <details className="warnings-details">
            <summary>{strings.progress.warningsTitle(outcome.warnings.length)}</summary>
            <ul>
              {outcome.warnings.map((warning, index) => (
                // Warnings can repeat word for word; their position is their identity.
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </details>
        )}
        <EndActions onHome={onHome} />
      </Card>
    );
  }
  return (
    <section className={`card outcome outcome--${outcome.status}`} role="alert" data-testid="backup-failure">
      <p>{outcome.message}</p>
      <EndActions retry={outcome.status === 'failed' && outcome.retryable ? onTryAgain : undefined} onHome={onHome} />
    </section>
  );
}

function EndActions({ retry, onHome }: { retry?: () => void; onHome: () => void }) {
  return (
    <div className="button-row button-row--end">
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {strings.progress.tryAgain}
        </button>
      )}
      <button type="button" className={retry ? 'button button--secondary' : 'button'} onClick={onHome}>
        {strings.progress.backHome}
      </button>
    </div>
  );
}
