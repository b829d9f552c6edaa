import { useCallback, useState } from 'react';
import { PlakarCheck } from '../../components/PlakarCheck';
import { ScreenHeading } from '../../components/ScreenHeading';
import { strings } from '../../strings';
import type { StepProps } from './step-props';
import { WizardActions } from './WizardActions';

/** Step 1: what the app does, and the plakar check (found, or how to install it / where it is). */
export function StepPlakar({ onNext }: StepProps) {
  const [found, setFound] = useState(false);
  const onPlakar = useCallback((ok: boolean) => setFound(ok), []);
  return (
    <>
      <ScreenHeading>{strings.welcome.title}</ScreenHeading>
      <p className="lead">{strings.welcome.lead}</p>
      <h2>{strings.welcome.checksTitle}</h2>
      <p>{strings.welcome.checksLead}</p>
      <div className="check-list">
        <PlakarCheck onResult={onPlakar} />
      </div>
      {found && (
        <p className="success-note" role="status">
          {strings.welcome.continueHint}
        </p>
      )}
      <WizardActions>
        <button type="button" className="button" disabled={!found} onClick={onNext}>
          {strings.wizard.continue}
        </button>
      </WizardActions>
    </>
  );
}
