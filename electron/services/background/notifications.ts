import { massDeletionMessage } from '../../../shared/change-summary';
import type { NavigateEvent } from '../../../shared/ipc/schedule-schemas';
import type { JobRecord } from './job-history';
import type { AppNotification } from '../service-context';
import type { AppSettings } from '../settings';

const TITLES: Partial<Record<JobRecord['kind'], { failed: string; succeeded: string }>> = {
  backup: { failed: 'Backup failed', succeeded: 'Backup finished' },
  check: { failed: 'Store integrity check failed', succeeded: 'Store integrity checked' },
  retention: { failed: 'Removing old snapshots failed', succeeded: 'Old snapshots removed' },
};

/**
 * Decides which OS notifications to show, following the user's choice (failures only by default,
 * all results, or off), and where a click leads.
 */
export class NotificationCenter {
  constructor(
    private readonly settings: AppSettings,
    private readonly show: ((notification: AppNotification, onClick: () => void) => void) | undefined,
    private readonly open: (target: NavigateEvent) => void,
    /** True while the user is looking at the window: results of what they started there need no notification. */
    private readonly windowFocused: () => boolean = () => false,
  ) {}

  /** A run ended: failures (and, when asked, successes) become notifications. */
  jobFinished(record: JobRecord, extra = ''): void {
    const titles = TITLES[record.kind];
    if (!titles || record.outcome.status === 'cancelled') return;
    const changes = record.outcome.status === 'succeeded' ? record.outcome.changes : undefined;
    // Whoever started the backup and whatever they chose besides "off": a wipe must not go unnoticed.
    if (changes?.massDeletion && this.settings.get().notifications !== 'off') {
      this.notify({ kind: 'alert', title: 'Many pages disappeared from Notion', body: massDeletionMessage(changes), target: { screen: 'snapshots', jobId: record.jobId } });
      return;
    }
    if (record.trigger === 'manual' && this.windowFocused()) return;
    const mode = this.settings.get().notifications;
    if (record.outcome.status === 'failed') {
      if (mode === 'off') return;
      this.notify({
        kind: 'failure',
        title: titles.failed,
        body: `${record.outcome.message}${extra}`,
        target: { screen: 'logs', jobId: record.jobId },
      });
    } else if (mode === 'all') {
      this.notify({
        kind: 'success',
        title: titles.succeeded,
        body: record.outcome.summary,
        target: { screen: record.kind === 'backup' ? 'snapshots' : 'logs', jobId: record.jobId },
      });
    }
  }

  /** Something stopped an automatic run before it became a job (not set up, for instance). */
  problem(title: string, body: string, target: NavigateEvent): void {
    if (this.settings.get().notifications === 'off') return;
    this.notify({ kind: 'failure', title, body, target });
  }

  /** No backup has succeeded for a while. */
  stale(message: string): void {
    if (this.settings.get().notifications === 'off') return;
    this.notify({ kind: 'stale', title: 'Notion is not being backed up', body: message, target: { screen: 'home', jobId: null } });
  }

  /** Information the user should see once whatever their choice (where the tray icon is). */
  info(title: string, body: string): void {
    this.notify({ kind: 'info', title, body, target: { screen: 'home', jobId: null } });
  }

  private notify(notification: AppNotification): void {
    this.show?.(notification, () => this.open(notification.target));
  }
}
