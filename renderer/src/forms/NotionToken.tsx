import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import type { NotionTokenCheck } from '../../../shared/ipc/contract';
import { Field } from '../components/Field';
import type { MainCall } from '../main-call';
import { strings } from '../strings';

/**
 * The Notion token form: the secret (hidden unless shown), Connect, and in demo mode a button that
 * fills in the demo workspace's token. `actions` are more buttons under it (Cancel).
 */
export function NotionTokenForm({
  label,
  busy,
  demoToken = null,
  actions,
  onSubmit,
}: {
  /** The form's name, where no heading around it gives one. */
  label?: string;
  busy: boolean;
  demoToken?: string | null;
  actions?: ReactNode;
  onSubmit: (token: string) => void;
}) {
  const [token, setToken] = useState('');
  const [revealed, setRevealed] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(token);
  }

  const useDemo = demoToken && (
    <p>
      <button type="button" className="button button--secondary" onClick={() => setToken(demoToken)}>
        {strings.notion.useDemoToken}
      </button>
    </p>
  );

  return (
    <form className="form" onSubmit={submit} aria-label={label}>
      <Field label={strings.notion.tokenLabel} hint={strings.notion.tokenHelp} after={useDemo}>
        {(control) => (
          <div className="input-row">
            <input
              {...control}
              className="input input--mono"
              type={revealed ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              placeholder="ntn_…"
            />
            <button type="button" className="button button--secondary" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
              {revealed ? strings.notion.hide : strings.notion.show}
            </button>
            <button type="submit" className="button" disabled={busy}>
              {strings.notion.connect}
            </button>
          </div>
        )}
      </Field>
      {actions && <div className="button-row">{actions}</div>}
    </form>
  );
}

/** What Notion said about the token: the workspace it opens, or why it was refused (never the token). */
export function TokenCheckResult({ connect }: { connect: MainCall<NotionTokenCheck> }) {
  switch (connect.state) {
    case 'idle':
    case 'cancelled':
      return null;
    case 'loading':
      return <p>{strings.notion.connecting}</p>;
    case 'problem': {
      const check = connect.problemAnswer;
      if (!check) return <p role="alert">{connect.problem}</p>;
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
    case 'ready': {
      const check = connect.value;
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
