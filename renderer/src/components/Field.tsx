import type { ReactNode } from 'react';
import { useId } from 'react';

/** What a field's control needs to be tied to its label, hint and error. */
export interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/**
 * A labelled control with its hint and its error: the one way the app renders one. `children` gets
 * the control's id and ARIA attributes and returns the control (alone, or in a row with its buttons).
 * The error, in plain language, comes last, with `errorDetail` under it (a hint, a way out).
 */
export function Field({
  label,
  hint,
  error,
  errorDetail,
  after,
  describedBy = [],
  inline = false,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  errorDetail?: ReactNode;
  /** Shown between the control and the hint (a strength meter, another button). */
  after?: ReactNode;
  /** More ids that describe the control (the strength meter). */
  describedBy?: ReadonlyArray<string | null>;
  /** The label and the control on one line. */
  inline?: boolean;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const ids = [error ? errorId : null, hint ? hintId : null, ...describedBy].filter((value): value is string => Boolean(value));
  const control = children({ id, 'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined, 'aria-invalid': error ? true : undefined });
  const labelElement = <label htmlFor={id}>{label}</label>;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      {inline ? (
        <div className="inline-field">
          {labelElement}
          {control}
        </div>
      ) : (
        <>
          {labelElement}
          {control}
        </>
      )}
      {after}
      {hint &&
        (typeof hint === 'string' ? (
          <p id={hintId} className="field-help">
            {hint}
          </p>
        ) : (
          <div id={hintId} className="field-help">
            {hint}
          </div>
        ))}
      <FieldError id={errorId} message={error}>
        {errorDetail}
      </FieldError>
    </div>
  );
}

/** An error next to what it is about (a field, a group of choices), in plain language. */
export function FieldError({ id, message, children }: { id: string; message: string | null | undefined; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div id={id} className="field-error" role="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}
