import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { ChooseFolderButton } from '../../components/ChooseFolderButton';
import { getBackupApp } from '../../bridge';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { strings } from '../../strings';

const t = strings.settings;

/** The store: where it is, change it (open or create, through setupStore), and check its integrity. */
export function StoreSection({ state, onStateChange }: { state: AppState; onStateChange: (state: AppState) => void }) {
  const store = state.settings.store;
  const [changing, setChanging] = useState(false);
  const [check, setCheck] = useState<{ phase: 'idle' | 'checking' } | { phase: 'done'; ok: boolean; message: string }>({ phase: 'idle' });
  const [changed, setChanged] = useState<string | null>(null);

  async function runCheck() {
    setCheck({ phase: 'checking' });
    const result = await getBackupApp().checkStoreIntegrity();
    if (!result.ok) setCheck({ phase: 'done', ok: false, message: result.error.message });
    else setCheck({ phase: 'done', ok: result.value.status === 'ok', message: result.value.message });
  }

  return (
    <section className="card" aria-labelledby="settings-store-title" data-testid="settings-store">
      <h2 id="settings-store-title" className="card__title">
        {t.storeTitle}
      </h2>
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
        <ChangeStoreForm
          onCancel={() => setChanging(false)}
          onDone={(location) => {
            setChanging(false);
            setChanged(location);
            void getBackupApp()
              .getAppState()
              .then((result) => result.ok && onStateChange(result.value));
          }}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => setChanging(true)}>
            {t.changeStore}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void runCheck()} disabled={!store || check.phase === 'checking'}>
            {t.checkIntegrity}
          </button>
        </div>
      )}
      {check.phase === 'checking' && (
        <p className="muted" role="status">
          {t.checking}
        </p>
      )}
      {check.phase === 'done' && (
        <p className={check.ok ? 'ok-text' : 'field-error'} role={check.ok ? 'status' : 'alert'} data-testid="integrity-result">
          {check.message}
        </p>
      )}
    </section>
  );
}

function ChangeStoreForm({ onCancel, onDone }: { onCancel: () => void; onDone: (location: string) => void }) {
  const [mode, setMode] = useState<'open' | 'create'>('open');
  const [location, setLocation] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locationId = useId();
  const passphraseId = useId();
  const helpId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!location.trim()) {
      setError(strings.store.locationEmpty);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await getBackupApp().setupStore({ mode, location: location.trim(), passphrase: passphrase === '' ? null : passphrase, plaintext: false });
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else if (result.value.status === 'problem') setError(result.value.message);
    else onDone(result.value.location);
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-label={t.changeStore}>
      <p className="muted">{t.changeStoreLead}</p>
      <fieldset className="choice-group">
        <legend>{t.storeModeLegend}</legend>
        <ChoiceRadio name="settings-store-mode" checked={mode === 'open'} onChange={() => setMode('open')} label={strings.store.open} hint={strings.store.openHint} />
        <ChoiceRadio name="settings-store-mode" checked={mode === 'create'} onChange={() => setMode('create')} label={strings.store.create} hint={strings.store.createHint} />
      </fieldset>
      <div className="field">
        <label htmlFor={locationId}>{strings.store.locationLabel}</label>
        <div className="input-row">
          <input id={locationId} className="input input--mono" value={location} onChange={(event) => setLocation(event.target.value)} autoComplete="off" spellCheck={false} />
          <ChooseFolderButton purpose="store" label={strings.folders.chooseStore} onChosen={setLocation} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={passphraseId}>{mode === 'open' ? strings.store.openPassphraseLabel : strings.store.passphraseLabel}</label>
        <input
          id={passphraseId}
          type="password"
          className="input"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          aria-describedby={helpId}
          autoComplete="off"
        />
        <p id={helpId} className="field-help">
          {mode === 'open' ? strings.store.openPassphraseHelp : strings.store.passphraseHelp}
        </p>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? (mode === 'open' ? strings.store.opening : strings.store.creating) : t.storeSubmit}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
