import { assessPassphrase } from '../../../shared/passphrase-policy';
import { strings } from '../strings';

const LEVEL = { 'too-short': 0, weak: 1, fair: 2, strong: 3 } as const;

/** A live strength hint for a new passphrase (the same policy main enforces). */
export function PassphraseStrength({ passphrase, id }: { passphrase: string; id: string }) {
  if (!passphrase) return <p id={id} className="field-help" />;
  const assessment = assessPassphrase(passphrase);
  const level = LEVEL[assessment.strength];
  return (
    <div id={id} className="strength" data-strength={assessment.strength} aria-live="polite">
      <span className="strength__meter" aria-hidden="true">
        {[1, 2, 3].map((bar) => (
          <span key={bar} className={bar <= level ? 'strength__bar strength__bar--on' : 'strength__bar'} />
        ))}
      </span>
      <span>
        <strong>
          {strings.store.strength.label} {strings.store.strength[assessment.strength]}.
        </strong>{' '}
        {assessment.message}
      </span>
    </div>
  );
}
