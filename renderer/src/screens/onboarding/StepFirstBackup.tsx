import { useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { getBackupApp } from '../../bridge';
import { ScreenHeading } from '../../components/ScreenHeading';
import { strings } from '../../strings';
import { describePlan } from '../settings/schedule-helpers';
import type { StepProps } from './step-props';

export type BackupStart = { status: 'started'; jobId: string } | { status: 'refused'; message: string };

/** Step 5: a summary of the choices, then the first backup (onboarding is complete from here on). */
export function StepFirstBackup({
  state,
  onBack,
  onFinished,
}: StepProps & { onFinished: (state: AppState, start: BackupStart) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { store, notion, roots } = state.settings;

  async function start() {
    setBusy(true);
    setError(null);
    const app = getBackupApp();
    const completed = await app.completeOnboarding();
    if (!completed.ok) {
      setBusy(false);
      setError(completed.error.message);
      return;
    }
    const started = await app.startBackup({ full: false });
    setBusy(false);
    onFinished(completed.value, started.ok ? started.value : { status: 'refused', message: started.error.message });
  }

  return (
    <>
      <ScreenHeading>{strings.firstBackup.title}</ScreenHeading>
      <p className="lead">{strings.firstBackup.lead}</p>
      <section className="card" aria-labelledby="first-summary-title">
        <h2 id="first-summary-title" className="card__title">
          {strings.firstBackup.summaryTitle}
        </h2>
        <dl className="facts">
          <dt>{strings.firstBackup.store}</dt>
          <dd>
            <span className="mono-wrap">{store?.location ?? '—'}</span>{' '}
            {store && <span className="tag">{store.encrypted ? strings.firstBackup.encrypted : strings.firstBackup.notEncrypted}</span>}
          </dd>
          <dt>{strings.firstBackup.notion}</dt>
          <dd>{notion.workspaceName ?? strings.notion.unknownWorkspace}</dd>
          <dt>{strings.firstBackup.what}</dt>
          <dd>{roots.length === 0 ? strings.firstBackup.everything : strings.firstBackup.some(roots.length)}</dd>
          <dt>{strings.firstBackup.when}</dt>
          <dd>
            {describePlan(state.settings.schedule.plan)}
            <span className="muted"> {strings.firstBackup.whenHint}</span>
          </dd>
        </dl>
      </section>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="wizard__actions">
        <button type="button" className="button button--ghost" onClick={onBack}>
          {strings.wizard.back}
        </button>
        <button type="button" className="button button--large" disabled={busy} onClick={() => void start()}>
          {busy ? strings.firstBackup.starting : strings.firstBackup.start}
        </button>
      </div>
    </>
  );
}
