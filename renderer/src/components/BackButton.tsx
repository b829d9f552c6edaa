import { ArrowLeft } from 'lucide-react';
import { Icon } from './Icon';

/** Back to where the user came from: navigation, so a quiet button above the screen's heading. */
export function BackButton({ label, onBack }: { label: string; onBack: () => void }) {
  return (
    <p className="back-link">
      <button type="button" className="button button--quiet" onClick={onBack}>
        <Icon of={ArrowLeft} />
        {label}
      </button>
    </p>
  );
}
