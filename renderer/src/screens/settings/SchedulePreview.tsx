import { useEffect, useState } from 'react';
import type { ResultOf } from '../../../../shared/ipc/contract';
import type { BackupSchedule } from '../../../../shared/schedule';
import { getBackupApp } from '../../bridge';
import { scheduleStrings } from '../../strings-schedule';
import type { PlanDraft } from './schedule-helpers';
import { formatRun, planFromDraft } from './schedule-helpers';

const t = scheduleStrings.schedule;
const DEBOUNCE_MS = 300;

type Preview = ResultOf<'previewSchedule'>;

/** "Next runs" for the plan being edited, asked from main (the scheduler's own rules) as the user types. */
export function SchedulePreview({ draft }: { draft: PlanDraft }) {
  const parsed = planFromDraft(draft);
  const key = parsed.plan && parsed.plan.kind !== 'manual' ? JSON.stringify(parsed.plan) : null;
  const [preview, setPreview] = useState<{ key: string; result: Preview } | null>(null);

  useEffect(() => {
    if (key === null) return;
    const plan = JSON.parse(key) as BackupSchedule;
    let cancelled = false;
    const timer = setTimeout(() => {
      void getBackupApp()
        .previewSchedule({ plan })
        .then((result) => {
          if (!cancelled) setPreview({ key, result: result.ok ? result.value : { status: 'invalid', message: result.error.message } });
        });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);

  let body;
  if (parsed.errors) {
    const message = parsed.errors.everyHours ?? parsed.errors.days ?? parsed.errors.time ?? '';
    body = <p className="muted">{t.previewInvalid(message)}</p>;
  } else if (key === null) {
    body = <p className="muted">{t.previewManual}</p>;
  } else if (preview === null) {
    body = <p className="muted">{t.previewLoading}</p>;
  } else if (preview.result.status === 'invalid') {
    body = <p className="field-error">{t.previewInvalid(preview.result.message)}</p>;
  } else if (preview.result.runs.length === 0) {
    body = <p className="muted">{t.previewNone}</p>;
  } else {
    const { runs, timeZone } = preview.result;
    // While a newer preview is on its way the previous one stays, dimmed, rather than flickering.
    const outdated = preview.key !== key;
    body = (
      <>
        <ul className={`runs${outdated ? ' runs--outdated' : ''}`} aria-label={t.previewTitle} aria-busy={outdated}>
          {runs.map((run) => (
            <li key={run}>
              <time dateTime={run}>{formatRun(run, undefined, timeZone)}</time>
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
