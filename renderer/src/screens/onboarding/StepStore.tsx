import { ScreenHeading } from '../../components/ScreenHeading';
import { SecretStorageGate } from '../../components/SecretStorageGate';
import { StoreForm } from '../../forms/store/StoreForm';
import { strings } from '../../strings';
import type { StepProps } from './step-props';

/** Step 2: create a new store (encrypted by default) or open an existing one. */
export function StepStore({ state, info, onStateChange, onNext, onBack }: StepProps) {
  const current = state.settings.store;
  const back = (
    <button type="button" className="button button--ghost" onClick={onBack}>
      {strings.wizard.back}
    </button>
  );
  return (
    <>
      <ScreenHeading>{strings.store.title}</ScreenHeading>
      <p className="lead">{strings.store.lead}</p>
      {current && (
        <div className="info-note">
          <p>{strings.store.ready(current.location)}</p>
          <button type="button" className="button button--secondary" onClick={onNext}>
            {strings.wizard.continue}
          </button>
        </div>
      )}
      <SecretStorageGate state={state} onStateChange={onStateChange}>
        <StoreForm
          initialMode="create"
          modeLegend={strings.store.modeLegend}
          platform={info?.platform ?? 'linux'}
          className="card form"
          onStateChange={onStateChange}
          onDone={onNext}
          actions={({ busy, creating }) => (
            <div className="wizard__actions">
              {back}
              <span className="button-row">
                {busy && (
                  <span role="status" className="muted">
                    {creating ? strings.store.creating : strings.store.opening}
                  </span>
                )}
                <button type="submit" className="button" disabled={busy}>
                  {creating ? strings.store.submitCreate : strings.store.submitOpen}
                </button>
              </span>
            </div>
          )}
        />
      </SecretStorageGate>
      {!(state.secretStorage.secure || state.settings.acceptInsecureSecretStorage) && <div className="wizard__actions">{back}</div>}
    </>
  );
}
