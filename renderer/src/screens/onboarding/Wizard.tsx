import { Check } from 'lucide-react';
import { Icon } from '../../components/Icon';
import { useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { strings } from '../../strings';
import type { BackupStart } from './StepFirstBackup';
import { StepFirstBackup } from './StepFirstBackup';
import { StepNotion } from './StepNotion';
import { StepPages } from './StepPages';
import { StepPlakar } from './StepPlakar';
import { StepStore } from './StepStore';
import type { StepProps } from './step-props';

/** Where to resume an interrupted setup: the first step whose result is not saved yet. */
function firstOpenStep(state: AppState): number {
  if (!state.settings.store) return 0;
  if (!state.hasNotionToken) return 2;
  return 3;
}

/** The first-run wizard: plakar → store → Notion → what to protect → first backup. */
export function Wizard({
  state,
  info,
  onStateChange,
  onFinished,
}: {
  state: AppState;
  info: AppInfo | null;
  onStateChange: (state: AppState) => void;
  onFinished: (state: AppState, start: BackupStart) => void;
}) {
  const [step, setStep] = useState(() => firstOpenStep(state));
  const [reached, setReached] = useState(step);
  const goTo = (next: number) => {
    setStep(next);
    setReached((current) => Math.max(current, next));
  };
  const props: StepProps = { state, info, onStateChange, onNext: () => goTo(step + 1), onBack: () => goTo(Math.max(0, step - 1)) };
  const total = strings.wizard.steps.length;

  return (
    <div className="wizard">
      <nav className="steps" aria-label={strings.wizard.stepsLabel}>
        <ol>
          {strings.wizard.steps.map((label, index) => {
            const isCurrent = index === step;
            const isDone = index < reached && !isCurrent;
            const className = `steps__item${isCurrent ? ' steps__item--current' : ''}${isDone ? ' steps__item--done' : ''}`;
            const content = (
              <>
                <span className="steps__number" aria-hidden="true">
                  {isDone ? <Icon of={Check} /> : index + 1}
                </span>
                <span>
                  {label}
                  {isDone && <span className="visually-hidden"> ({strings.wizard.done})</span>}
                </span>
              </>
            );
            return (
              <li key={label} className={className} aria-current={isCurrent ? 'step' : undefined}>
                {index <= reached && !isCurrent ? (
                  <button type="button" className="steps__button" onClick={() => goTo(index)}>
                    {content}
                  </button>
                ) : (
                  <span className="steps__button">{content}</span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="screen wizard__body">
        <p className="step-of">{strings.wizard.stepOf(step + 1, total)}</p>
        {step === 0 && <StepPlakar key="plakar" {...props} />}
        {step === 1 && <StepStore key="store" {...props} />}
        {step === 2 && <StepNotion key="notion" {...props} />}
        {step === 3 && <StepPages key="pages" {...props} />}
        {step === 4 && <StepFirstBackup key="first" {...props} onFinished={onFinished} />}
      </div>
    </div>
  );
}
