import type { AppState } from '../../../../shared/ipc/app-schemas';
import { ProblemLine } from '../../components/CallStatus';
import { Card } from '../../components/Card';
import { ScreenHeading } from '../../components/ScreenHeading';
import { SetupFacts } from '../../components/SetupFacts';
import { strings } from '../../strings';
import { useMainMutation } from '../../use-main';
import { describePlan } from '../settings/schedule-helpers';
import type { StepProps } from './step-props';
import { WizardActions } from './WizardActions';

export type BackupStart = { status: 'started'; jobId: string } | { status: 'refused'; message: string };

/** Step 5: a summary of the choices, then the first backup (onboarding is complete from here on). */
export function StepFirstBackup({
  state,
  onBack,
  onFinished,
}: StepProps & { onFinished: (state: AppState, start: BackupStart) => void }) {
  const completing = useMainMutation('completeOnboarding');
  const starting = useMainMutation('startBackup');

  // Onboarding is complete once main says so; a refused start is shown on the progress screen.
  async function start() {
    const completed = await completing.run();
    if (completed.state !== 'ready') return;
    const started = await starting.run({ full: false });
    onFinished(completed.value, started.state === 'ready' ? started.value : { status: 'refused', message: started.problem ?? '' });
  }
  const busy = completing.state === 'loading' || starting.state === 'loading';
  const error = completing.problem;

  return (
    <>
      <ScreenHeading>{strings.firstBackup.title}</ScreenHeading>
      <p className="lead">{strings.firstBackup.lead}</p>
      <Card id="first-summary" title={strings.firstBackup.summaryTitle}>
        <SetupFacts state={state} labels={{ store: strings.firstBackup.store, notion: strings.firstBackup.notion, what: strings.firstBackup.what }}>
          <dt>{strings.firstBackup.when}</dt>
          <dd>
            {describePlan(state.settings.schedule.plan)}
            <span className="muted"> {strings.firstBackup.whenHint}</span>
          </dd>
        </SetupFacts>
      </Card>
      <ProblemLine message={error} />
      <WizardActions onBack={onBack}>
        <button type="button" className="button button--large" disabled={busy} onClick={() => void start()}>
          {busy ? strings.firstBackup.starting : strings.firstBackup.start}
        </button>
      </WizardActions>
    </>
  );
}
