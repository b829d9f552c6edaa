import { TriangleAlert } from 'lucide-react';
import { Icon } from './Icon';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { AppState } from '../../../shared/ipc/app-schemas';
import { inBrowserMode } from '../bridge';
import { strings } from '../strings';
import { useMainMutation } from '../use-main';

/**
 * Shows a loud warning with an explicit choice when the system has no secure key store and the user
 * has not accepted storing secrets anyway; renders its children once secrets can be saved.
 */
export function SecretStorageGate({
  state,
  onStateChange,
  children,
}: {
  state: AppState;
  onStateChange: (state: AppState) => void;
  children: ReactNode;
}) {
  const [declined, setDeclined] = useState(false);
  const accepting = useMainMutation('acceptInsecureSecretStorage');
  if (state.secretStorage.secure || state.settings.acceptInsecureSecretStorage) return <>{children}</>;
  const browser = inBrowserMode();

  async function accept() {
    const answer = await accepting.run();
    if (answer.state === 'ready') onStateChange(answer.value);
  }

  return (
    <section className="danger-panel" role="alert" aria-labelledby="secret-storage-title" data-testid="secret-storage-warning">
      <h2 id="secret-storage-title" className="danger-panel__title">
        <Icon of={TriangleAlert} size="heading" />
        {strings.secretStorage.title}
      </h2>
      <p>{browser ? strings.secretStorage.browser.body : strings.secretStorage.body(state.secretStorage.backend)}</p>
      <p>{browser ? strings.secretStorage.browser.safer : strings.secretStorage.safer}</p>
      <div className="button-row">
        <button type="button" className="button button--danger" onClick={() => void accept()} disabled={accepting.state === 'loading'}>
          {strings.secretStorage.accept}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setDeclined(true)}>
          {strings.secretStorage.decline}
        </button>
      </div>
      {declined && <p className="note">{browser ? strings.secretStorage.browser.declined : strings.secretStorage.declined}</p>}
      {accepting.state === 'problem' && <p>{strings.errors.bridge}</p>}
    </section>
  );
}
