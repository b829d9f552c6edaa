import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import type { ScheduleSettings } from '../../../../shared/schedule';
import { getBackupApp } from '../../bridge';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { describedBy, FieldError } from '../../components/Field';
import { useScheduleStatus } from '../../schedule-status';
import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';
import { PauseBlock } from './PauseControls';
import type { PlanDraft, PlanErrors, PlanKind } from './schedule-helpers';
import { draftFromPlan, parseWholeNumber, planFromDraft, toggleDay } from './schedule-helpers';
import { SchedulePreview } from './SchedulePreview';

const t = scheduleStrings.schedule;
const KINDS: readonly PlanKind[] = ['manual', 'interval', 'daily', 'weekly'];
const CHECK_CHOICES = [0, 7, 30];

type FormErrors = PlanErrors & { fullEvery?: string; staleAfter?: string };

/**
 * Settings → Schedule: when automatic backups run (with a live preview of the next runs), their
 * options, and pausing them. Nothing is saved until "Save schedule"; an invalid form saves nothing.
 */
export function ScheduleSection({ state, focusOnMount = false }: { state: AppState; focusOnMount?: boolean }) {
  const saved = state.settings.schedule;
  const schedule = useScheduleStatus();
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(saved.plan));
  const [options, setOptions] = useState(() => ({
    skipOnBattery: saved.skipOnBattery,
    fullEvery: String(saved.fullEveryDays),
    checkEvery: saved.checkEveryDays,
    staleAfter: String(saved.staleAfterDays),
  }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { check: useId(), checkHelp: useId() };

  useEffect(() => {
    if (!focusOnMount) return;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus();
  }, [focusOnMount]);

  const editDraft = (change: Partial<PlanDraft>, clears: keyof PlanErrors | 'all') => {
    setDraft((current) => ({ ...current, ...change }));
    setErrors((current) => (clears === 'all' ? { ...current, everyHours: undefined, time: undefined, days: undefined } : { ...current, [clears]: undefined }));
    setResult(null);
  };
  const editOption = (change: Partial<typeof options>, clears?: keyof FormErrors) => {
    setOptions((current) => ({ ...current, ...change }));
    if (clears) setErrors((current) => ({ ...current, [clears]: undefined }));
    setResult(null);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = planFromDraft(draft);
    const fullEveryDays = parseWholeNumber(options.fullEvery, 1, 90);
    const staleAfterDays = parseWholeNumber(options.staleAfter, 1, 90);
    setErrors({
      ...(parsed.errors ?? {}),
      fullEvery: fullEveryDays === null ? t.fullEveryInvalid : undefined,
      staleAfter: staleAfterDays === null ? t.staleAfterInvalid : undefined,
    });
    if (!parsed.plan || fullEveryDays === null || staleAfterDays === null) {
      setResult({ ok: false, text: t.fixErrors });
      return;
    }
    const input: Omit<ScheduleSettings, 'pausedUntil'> = {
      plan: parsed.plan,
      skipOnBattery: options.skipOnBattery,
      fullEveryDays,
      checkEveryDays: options.checkEvery,
      staleAfterDays,
    };
    setBusy(true);
    const answer = await getBackupApp().updateSchedule(input);
    setBusy(false);
    if (!answer.ok) {
      setResult({ ok: false, text: answer.error.message });
      return;
    }
    schedule.apply(answer.value);
    setResult({ ok: true, text: strings.settings.saved });
  }

  const checkChoices = CHECK_CHOICES.includes(options.checkEvery) ? CHECK_CHOICES : [...CHECK_CHOICES, options.checkEvery].sort((a, b) => a - b);

  return (
    <section className="card" aria-labelledby="settings-schedule-title" data-testid="settings-schedule">
      <h2 id="settings-schedule-title" className="card__title" ref={headingRef} tabIndex={-1}>
        {t.title}
      </h2>
      <p className="muted">{t.lead}</p>
      <form className="form" onSubmit={(event) => void save(event)} aria-label={t.title} noValidate>
        <fieldset className="choice-group">
          <legend>{t.planLegend}</legend>
          {KINDS.map((kind) => (
            <ChoiceRadio
              key={kind}
              name="settings-schedule-kind"
              checked={draft.kind === kind}
              onChange={() => editDraft({ kind }, 'all')}
              label={t.plans[kind]}
              hint={t.planHints[kind]}
            />
          ))}
        </fieldset>
        <PlanFields draft={draft} errors={errors} onEdit={editDraft} />
        <SchedulePreview draft={draft} />
        <fieldset className="choice-group options-group">
          <legend>{t.optionsLegend}</legend>
          <CheckRow checked={options.skipOnBattery} onChange={(skipOnBattery) => editOption({ skipOnBattery })} label={t.skipOnBattery} />
          <DaysField
            label={t.fullEvery}
            help={t.fullEveryHelp}
            value={options.fullEvery}
            error={errors.fullEvery}
            onChange={(fullEvery) => editOption({ fullEvery }, 'fullEvery')}
          />
          <div className="field">
            <div className="inline-field">
              <label htmlFor={ids.check}>{t.checkEvery}</label>
              <select
                id={ids.check}
                className="input input--select"
                value={options.checkEvery}
                onChange={(event) => editOption({ checkEvery: Number(event.target.value) })}
                aria-describedby={ids.checkHelp}
              >
                {checkChoices.map((days) => (
                  <option key={days} value={days}>
                    {t.checkOptions(days)}
                  </option>
                ))}
              </select>
            </div>
            <p id={ids.checkHelp} className="field-help">
              {t.checkEveryHelp}
            </p>
          </div>
          <DaysField
            label={t.staleAfter}
            help={t.staleAfterHelp}
            value={options.staleAfter}
            error={errors.staleAfter}
            onChange={(staleAfter) => editOption({ staleAfter }, 'staleAfter')}
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? strings.settings.saving : t.save}
          </button>
          <span role="status" className={result?.ok ? 'ok-text' : 'field-error'} data-testid="schedule-save-status">
            {result?.text ?? ''}
          </span>
        </div>
      </form>
      {schedule.state.phase === 'ok' && <PauseBlock status={schedule.state.status} onStatus={schedule.apply} />}
      {schedule.state.phase === 'problem' && (
        <p className="field-error" role="alert">
          {scheduleStrings.home.loadProblem} {schedule.state.message}
        </p>
      )}
    </section>
  );
}

