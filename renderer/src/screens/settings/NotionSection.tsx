import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { getBackupApp } from '../../bridge';
import { strings } from '../../strings';

const t = strings.settings;

/** Notion: the connected workspace and integration; replace the token; disconnect (confirmed). */
export function NotionSection({ state, onStateChange }: { state: AppState; onStateChange: (state: AppState) => void }) {
  const { notion } = state.settings;
  const [mode, setMode] = useState<'view' | 'replace' | 'confirm-disconnect'>('view');
  const [message, setMessage] = useState<string | null>(null);

  async function refresh() {
    const result = await getBackupApp().getAppState();
    if (result.ok) onStateChange(result.value);
  }

  async function disconnect() {
    const result = await getBackupApp().disconnectNotion();
    setMode('view');
    if (result.ok) {
      onStateChange(result.value);
      setMessage(t.disconnected);
    } else setMessage(result.error.message);
  }

  return (
    <section className="card" aria-labelledby="settings-notion-title" data-testid="settings-notion">
      <h2 id="settings-notion-title" className="card__title">
        {t.notionTitle}
      </h2>
      {state.hasNotionToken ? (
        <dl className="facts">
          <dt>{t.workspace}</dt>
          <dd>{notion.workspaceName ?? strings.notion.unknownWorkspace}</dd>
          {notion.botName && (
            <>
              <dt>{t.integration}</dt>
              <dd>{notion.botName}</dd>
            </>
          )}
          {notion.tokenKind && (
            <>
              <dt>{t.tokenKind}</dt>
              <dd>{t.tokenKinds[notion.tokenKind]}</dd>
            </>
          )}
        </dl>
      ) : (
        <p>{t.notConnected}</p>
      )}
      {message && <p role="status">{message}</p>}
      {mode === 'view' && (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => setMode('replace')}>
            {state.hasNotionToken ? t.replaceToken : strings.notion.connect}
          </button>
          {state.hasNotionToken && (
            <button type="button" className="button button--ghost" onClick={() => setMode('confirm-disconnect')}>
              {t.disconnect}
            </button>
          )}
        </div>
      )}
      {mode === 'replace' && (
        <ReplaceToken
          onCancel={() => setMode('view')}
          onConnected={(text) => {
            setMode('view');
            setMessage(text);
            void refresh();
          }}
        />
      )}
      {mode === 'confirm-disconnect' && (
        <div className="danger-panel" role="alertdialog" aria-labelledby="disconnect-question">
          <p id="disconnect-question">{t.disconnectConfirm}</p>
          <div className="button-row">
            <button type="button" className="button button--danger" onClick={() => void disconnect()}>
              {t.disconnectYes}
            </button>
            {/* The safe choice takes the focus. */}
            {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
            <button type="button" className="button button--secondary" onClick={() => setMode('view')} autoFocus>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function ReplaceToken({ onCancel, onConnected }: { onCancel: () => void; onConnected: (message: string) => void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const helpId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await getBackupApp().connectNotion({ token });
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else if (result.value.status === 'invalid') setError(result.value.message);
    else onConnected(strings.notion.connected(result.value.workspaceName ?? strings.notion.unknownWorkspace));
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-label={t.replaceToken}>
      <div className="field">
        <label htmlFor={id}>{strings.notion.tokenLabel}</label>
        <input
          id={id}
          type="password"
          className="input input--mono"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby={helpId}
          autoComplete="off"
          spellCheck={false}
        />
        <p id={helpId} className="field-help">
          {strings.notion.tokenHelp}
        </p>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy || token.trim() === ''}>
          {busy ? strings.notion.connecting : strings.notion.connect}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
