import type { AppState } from '../../../../shared/ipc/app-schemas';
import type { AppInfo } from '../../../../shared/ipc/contract';

/** What the wizard gives each of its steps. */
export interface StepProps {
  state: AppState;
  info: AppInfo | null;
  onStateChange: (state: AppState) => void;
  onNext: () => void;
  onBack: () => void;
}
