import { useCallback } from 'react';
import type { NotionTokenCheck } from '../../../../shared/ipc/contract';
import { NotionConnect } from '../../components/NotionConnect';
import { ScreenHeading } from '../../components/ScreenHeading';
import { SecretStorageGate } from '../../components/SecretStorageGate';
import { strings } from '../../strings';
import { reloadAppState } from '../../use-main';
import type { StepProps } from './step-props';
import { WizardActions } from './WizardActions';

/** Step 3: connect Notion (main validates the token and keeps it in the secret vault). */
export function StepNotion({ state, onStateChange, onNext, onBack }: StepProps) {
  const onResult = useCallback(
    (check: NotionTokenCheck | null) => {
      if (!check) return;
      if (check.status === 'valid' || check.problem === 'secret-storage') void reloadAppState(onStateChange);
    },
    [onStateChange],
  );
  const notion = state.settings.notion;
  const connectedTo = state.hasNotionToken ? (notion.workspaceName ?? strings.notion.unknownWorkspace) : null;

  return (
    <>
      <ScreenHeading>{strings.notion.screenTitle}</ScreenHeading>
      <p className="lead">{strings.notion.lead}</p>
      <section className="card help-card" aria-labelledby="notion-how-title">
        <h2 id="notion-how-title">{strings.notion.howTitle}</h2>
        <ol className="how-list">
          {strings.notion.howSteps.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ol>
        <p>
          <a href="https://developers.notion.com/docs/create-a-notion-integration" target="_blank" rel="noreferrer">
            {strings.notion.helpLink}
          </a>
        </p>
      </section>
      <div className="check-list">
        <SecretStorageGate state={state} onStateChange={onStateChange}>
          <NotionConnect onResult={onResult} connectedTo={connectedTo} />
        </SecretStorageGate>
      </div>
      <WizardActions onBack={onBack}>
        <button type="button" className="button" disabled={!state.hasNotionToken} onClick={onNext}>
          {strings.wizard.continue}
        </button>
      </WizardActions>
    </>
  );
}
