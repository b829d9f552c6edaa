export type Status = 'pending' | 'ok' | 'problem';

const LABELS: Record<Status, string> = { pending: '…', ok: '✓', problem: '!' };

/** A decorative status dot; the text next to it carries the meaning for screen readers. */
export function StatusIcon({ status }: { status: Status }) {
  return (
    <span className={`status-icon status-icon--${status}`} aria-hidden="true">
      {LABELS[status]}
    </span>
  );
}
