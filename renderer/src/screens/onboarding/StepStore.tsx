import { ScreenHeading } from '../../components/ScreenHeading';
import { SecretStorageGate } from '../../components/SecretStorageGate';
import { StoreForm } from '../../forms/store/StoreForm';
import { strings } from '../../strings';
import type { StepProps } from './step-props';
import { WizardActions } from './WizardActions';

/** Step 2: create a new store (encrypted by default) or open an existing one. */
export function StepStore({ state, info, onStateChange, onNext, onBack }: StepProps) {
  const current = state.settings.store;
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
            <WizardActions onBack={onBack} progress={busy ? (creating ? strings.store.creating : strings.store.opening) : null}>
              <button type="submit" className="button" disabled={busy}>
                {creating ? strings.store.submitCreate : strings.store.submitOpen}
              </button>
            </WizardActions>
          )}
        />
      </SecretStorageGate>
      {!(state.secretStorage.secure || state.settings.acceptInsecureSecretStorage) && <WizardActions onBack={onBack} />}
    </>
  );
}
