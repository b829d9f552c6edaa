import type { FormEvent } from 'react';
import { useState } from 'react';
import type { PauseScheduleInput } from '../../../../shared/ipc/schedule-schemas';
import type { ScheduleStatus } from '../../../../shared/schedule';
import { ProblemLine } from '../../components/CallStatus';
import { Field } from '../../components/Field';
import { scheduleStrings } from '../../strings-schedule';
import { callMain, useMainTask } from '../../use-main';
import { scheduleSentence } from '../home/home-helpers';
import { pauseUntilFromInput, toLocalInput } from './schedule-helpers';

const p = scheduleStrings.pause;

export function isPaused(status: ScheduleStatus): boolean {
  return status.state === 'paused' || status.pausedUntil !== null;
}

/** Pause (with how long) and resume (null); each answers with the new status. */
function usePauseActions(onStatus: (status: ScheduleStatus) => void) {
  const action = useMainTask((pause: PauseScheduleInput | null) => (pause ? callMain('pauseSchedule', pause) : callMain('resumeSchedule')));

  async function run(pause: PauseScheduleInput | null): Promise<boolean> {
    const answer = await action.run(pause);
    if (answer.state === 'ready') onStatus(answer.value);
    return answer.state === 'ready';
  }

  return { busy: action.state === 'loading', error: action.problem, pause: (input: PauseScheduleInput) => run(input), resume: () => run(null) };
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
            <button type="button" className="button button--secondary" onClick={() => void actions.pause({ kind: 'hour' })} disabled={actions.busy}>
              {p.forHour}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void actions.pause({ kind: 'tomorrow' })} disabled={actions.busy}>
              {p.untilTomorrow}
            </button>
          </>
        )}
      </div>
      <ProblemLine message={actions.error} />
    </>
  );
}

/** Settings → Schedule → Pause: the state sentence, the quick buttons, and "until a chosen time". */
export function PauseBlock({ status, onStatus }: { status: ScheduleStatus; onStatus: (status: ScheduleStatus) => void }) {
  const [until, setUntil] = useState('');
  const [untilError, setUntilError] = useState<string | null>(null);
  const actions = usePauseActions(onStatus);
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
        {scheduleSentence(status)}
      </p>
      {manual ? (
        <p className="muted">{p.manualNote}</p>
      ) : (
        <>
          <PauseButtons status={status} onStatus={onStatus} alwaysOfferPause />
          <form onSubmit={(event) => void pauseUntil(event)} noValidate>
            <Field label={p.untilLabel} hint={p.untilHelp} error={untilError ?? actions.error} className="field--spaced">
              {(control) => (
                <div className="input-row input-row--inline">
                  <input {...control} className="input input--datetime" type="datetime-local" value={until} min={toLocalInput(new Date())} onChange={(event) => setUntil(event.target.value)} />
                  <button type="submit" className="button button--secondary" disabled={actions.busy}>
                    {p.untilButton}
                  </button>
                </div>
              )}
            </Field>
          </form>
        </>
      )}
    </div>
  );
}
