import { Card } from '../../components/Card';
import { OptionalFact } from '../../components/OptionalFact';
import { useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { NotionTokenForm, TokenCheckResult } from '../../forms/NotionToken';
import { strings } from '../../strings';
import { reloadAppState, useMainMutation } from '../../use-main';
import { UnsavedNote, useUnsavedChanges } from './unsaved-changes';

const t = strings.settings;

/** Notion: the connected workspace and integration; replace the token; disconnect (confirmed). */
export function NotionSection({ state, onStateChange }: { state: AppState; onStateChange: (state: AppState) => void }) {
  const { notion } = state.settings;
  const [mode, setMode] = useState<'view' | 'replace' | 'confirm-disconnect'>('view');
  const [message, setMessage] = useState<string | null>(null);
  const disconnecting = useMainMutation('disconnectNotion');

  async function disconnect() {
    const answer = await disconnecting.run();
    setMode('view');
    if (answer.state === 'ready') onStateChange(answer.value);
    setMessage(answer.state === 'ready' ? t.disconnected : answer.problem);
  }

  return (
    <Card id="settings-notion" title={t.notionTitle} testId="settings-notion">
      {state.hasNotionToken ? (
        <dl className="facts">
          <dt>{t.workspace}</dt>
          <dd>{notion.workspaceName ?? strings.notion.unknownWorkspace}</dd>
          <OptionalFact label={t.integration} value={notion.botName} />
          <OptionalFact label={t.tokenKind} value={notion.tokenKind && t.tokenKinds[notion.tokenKind]} />
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
            <button type="button" className="button button--secondary" onClick={() => setMode('confirm-disconnect')}>
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
            void reloadAppState(onStateChange);
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
    </Card>
  );
}

function ReplaceToken({ onCancel, onConnected }: { onCancel: () => void; onConnected: (message: string) => void }) {
  const connect = useMainMutation('connectNotion');
  // A token typed and not yet connected (the form keeps its field to itself).
  const [typed, setTyped] = useState(false);
  useUnsavedChanges('notion', typed);

  async function submit(token: string) {
    const answer = await connect.run({ token });
    if (answer.state === 'ready') onConnected(strings.notion.connected(answer.value.workspaceName ?? strings.notion.unknownWorkspace));
  }

  return (
    <div onInput={() => setTyped(true)}>
      <NotionTokenForm
        label={t.replaceToken}
        busy={connect.state === 'loading'}
        onSubmit={(token) => void submit(token)}
        actions={
          <>
            <button type="button" className="button button--quiet" onClick={onCancel}>
              {t.cancel}
            </button>
            <UnsavedNote shown={typed} />
          </>
        }
      />
      <div aria-live="polite">
        <TokenCheckResult connect={connect} />
      </div>
    </div>
  );
}
