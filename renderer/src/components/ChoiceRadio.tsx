import { useId } from 'react';

/** A radio button with its label and an optional hint, styled as a choice card. */
export function ChoiceRadio({
  name,
  checked,
  onChange,
  label,
  hint,
  warn = false,
}: {
  name: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  hint?: string;
  warn?: boolean;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={`choice${checked ? ' choice--checked' : ''}`}>
      <input id={id} type="radio" name={name} checked={checked} onChange={onChange} aria-describedby={hint ? hintId : undefined} />
      <span>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span id={hintId} className={warn ? 'choice__hint choice__hint--warn' : 'choice__hint'}>
            {hint}
          </span>
        )}
      </span>
    </div>
  );
}

/** A fieldset of choice cards, one for each of `options`; `labels` and `hints` give each option's texts. */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  labels,
  hints,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  labels: Readonly<Record<T, string>>;
  hints: Readonly<Record<T, string>>;
}) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <ChoiceRadio key={option} name={name} checked={value === option} onChange={() => onChange(option)} label={labels[option]} hint={hints[option]} />
      ))}
    </fieldset>
  );
}
