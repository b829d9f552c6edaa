import { scheduleStrings } from '../../strings-schedule';
import { useMainQuery } from '../../use-main';
import type { PlanDraft } from './schedule-helpers';
import { formatWeekdayDateTime } from '../../format-date';
import { planFromDraft } from './schedule-helpers';

const t = scheduleStrings.schedule;
const DEBOUNCE_MS = 300;

/** "Next runs" for the plan being edited, asked from main (the scheduler's own rules) as the user types. */
export function SchedulePreview({ draft }: { draft: PlanDraft }) {
  const parsed = planFromDraft(draft);
  const plan = parsed.plan && parsed.plan.kind !== 'manual' ? parsed.plan : null;
  const preview = useMainQuery('previewSchedule', { plan: plan ?? { kind: 'manual' } }, { enabled: plan !== null, delayMs: DEBOUNCE_MS });

  let body;
  if (parsed.errors) {
    const message = parsed.errors.everyHours ?? parsed.errors.days ?? parsed.errors.time ?? '';
    body = <p className="muted">{t.previewInvalid(message)}</p>;
  } else if (plan === null) {
    body = <p className="muted">{t.previewManual}</p>;
  } else if (preview.state === 'problem') {
    body = <p className="field-error">{t.previewInvalid(preview.problem)}</p>;
  } else if (preview.value === null) {
    body = <p className="muted">{t.previewLoading}</p>;
  } else if (preview.value.runs.length === 0) {
    body = <p className="muted">{t.previewNone}</p>;
  } else {
    const { runs, timeZone } = preview.value;
    // While a newer preview is on its way the previous one stays, dimmed, rather than flickering.
    const outdated = preview.state !== 'ready';
    body = (
      <>
        <ul className={`runs${outdated ? ' runs--outdated' : ''}`} aria-label={t.previewTitle} aria-busy={outdated}>
          {runs.map((run) => (
            <li key={run}>
              <time dateTime={run}>{formatWeekdayDateTime(run, { timeZone })}</time>
            </li>
          ))}
        </ul>
        <p className="field-help">{t.previewTimeZone(timeZone)}</p>
      </>
    );
  }

  return (
    <div className="runs-preview" data-testid="schedule-preview">
      <h3 className="subsection-title">{t.previewTitle}</h3>
      {body}
    </div>
  );
}
