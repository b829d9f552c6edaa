import type { ReactNode } from 'react';

/** Ids for a field's help and error text, and the aria-describedby that lists the ones shown. */
export function describedBy(helpId: string | null, errorId: string, error: string | null | undefined): string | undefined {
  const ids = [error ? errorId : null, helpId].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A field's error, next to it, in plain language. */
export function FieldError({ id, message, children }: { id: string; message: string | null | undefined; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div id={id} className="field-error" role="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}
