export type Status = 'pending' | 'ok' | 'warning' | 'problem';

const LABELS: Record<Status, string> = { pending: '…', ok: '✓', warning: '!', problem: '!' };

/** A decorative status dot; the text next to it carries the meaning for screen readers. */
export function StatusIcon({ status }: { status: Status }) {
  return (
    <span className={`status-icon status-icon--${status}`} aria-hidden="true">
      {LABELS[status]}
    </span>
  );
}
