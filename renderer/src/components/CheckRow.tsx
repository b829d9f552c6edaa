import { useId } from 'react';

/** A checkbox with its label on the right and an optional hint under the label. */
export function CheckRow({
  checked,
  onChange,
  label,
  hint,
  disabled = false,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="check-row">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? hintId : undefined}
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
}
