import { StatusLine } from '../../components/CallStatus';
import { Card } from '../../components/Card';
import { useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { StoreForm } from '../../forms/store/StoreForm';
import { strings } from '../../strings';
import { useMainMutation } from '../../use-main';
import { UnsavedNote, useUnsavedChanges } from './unsaved-changes';

const t = strings.settings;

/** The store: where it is, change it (open or create, the onboarding's form), and check its integrity. */
export function StoreSection({ state, platform, onStateChange }: { state: AppState; platform: string; onStateChange: (state: AppState) => void }) {
  const store = state.settings.store;
  const [changing, setChanging] = useState(false);
  // Something typed or chosen in the open form (StoreForm keeps its fields to itself).
  const [edited, setEdited] = useState(false);
  useUnsavedChanges('store', changing && edited);
  const closeForm = () => {
    setChanging(false);
    setEdited(false);
  };
  const [changed, setChanged] = useState<string | null>(null);
  const integrity = useMainMutation('checkStoreIntegrity');

  return (
    <Card id="settings-store" title={t.storeTitle} testId="settings-store">
      {store ? (
        <dl className="facts">
          <dt>{t.storeLocation}</dt>
          <dd className="mono-wrap">{store.location}</dd>
          <dt>{t.storeEncryption}</dt>
          <dd>{store.encrypted ? strings.firstBackup.encrypted : strings.firstBackup.notEncrypted}</dd>
        </dl>
      ) : (
        <p>{t.storeNone}</p>
      )}
      {changed && (
        <p className="ok-text" role="status">
          {t.storeChanged(changed)}
        </p>
      )}
      {changing ? (
        <div onInput={() => setEdited(true)}>
          <StoreForm
            initialMode="open"
            modeLegend={t.storeModeLegend}
            platform={platform}
            label={t.changeStore}
            className="form"
            onStateChange={onStateChange}
            onDone={(location) => {
              closeForm();
              setChanged(location);
            }}
            actions={({ busy, creating }) => (
              <div className="button-row">
                <button type="submit" className="button" disabled={busy}>
                  {busy ? (creating ? strings.store.creating : strings.store.opening) : t.storeSubmit}
                </button>
                <button type="button" className="button button--quiet" onClick={closeForm}>
                  {t.cancel}
                </button>
                <UnsavedNote shown={edited} />
              </div>
            )}
          >
            <p className="muted">{t.changeStoreLead}</p>
          </StoreForm>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => setChanging(true)}>
            {t.changeStore}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void integrity.run()} disabled={!store || integrity.state === 'loading'}>
            {t.checkIntegrity}
          </button>
        </div>
      )}
      {integrity.state === 'loading' && <StatusLine>{t.checking}</StatusLine>}
      {(integrity.state === 'ready' || integrity.state === 'problem') && (
        <p className={integrity.problem ? 'field-error' : 'ok-text'} role={integrity.problem ? 'alert' : 'status'} data-testid="integrity-result">
          {integrity.problem ?? integrity.value?.message}
        </p>
      )}
    </Card>
  );
}
