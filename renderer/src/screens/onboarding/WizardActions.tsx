import type { ReactNode } from 'react';
import { strings } from '../../strings';

/**
 * The wizard's buttons: Back on the left (when the step has a way back), the step's own on the right,
 * with `progress` (what is being saved) announced next to them.
 */
export function WizardActions({ onBack, progress = null, children }: { onBack?: () => void; progress?: string | null; children?: ReactNode }) {
  return (
    <div className="wizard__actions">
      {onBack ? (
        <button type="button" className="button button--quiet" onClick={onBack}>
          {strings.wizard.back}
        </button>
      ) : (
        <span />
      )}
      {children && (
        <span className="button-row">
          {progress && (
            <span role="status" className="muted">
              {progress}
            </span>
          )}
          {children}
        </span>
      )}
    </div>
  );
}
