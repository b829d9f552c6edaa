import type { FormEvent } from 'react';
import { useEffect, useId, useState } from 'react';
import type { NotionTokenCheck } from '../../../shared/ipc/contract';
import { getBackupApp } from '../bridge';
import { strings } from '../strings';
import type { Status } from './StatusIcon';
import { StatusIcon } from './StatusIcon';

type ConnectState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'done'; check: NotionTokenCheck }
  | { phase: 'failed'; message: string };

/** Paste a token: main checks it with Notion and, when valid, keeps it in the secret vault. */
export function NotionConnect({
  onResult,
  connectedTo,
}: {
  onResult: (check: NotionTokenCheck | null) => void;
  /** The workspace already connected, if any. */
  connectedTo: string | null;
}) {
  const [token, setToken] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [state, setState] = useState<ConnectState>({ phase: 'idle' });
  const inputId = useId();
  const helpId = useId();
  const [demoToken, setDemoToken] = useState<string | null>(null);

  useEffect(() => {
    // The demo (npm run demo) offers the emulator's token: it opens a sample workspace, not a real one.
    void getBackupApp()
      .getAppInfo()
      .then((result) => {
        if (result.ok) setDemoToken(result.value.demoToken);
      });
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState({ phase: 'checking' });
    const result = await getBackupApp().connectNotion({ token });
    if (!result.ok) {
      setState({ phase: 'failed', message: result.error.message });
      onResult(null);
      return;
    }
    setState({ phase: 'done', check: result.value });
    onResult(result.value);
  }

  const status: Status =
    (state.phase === 'done' && state.check.status === 'valid') || (state.phase === 'idle' && connectedTo !== null)
      ? 'ok'
      : state.phase === 'done' || state.phase === 'failed'
        ? 'problem'
        : 'pending';

  return (
    <section className="check-card" aria-labelledby="notion-check-title" data-testid="notion-check">
      <h3 id="notion-check-title" className="check-card__title">
        <StatusIcon status={status} />
        {strings.notion.title}
      </h3>
      <form className="field" onSubmit={(event) => void submit(event)}>
        <label htmlFor={inputId}>{strings.notion.tokenLabel}</label>
        <div className="input-row">
          <input
            id={inputId}
            className="input input--mono"
            type={revealed ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-describedby={helpId}
            placeholder="ntn_…"
          />
          <button
            type="button"
            className="button button--ghost"
            aria-pressed={revealed}
            onClick={() => setRevealed(!revealed)}
          >
            {revealed ? strings.notion.hide : strings.notion.show}
          </button>
          <button type="submit" className="button" disabled={state.phase === 'checking'}>
            {strings.notion.connect}
          </button>
        </div>
        {demoToken && (
          <p>
            <button type="button" className="button button--ghost" onClick={() => setToken(demoToken)}>
              {strings.notion.useDemoToken}
            </button>
          </p>
        )}
        <p id={helpId} className="field-help">
          {strings.notion.tokenHelp}
        </p>
      </form>
      <div aria-live="polite">
        {state.phase === 'idle' && connectedTo !== null ? (
          <p data-testid="token-ok">{strings.notion.alreadyConnected(connectedTo)}</p>
        ) : (
          <ConnectResult state={state} />
        )}
      </div>
    </section>
  );
}

function ConnectResult({ state }: { state: ConnectState }) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'checking':
      return <p>{strings.notion.connecting}</p>;
    case 'failed':
      return <p role="alert">{state.message}</p>;
    case 'done': {
      const { check } = state;
      if (check.status === 'invalid') {
        return (
          <div role="alert" data-testid="token-error" className="field-error-block">
            <p>{check.message}</p>
            {check.detail && (
              <p className="muted">
                {strings.notion.technicalDetail}: <code>{check.detail}</code>
              </p>
            )}
          </div>
        );
      }
      if (check.tokenKind === 'personal') {
        return <p data-testid="token-ok" className="ok-text">{strings.notion.connectedPersonal(check.userName ?? '')}</p>;
      }
      return (
        <p data-testid="token-ok" className="ok-text">
          <strong>{strings.notion.connected(check.workspaceName ?? strings.notion.unknownWorkspace)}</strong>{' '}
          {check.botName && strings.notion.connectedAs(check.botName)}
        </p>
      );
    }
  }
}
