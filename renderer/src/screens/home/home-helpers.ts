import type { Health } from '../../../../shared/schedule';
import type { Status } from '../../components/StatusIcon';

/** The status dot for the scheduler's health. */
export function healthIcon(health: Health): Status {
  switch (health) {
    case 'idle':
      return 'ok';
    case 'running':
      return 'pending';
    case 'warning':
      return 'warning';
    case 'failed':
      return 'problem';
  }
}
