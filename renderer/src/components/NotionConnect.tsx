import type { NotionTokenCheck } from '../../../shared/ipc/contract';
import { NotionTokenForm, TokenCheckResult } from '../forms/NotionToken';
import { strings } from '../strings';
import { useMainMutation, useMainQuery } from '../use-main';
import { CheckCard } from './Card';
import type { Status } from './StatusIcon';

/** Paste a token: main checks it with Notion and, when valid, keeps it in the secret vault. */
export function NotionConnect({
  onResult,
  connectedTo,
}: {
  /** Notion's verdict on the token, or null when the app could not ask. */
  onResult: (check: NotionTokenCheck | null) => void;
  /** The workspace already connected, if any. */
  connectedTo: string | null;
}) {
  const connect = useMainMutation('connectNotion');
  // The demo (npm run demo) offers the emulator's token: it opens a sample workspace, not a real one.
  const demoToken = useMainQuery('getAppInfo', undefined).value?.demoToken ?? null;

  async function submit(token: string) {
    const answer = await connect.run({ token });
    onResult(answer.state === 'ready' ? answer.value : answer.problemAnswer);
  }

  const alreadyConnected = connect.state === 'idle' && connectedTo !== null;
  const status: Status = connect.state === 'ready' || alreadyConnected ? 'ok' : connect.state === 'problem' ? 'problem' : 'pending';

  return (
    <CheckCard id="notion-check" testId="notion-check" status={status} title={strings.notion.title}>
      <NotionTokenForm busy={connect.state === 'loading'} demoToken={demoToken} onSubmit={(token) => void submit(token)} />
      <div aria-live="polite">
        {alreadyConnected ? <p data-testid="token-ok">{strings.notion.alreadyConnected(connectedTo)}</p> : <TokenCheckResult connect={connect} />}
      </div>
    </CheckCard>
  );
}