/** The fields of the chosen kind of plan: hours, or a time (and days for weekly). */
function PlanFields({
  draft,
  errors,
  onEdit,
}: {
  draft: PlanDraft;
  errors: PlanErrors;
  onEdit: (change: Partial<PlanDraft>, clears: keyof PlanErrors) => void;
}) {
  const ids = { hours: useId(), hoursHelp: useId(), hoursError: useId(), time: useId(), timeHelp: useId(), timeError: useId(), daysError: useId() };
  if (draft.kind === 'manual') return null;
  if (draft.kind === 'interval') {
    return (
      <div className="field plan-fields">
        <label htmlFor={ids.hours}>{t.hours}</label>
        <input
          id={ids.hours}
          className="input input--number"
          type="number"
          min={1}
          max={168}
          value={draft.everyHours}
          onChange={(event) => onEdit({ everyHours: event.target.value }, 'everyHours')}
          aria-invalid={Boolean(errors.everyHours)}
          aria-describedby={describedBy(ids.hoursHelp, ids.hoursError, errors.everyHours)}
        />
        <p id={ids.hoursHelp} className="field-help">
          {t.hoursHelp}
        </p>
        <FieldError id={ids.hoursError} message={errors.everyHours} />
      </div>
    );
  }
  return (
    <div className="plan-fields form">
      {draft.kind === 'weekly' && (
        <fieldset className="choice-group" aria-describedby={errors.days ? ids.daysError : undefined}>
          <legend>{t.daysLegend}</legend>
          <div className="weekdays">
            {scheduleStrings.weekdays.map(({ day, short, long }) => (
              <Weekday key={day} short={short} long={long} checked={draft.days.includes(day)} onChange={(checked) => onEdit({ days: toggleDay(draft.days, day, checked) }, 'days')} />
            ))}
          </div>
          <FieldError id={ids.daysError} message={errors.days} />
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={ids.time}>{t.time}</label>
        <input
          id={ids.time}
          className="input input--time"
          type="time"
          value={draft.time}
          onChange={(event) => onEdit({ time: event.target.value }, 'time')}
          aria-invalid={Boolean(errors.time)}
          aria-describedby={describedBy(ids.timeHelp, ids.timeError, errors.time)}
        />
        <p id={ids.timeHelp} className="field-help">
          {t.timeHelp}
        </p>
        <FieldError id={ids.timeError} message={errors.time} />
      </div>
    </div>
  );
}

/** A number of days (1–90) with its help line and error: "Full crawl every [7] days". */
function DaysField({ label, help, value, error, onChange }: { label: string; help: string; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const ids = { input: useId(), help: useId(), error: useId() };
  return (
    <div className="field">
      <div className="inline-field">
        <label htmlFor={ids.input}>
          {label}
          <span className="visually-hidden"> ({t.days})</span>
        </label>
        <input
          id={ids.input}
          className="input input--number"
          type="number"
          min={1}
          max={90}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy(ids.help, ids.error, error)}
        />
        <span aria-hidden="true">{t.days}</span>
      </div>
      <p id={ids.help} className="field-help">
        {help}
      </p>
      <FieldError id={ids.error} message={error} />
    </div>
  );
}

/** A weekday as a toggle pill: "Mon" on screen, "Monday" for assistive technology. */
function Weekday({ short, long, checked, onChange }: { short: string; long: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <span className={`weekday${checked ? ' weekday--checked' : ''}`}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>
        <span aria-hidden="true">{short}</span>
        <span className="visually-hidden">{long}</span>
      </label>
    </span>
  );
}
