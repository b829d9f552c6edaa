import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { ProblemLine, SaveResult } from '../../components/CallStatus';
import { inBrowserMode } from '../../bridge';
import { Card } from '../../components/Card';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceGroup } from '../../components/ChoiceRadio';
import { Field, FieldError } from '../../components/Field';
import { useFocusOnArrival } from '../../components/ScreenHeading';
import { useScheduleStatus } from '../../schedule-status';
import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';
import { useMainMutation } from '../../use-main';
import { PauseBlock } from './PauseControls';
import type { PlanDraft, PlanErrors, PlanKind, SavedSchedule, ScheduleOptionsDraft } from './schedule-helpers';
import { draftFromPlan, parseWholeNumber, planFromDraft, scheduleFormDiffers, toggleDay } from './schedule-helpers';
import { SchedulePreview } from './SchedulePreview';
import { UnsavedNote, useUnsavedChanges } from './unsaved-changes';

const t = scheduleStrings.schedule;
const KINDS: readonly PlanKind[] = ['manual', 'interval', 'daily', 'weekly'];
const CHECK_CHOICES = [0, 7, 30];

type FormErrors = PlanErrors & { fullEvery?: string; staleAfter?: string };

/**
 * Settings → Schedule: when automatic backups run (with a live preview of the next runs), their
 * options, and pausing them. Nothing is saved until "Save schedule"; an invalid form saves nothing.
 */
export function ScheduleSection({ state, focusOnMount = false }: { state: AppState; focusOnMount?: boolean }) {
  const schedule = useScheduleStatus();
  // What is saved: the app state as read, then what this form saved (the state is not re-read).
  const [saved, setSaved] = useState<SavedSchedule>(state.settings.schedule);
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(saved.plan));
  const [options, setOptions] = useState<ScheduleOptionsDraft>(() => ({
    skipOnBattery: saved.skipOnBattery,
    fullEvery: String(saved.fullEveryDays),
    checkEvery: saved.checkEveryDays,
    staleAfter: String(saved.staleAfterDays),
  }));
  const dirty = scheduleFormDiffers(draft, options, saved);
  useUnsavedChanges('schedule', dirty);
  const [errors, setErrors] = useState<FormErrors>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const saving = useMainMutation('updateSchedule');
  const headingRef = useFocusOnArrival<HTMLHeadingElement>(focusOnMount);

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
    const input: SavedSchedule = {
      plan: parsed.plan,
      skipOnBattery: options.skipOnBattery,
      fullEveryDays,
      checkEveryDays: options.checkEvery,
      staleAfterDays,
    };
    const answer = await saving.run(input);
    if (answer.state === 'ready') {
      schedule.apply(answer.value);
      setSaved(input);
    }
    setResult(answer.state === 'ready' ? { ok: true, text: strings.settings.saved } : { ok: false, text: answer.problem ?? '' });
  }

  const checkChoices = CHECK_CHOICES.includes(options.checkEvery) ? CHECK_CHOICES : [...CHECK_CHOICES, options.checkEvery].sort((a, b) => a - b);

  return (
    <Card id="settings-schedule" title={t.title} testId="settings-schedule" headingRef={headingRef}>
      <p className="muted">{inBrowserMode() ? t.leadBrowser : t.lead}</p>
      <form className="form" onSubmit={(event) => void save(event)} aria-label={t.title} noValidate>
        <ChoiceGroup
          legend={t.planLegend}
          name="settings-schedule-kind"
          options={KINDS}
          value={draft.kind}
          onChange={(kind) => editDraft({ kind }, 'all')}
          labels={t.plans}
          hints={t.planHints}
        />
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
          <Field label={t.checkEvery} hint={t.checkEveryHelp} inline>
            {(control) => (
              <select {...control} className="input input--select" value={options.checkEvery} onChange={(event) => editOption({ checkEvery: Number(event.target.value) })}>
                {checkChoices.map((days) => (
                  <option key={days} value={days}>
                    {t.checkOptions(days)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <DaysField
            label={t.staleAfter}
            help={t.staleAfterHelp}
            value={options.staleAfter}
            error={errors.staleAfter}
            onChange={(staleAfter) => editOption({ staleAfter }, 'staleAfter')}
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={saving.state === 'loading'}>
            {saving.state === 'loading' ? strings.settings.saving : t.save}
          </button>
          <UnsavedNote shown={dirty} />
          <SaveResult result={result} testId="schedule-save-status" />
        </div>
      </form>
      {schedule.status && <PauseBlock status={schedule.status} onStatus={schedule.apply} />}
      <ProblemLine message={schedule.problem} prefix={scheduleStrings.home.loadProblem} />
    </Card>
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
  const daysErrorId = useId();
  if (draft.kind === 'manual') return null;
  if (draft.kind === 'interval') {
    return (
      <Field label={t.hours} hint={t.hoursHelp} error={errors.everyHours} className="plan-fields">
        {(control) => (
          <input
            {...control}
            className="input input--number"
            type="number"
            min={1}
            max={168}
            value={draft.everyHours}
            onChange={(event) => onEdit({ everyHours: event.target.value }, 'everyHours')}
          />
        )}
      </Field>
    );
  }
  return (
    <div className="plan-fields form">
      {draft.kind === 'weekly' && (
        <fieldset className="choice-group" aria-describedby={errors.days ? daysErrorId : undefined}>
          <legend>{t.daysLegend}</legend>
          <div className="weekdays">
            {scheduleStrings.weekdays.map(({ day, short, long }) => (
              <Weekday key={day} short={short} long={long} checked={draft.days.includes(day)} onChange={(checked) => onEdit({ days: toggleDay(draft.days, day, checked) }, 'days')} />
            ))}
          </div>
          <FieldError id={daysErrorId} message={errors.days} />
        </fieldset>
      )}
      <Field label={t.time} hint={t.timeHelp} error={errors.time}>
        {(control) => <input {...control} className="input input--time" type="time" value={draft.time} onChange={(event) => onEdit({ time: event.target.value }, 'time')} />}
      </Field>
    </div>
  );
}

/** A number of days (1–90) with its help line and error: "Full crawl every [7] days". */
function DaysField({ label, help, value, error, onChange }: { label: string; help: string; value: string; error: string | undefined; onChange: (value: string) => void }) {
  return (
    <Field
      label={
        <>
          {label}
          <span className="visually-hidden"> ({t.days})</span>
        </>
      }
      hint={help}
      error={error}
      inline
    >
      {(control) => (
        <>
          <input {...control} className="input input--number" type="number" min={1} max={90} value={value} onChange={(event) => onChange(event.target.value)} />
          <span aria-hidden="true">{t.days}</span>
        </>
      )}
    </Field>
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
