import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { IpcResult } from '../../../../shared/ipc/contract';
import type { PauseScheduleInput } from '../../../../shared/ipc/schedule-schemas';
import type { ScheduleStatus } from '../../../../shared/schedule';
import { getBackupApp } from '../../bridge';
import { describedBy, FieldError } from '../../components/Field';
import { scheduleStrings } from '../../strings-schedule';
import { pauseUntilFromInput, toLocalInput } from './schedule-helpers';

const p = scheduleStrings.pause;

export function isPaused(status: ScheduleStatus): boolean {
  return status.state === 'paused' || status.pausedUntil !== null;
}

/** Pause and resume calls; each answers with the new status. */
function usePauseActions(onStatus: (status: ScheduleStatus) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(call: () => Promise<IpcResult<ScheduleStatus>>): Promise<boolean> {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    onStatus(result.value);
    return true;
  }

  return {
    busy,
    error,
    pause: (input: PauseScheduleInput) => run(() => getBackupApp().pauseSchedule(input)),
    resume: () => run(() => getBackupApp().resumeSchedule()),
  };
}

/** The quick buttons (Home, Settings): "Resume backups" while paused, otherwise the two pauses. */
export function PauseButtons({
  status,
  onStatus,
  alwaysOfferPause = false,
}: {
  status: ScheduleStatus;
  onStatus: (status: ScheduleStatus) => void;
  /** Settings: pausing again (longer or shorter) stays possible while paused. */
  alwaysOfferPause?: boolean;
}) {
  const actions = usePauseActions(onStatus);
  const paused = isPaused(status);
  if (status.plan.kind === 'manual' && !paused) return null;
  return (
    <>
      <div className="button-row">
        {paused && (
          <button type="button" className="button" onClick={() => void actions.resume()} disabled={actions.busy}>
            {p.resume}
          </button>
        )}
        {(!paused || alwaysOfferPause) && (
          <>
            <button type="button" className="button button--ghost" onClick={() => void actions.pause({ kind: 'hour' })} disabled={actions.busy}>
              {p.forHour}
            </button>
            <button type="button" className="button button--ghost" onClick={() => void actions.pause({ kind: 'tomorrow' })} disabled={actions.busy}>
              {p.untilTomorrow}
            </button>
          </>
        )}
      </div>
      {actions.error && (
        <p className="field-error" role="alert">
          {actions.error}
        </p>
      )}
    </>
  );
}

/** Settings → Schedule → Pause: the state sentence, the quick buttons, and "until a chosen time". */
export function PauseBlock({ status, onStatus }: { status: ScheduleStatus; onStatus: (status: ScheduleStatus) => void }) {
  const [until, setUntil] = useState('');
  const [untilError, setUntilError] = useState<string | null>(null);
  const actions = usePauseActions(onStatus);
  const ids = { until: useId(), help: useId(), error: useId() };
  const manual = status.plan.kind === 'manual' && !isPaused(status);

  async function pauseUntil(event: FormEvent) {
    event.preventDefault();
    const parsed = pauseUntilFromInput(until, new Date());
    if (!parsed.ok) {
      setUntilError(parsed.message);
      return;
    }
    setUntilError(null);
    if (await actions.pause({ kind: 'until', until: parsed.iso })) setUntil('');
  }

  return (
    <div className="pause-block" data-testid="schedule-pause">
      <h3 className="subsection-title">{p.title}</h3>
      <p className="pause-block__state" role="status" data-testid="schedule-detail">
        <span className="visually-hidden">{p.stateLabel}: </span>
        {status.detail}
      </p>
      {manual ? (
        <p className="muted">{p.manualNote}</p>
      ) : (
        <>
          <PauseButtons status={status} onStatus={onStatus} alwaysOfferPause />
          <form className="field field--spaced" onSubmit={(event) => void pauseUntil(event)} noValidate>
            <label htmlFor={ids.until}>{p.untilLabel}</label>
            <div className="input-row input-row--inline">
              <input
                id={ids.until}
                className="input input--datetime"
                type="datetime-local"
                value={until}
                min={toLocalInput(new Date())}
                onChange={(event) => setUntil(event.target.value)}
                aria-invalid={Boolean(untilError || actions.error)}
                aria-describedby={describedBy(ids.help, ids.error, untilError ?? actions.error)}
              />
              <button type="submit" className="button button--secondary button--flat" disabled={actions.busy}>
                {p.untilButton}
              </button>
            </div>
            <p id={ids.help} className="field-help">
              {p.untilHelp}
            </p>
            <FieldError id={ids.error} message={untilError ?? actions.error} />
          </form>
        </>
      )}
    </div>
  );
}
