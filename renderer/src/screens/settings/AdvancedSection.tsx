import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import type { PlakarDetection } from '../../../../shared/ipc/contract';
import { getBackupApp } from '../../bridge';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { Field } from '../../components/Field';
import { strings } from '../../strings';
import { useMainMutation } from '../../use-main';
import { parseRate } from './settings-helpers';

const t = strings.settings;
const COMMENTS = ['pages', 'all', 'off'] as const;

/** Advanced: requests per second, comments scope, the local copy; and which plakar to use (main's file dialog). */
export function AdvancedSection({ state, onStateChange }: { state: AppState; onStateChange: (state: AppState) => void }) {
  const { advanced } = state.settings;
  const [rate, setRate] = useState(String(advanced.requestsPerSecond));
  const [comments, setComments] = useState<(typeof COMMENTS)[number]>(advanced.comments);
  const [localCopy, setLocalCopy] = useState(advanced.localCopy);
  const saving = useMainMutation('updateAdvancedSettings');
  const [errors, setErrors] = useState<{ rate?: string }>({});
  const noteId = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    const rps = parseRate(rate);
    setErrors({ rate: rps === null ? t.rateInvalid : undefined });
    if (rps === null) return;
    const answer = await saving.run({ requestsPerSecond: rps, comments, localCopy });
    if (answer.state === 'ready') onStateChange(answer.value);
  }

  return (
    <section className="card" aria-labelledby="settings-advanced-title" data-testid="settings-advanced">
      <h2 id="settings-advanced-title" className="card__title">
        {t.advancedTitle}
      </h2>
      <form className="form" onSubmit={(event) => void save(event)} aria-label={t.advancedTitle} noValidate>
        <Field label={t.rate} hint={t.rateHelp} error={errors.rate}>
          {(control) => (
            <input
              {...control}
              className="input input--short"
              type="number"
              min={0.1}
              max={50}
              step="any"
              value={rate}
              onChange={(event) => setRate(event.target.value)}
            />
          )}
        </Field>
        <fieldset className="choice-group" aria-describedby={noteId}>
          <legend>{t.commentsLegend}</legend>
          {COMMENTS.map((value) => (
            <ChoiceRadio key={value} name="settings-comments" checked={comments === value} onChange={() => setComments(value)} label={t.comments[value]} />
          ))}
          <p id={noteId} className={comments === 'all' ? 'choice__hint choice__hint--warn' : 'choice__hint'}>
            {t.commentsAllNote}
          </p>
        </fieldset>
        <CheckRow checked={localCopy} onChange={setLocalCopy} label={t.localCopy} hint={t.localCopyHint} />
        <div className="button-row">
          <button type="submit" className="button">
            {t.advancedSave}
          </button>
          {(saving.state === 'ready' || saving.state === 'problem') && (
            <span role="status" className={saving.problem ? 'field-error' : 'ok-text'}>
              {saving.problem ?? t.saved}
            </span>
          )}
        </div>
      </form>
      <PlakarPath current={state.settings.plakarPath} />
    </section>
  );
}

function PlakarPath({ current }: { current: string | null }) {
  const [detection, setDetection] = useState<PlakarDetection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const helpId = useId();

  // Main opens the file dialog, runs `plakar version` and asks before trusting an unusual folder.
  async function choose() {
    setError(null);
    setBusy(true);
    const result = await getBackupApp().choosePlakarBinary();
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else if (result.value.status !== 'cancelled') setDetection(result.value);
  }

  return (
    <div className="form field--spaced" role="group" aria-label={t.plakarLabel}>
      <div className="field">
        <p className="field-label">{t.plakarLabel}</p>
        <div className="input-row">
          <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={busy} aria-describedby={helpId}>
            {strings.plakar.choose}
          </button>
        </div>
        <p id={helpId} className="field-help mono-wrap">
          {current ? t.plakarCurrent(current) : t.plakarDefault}
        </p>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {detection && <DetectionResult detection={detection} />}
    </div>
  );
}

function DetectionResult({ detection }: { detection: PlakarDetection }) {
  switch (detection.status) {
    case 'found':
      return (
        <>
          <p className="ok-text" role="status">
            {strings.plakar.found(detection.version)} {strings.plakar.foundAt(detection.path)}
          </p>
          {detection.warning ? <p className="choice__hint--warn">{detection.warning}</p> : null}
        </>
      );
    case 'too-old':
      return (
        <p className="field-error" role="alert">
          {strings.plakar.tooOld(detection.version, detection.minimumVersion)}
        </p>
      );
    case 'unusable':
      return (
        <p className="field-error" role="alert">
          {strings.plakar.unusable(detection.path, detection.reason)}
        </p>
      );
    default:
      return (
        <p className="field-error" role="alert">
          {strings.plakar.notFoundBody}
        </p>
      );
  }
}
