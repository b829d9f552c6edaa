import type { LucideIcon } from 'lucide-react';
import { CircleAlert, CircleCheck, Clock, TriangleAlert } from 'lucide-react';
import { Icon } from './Icon';

export type Status = 'pending' | 'ok' | 'warning' | 'problem';

const GLYPHS: Record<Status, LucideIcon> = { pending: Clock, ok: CircleCheck, warning: TriangleAlert, problem: CircleAlert };

/** A decorative status icon in the status's colour; the text next to it carries the meaning for screen readers. */
export function StatusIcon({ status }: { status: Status }) {
  return <Icon of={GLYPHS[status]} size="heading" className={`status-icon status-icon--${status}`} />;
}
