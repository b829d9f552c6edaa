import { ExternalLink, FolderOpen } from 'lucide-react';
import { Icon } from '../../components/Icon';
import { isAllowedExternalUrl } from '../../../../shared/external-links';
import { inBrowserMode } from '../../bridge';
import { ProblemLine } from '../../components/CallStatus';
import { strings } from '../../strings';
import { useMainMutation } from '../../use-main';
import { CreatedCounts, GroupedWarnings } from './RestoreParts';
import type { RestoreEvents, RestoreRun } from './useRestoreJob';

const r = strings.restore;

/** Step 5: progress while the restore runs (with Cancel), then its report (with Resume after a failure). */
export function RestoreReport({
  run,
  events,
  cancelling,
  onCancel,
  onResume,
  onChangeDestination,
  onAgain,
  onDone,
}: {
  run: RestoreRun;
  events: RestoreEvents;
  cancelling: boolean;
  onCancel: () => void;
  onResume: () => void;
  onChangeDestination: () => void;
  onAgain: () => void;
  onDone: () => void;
}) {
  const toFolder = run.phase !== 'idle' && run.input.destination.kind === 'folder';
  const showFolder = useMainMutation('showExportFolder');
  if (run.phase === 'refused') {
    return (
      <div className="card outcome outcome--failed" role="alert">
        <p>
          {r.refused} {run.message}
        </p>
        <button type="button" className="button" onClick={onResume}>
          {r.resume}
        </button>
      </div>
    );
  }
  const outcome = events.outcome;
  if (!outcome) {
    return (
      <div className="card" data-testid="restore-progress">
        <p className="progress-card__phase" role="status">
          {toFolder ? r.runningFolder : r.runningTitle}
        </p>
        {events.exported && (
          <div className="progress-row">
            <progress className="progress-bar" aria-label={r.exportBar} max={Math.max(1, events.exported.total)} value={events.exported.done} />
            <span className="progress-row__count">{r.exported(events.exported.done, events.exported.total)}</span>
          </div>
        )}
        {!toFolder && (
          <>
            <h3 className="card__title">{r.created}</h3>
            <CreatedCounts counts={events.created ?? { pages: 0, databases: 0, rows: 0, blocks: 0, files: 0, comments: 0, views: 0 }} />
          </>
        )}
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={cancelling || run.phase !== 'started'}>
          {cancelling ? r.cancelling : r.cancel}
        </button>
      </div>
    );
  }

  const title = outcome.status === 'succeeded' ? r.succeededTitle : outcome.status === 'failed' ? r.failedTitle : r.cancelledTitle;
  // Only Notion's own https pages open from here (shared/external-links.ts).
  const url = outcome.status === 'succeeded' && outcome.url && isAllowedExternalUrl(outcome.url) ? outcome.url : null;
  // Main opens the folder it recorded for this job; browser mode has no file manager to open it in.
  const folderJobId = outcome.status === 'succeeded' && toFolder && run.phase === 'started' && !inBrowserMode() ? run.jobId : null;
  const folderProblem = showFolder.state === 'problem' ? showFolder.problem : null;
  return (
    <section className={`card outcome outcome--${outcome.status}`} aria-labelledby="restore-outcome-title" data-testid="restore-outcome">
      <h2 id="restore-outcome-title">{title}</h2>
      {outcome.status === 'succeeded' && (
        <>
          <p>{outcome.summary}</p>
          {outcome.restore?.resumed && <p>{r.resumed}</p>}
          {url && (
            <p>
              <a className="button" href={url} target="_blank" rel="noreferrer">
                <Icon of={ExternalLink} />
                {r.openRestored}
              </a>
            </p>
          )}
          {folderJobId && (
            <p>
              <button type="button" className="button" onClick={() => void showFolder.run({ jobId: folderJobId })}>
                <Icon of={FolderOpen} />
                {r.showFolder}
              </button>
            </p>
          )}
          <ProblemLine message={folderProblem} prefix={r.showFolderProblem} />
          <GroupedWarnings
            warnings={outcome.warnings}
            losses={outcome.restore?.losses ?? []}
            title={r.warningsTitle(outcome.warnings.length + (outcome.restore?.losses.length ?? 0))}
          />
        </>
      )}
      {outcome.status === 'failed' && (
        <>
          <p role="alert">{outcome.message}</p>
          {outcome.kind === 'folder-not-empty' ? <p>{r.folderNotEmpty}</p> : <p>{outcome.retryable ? r.retryable : r.notRetryable}</p>}
        </>
      )}
      {outcome.status === 'cancelled' && (
        <>
          <p>{outcome.message}</p>
          {!toFolder && <p>{r.cancelledNote}</p>}
        </>
      )}
      <div className="button-row">
        {outcome.status === 'failed' && outcome.kind === 'folder-not-empty' && (
          <button type="button" className="button" onClick={onChangeDestination}>
            {r.back}
          </button>
        )}
        {outcome.status !== 'succeeded' && !(outcome.status === 'failed' && outcome.kind === 'folder-not-empty') && (
          <button type="button" className="button" onClick={onResume}>
            {r.resume}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onAgain}>
          {r.again}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {r.done}
        </button>
      </div>
    </section>
  );
}
