import { ProblemLine } from '../../components/CallStatus';
import { strings } from '../../strings';
import type { Destination } from './restore-helpers';
import { estimateMs } from './restore-helpers';
import { CreatedCounts, GroupedWarnings } from './RestoreParts';
import type { RestoreEvents, RestoreRun } from './useRestoreJob';

const r = strings.restore;

/**
 * Step 4: what will happen. For Notion, the dry run's result (created counts, requests, time, what
 * cannot be restored); for a folder, a summary. Then the button that starts the real restore.
 */
export function StepCheck({
  destination,
  plan,
  run,
  events,
  onStart,
  onCancelCheck,
}: {
  destination: Destination;
  /** What will happen, in words (restorePlanText). */
  plan: string;
  run: RestoreRun;
  events: RestoreEvents;
  onStart: () => void;
  onCancelCheck: () => void;
}) {
  const summary = (
    <p className="restore-plan" data-testid="restore-plan">
      {plan}
    </p>
  );
  if (destination.kind === 'folder') {
    return (
      <div className="card">
        {summary}
        <button type="button" className="button button--large" onClick={onStart}>
          {r.startFolder}
        </button>
      </div>
    );
  }

  const outcome = run.phase === 'started' ? events.outcome : null;
  return (
    <div className="card" data-testid="dry-run">
      {summary}
      <p className="muted">{r.dryRunLead}</p>
      {run.phase === 'refused' && <ProblemLine message={run.message} prefix={r.refused} />}
      {(run.phase === 'starting' || (run.phase === 'started' && !outcome)) && (
        <div className="button-row">
          <p role="status">{r.dryRunRunning}</p>
          <button type="button" className="button button--secondary" onClick={onCancelCheck}>
            {strings.settings.cancel}
          </button>
        </div>
      )}
      {outcome?.status === 'failed' && <ProblemLine message={outcome.message} testId="dry-run-failure" />}
      {outcome?.status === 'cancelled' && <p role="status">{outcome.message}</p>}
      {outcome?.status === 'succeeded' && outcome.restore && (
        <>
          <p className="progress-card__phase">{r.dryRunResult}</p>
          <CreatedCounts counts={outcome.restore.created} testId="dry-run-counts" />
          <p>{r.requests(outcome.restore.requests, strings.format.duration(estimateMs(outcome.restore.estimatedSeconds)))}</p>
          {outcome.warnings.length + outcome.restore.losses.length === 0 ? (
            <p className="ok-text">{r.noLosses}</p>
          ) : (
            <GroupedWarnings
              warnings={outcome.warnings}
              losses={outcome.restore.losses}
              title={r.lossesTitle(outcome.warnings.length + outcome.restore.losses.length)}
            />
          )}
          <button type="button" className="button button--large" onClick={onStart}>
            {r.start}
          </button>
        </>
      )}
    </div>
  );
}
