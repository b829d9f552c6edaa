import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { NOTION_REQUEST_RATE } from '../../../../shared/notion-rate';
import { ProblemLine } from '../../components/CallStatus';
import { Card } from '../../components/Card';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { Field } from '../../components/Field';
import { ChoosePlakarButton, PlakarDetectionView } from '../../forms/PlakarProgram';
import { strings } from '../../strings';
import { useMainMutation } from '../../use-main';
import { parseRate } from './settings-helpers';
import { UnsavedNote, useUnsavedChanges } from './unsaved-changes';

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
  const dirty = parseRate(rate) !== advanced.requestsPerSecond || comments !== advanced.comments || localCopy !== advanced.localCopy;
  useUnsavedChanges('advanced', dirty);

  async function save(event: FormEvent) {
    event.preventDefault();
    const rps = parseRate(rate);
    setErrors({ rate: rps === null ? t.rateInvalid : undefined });
    if (rps === null) return;
    const answer = await saving.run({ requestsPerSecond: rps, comments, localCopy });
    if (answer.state === 'ready') onStateChange(answer.value);
  }

  return (
    <Card id="settings-advanced" title={t.advancedTitle} testId="settings-advanced">
      <form className="form" onSubmit={(event) => void save(event)} aria-label={t.advancedTitle} noValidate>
        <Field label={t.rate} hint={t.rateHelp} error={errors.rate}>
          {(control) => (
            <input
              {...control}
              className="input input--short"
              type="number"
              min={NOTION_REQUEST_RATE.min}
              max={NOTION_REQUEST_RATE.settingsMax}
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
          <UnsavedNote shown={dirty} />
          {((saving.state === 'ready' && !dirty) || saving.state === 'problem') && (
            <span role="status" className={saving.problem ? 'field-error' : 'ok-text'}>
              {saving.problem ?? t.saved}
            </span>
          )}
        </div>
      </form>
      <PlakarPath current={state.settings.plakarPath} />
    </Card>
  );
}

/** Which plakar program to use: main's file dialog, then what it found out about the program. */
function PlakarPath({ current }: { current: string | null }) {
  const choice = useMainMutation('choosePlakarBinary');
  return (
    <div className="form field--spaced" role="group" aria-label={t.plakarLabel}>
      <ChoosePlakarButton label={t.plakarLabel} hint={current ? t.plakarCurrent(current) : t.plakarDefault} busy={choice.state === 'loading'} onChoose={() => void choice.run()} />
      <ProblemLine message={choice.problem} />
      <div aria-live="polite">{choice.value && <PlakarDetectionView detection={choice.value} />}</div>
    </div>
  );
}
