import type { Ref } from 'react';
import { useId } from 'react';
import { FieldError } from './Field';

/**
 * A checkbox with its label on the right, an optional hint under the label and, when `error` is
 * given, the field's error under it. `strong` marks a confirmation that must not be overlooked.
 */
export function CheckRow({
  checked,
  onChange,
  label,
  hint,
  error,
  strong = false,
  disabled = false,
  inputRef,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint?: string;
  /** Pass it (null when all is well) for a checkbox that can be wrong. */
  error?: string | null;
  strong?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  const row = (
    <div className={strong ? 'check-row check-row--strong' : 'check-row'}>
      <input
        id={id}
        ref={inputRef}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      <span>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span id={hintId} className="choice__hint">
            {hint}
          </span>
        )}
      </span>
    </div>
  );
  if (error === undefined) return row;
  return (
    <div className="field">
      {row}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
