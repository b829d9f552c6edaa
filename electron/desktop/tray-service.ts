import { formatTimeAgo } from '../../shared/format-duration';
import type { NotificationMode, ScheduleStatus } from '../../shared/schedule';
import type { EventPayload } from '../../shared/ipc/contract';
import type { AppEvents, Unsubscribe } from '../services/app-events';
import type { Clock } from '../services/clock';

/** One entry of the tray menu, independent of Electron's MenuItemConstructorOptions. */
export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; id: string; label: string; enabled: boolean; click?: () => void }
  | { type: 'checkbox' | 'radio'; id: string; label: string; checked: boolean; click: () => void }
  | { type: 'submenu'; id: string; label: string; items: TrayMenuItem[] };

/** What the tray looks like; the Electron glue maps it onto a real Tray. */
export interface TrayHandle {
  setIcon(health: ScheduleStatus['health']): void;
  setToolTip(text: string): void;
  setMenu(items: TrayMenuItem[]): void;
  destroy(): void;
}

export type TrayFactory = () => TrayHandle;

export interface TrayActions {
  backUpNow(): void;
  pause(kind: 'hour' | 'tomorrow'): void;
  resume(): void;
  open(): void;
  setLaunchAtLogin(enabled: boolean): void;
  setNotifications(mode: NotificationMode): void;
  quit(): void;
}

/** What the tray shows; kept up to date from the app's events and settings. */
export interface TrayState {
  status: ScheduleStatus;
  /** Progress of a running backup ("340 pages"), when there is one. */
  running: string | null;
  launchAtLogin: boolean;
  notifications: NotificationMode;
}

const NOTIFICATION_LABELS: Record<NotificationMode, string> = { failures: 'Failures only', all: 'All results', off: 'Off' };

/** The tooltip: the last result in a few words ("Last backup 12 min ago, 1,204 pages"). */
export function trayToolTip(productName: string, state: TrayState, now: Date): string {
  const { status } = state;
  let line: string;
  if (state.running !== null) line = `Backing up… ${state.running}`.trim();
  else if (status.state === 'running') line = status.detail;
  else if (status.lastRun?.status === 'failed') line = `Last backup failed ${formatTimeAgo(status.lastRun.at, now)}`;
  else if (status.lastSuccess) {
    const pages = status.lastSuccess.pages;
    line = `Last backup ${formatTimeAgo(status.lastSuccess.at, now)}${pages === null ? '' : `, ${pages.toLocaleString('en-US')} pages`}`;
  } else line = 'No backup yet';
  const alert = status.lastSuccess?.massDeletion ? 'Many pages disappeared in the last backup' : '';
  const extra = status.stale ? status.stale.message : status.state === 'paused' ? 'Paused' : '';
  return [productName, line, alert, extra].filter(Boolean).join('\n');
}

/** The menu for a state: pure, so tests read it like the user does. */
export function trayMenu(state: TrayState, actions: TrayActions): TrayMenuItem[] {
  const { status } = state;
  const busy = state.running !== null || status.state === 'running';
  const paused = status.state === 'paused';
  return [
    { type: 'normal', id: 'status', label: status.detail, enabled: false },
    { type: 'separator' },
    { type: 'normal', id: 'backup-now', label: busy ? 'Backing up…' : 'Back up now', enabled: !busy, click: actions.backUpNow },
    ...(paused
      ? [{ type: 'normal' as const, id: 'resume', label: 'Resume', enabled: true, click: actions.resume }]
      : [
          { type: 'normal' as const, id: 'pause-hour', label: 'Pause for 1 hour', enabled: status.plan.kind !== 'manual', click: () => actions.pause('hour') },
          {
            type: 'normal' as const,
            id: 'pause-tomorrow',
            label: 'Pause until tomorrow',
            enabled: status.plan.kind !== 'manual',
            click: () => actions.pause('tomorrow'),
          },
        ]),
    { type: 'separator' },
    { type: 'normal', id: 'open', label: 'Open', enabled: true, click: actions.open },
    { type: 'checkbox', id: 'launch-at-login', label: 'Launch at login', checked: state.launchAtLogin, click: () => actions.setLaunchAtLogin(!state.launchAtLogin) },
    {
      type: 'submenu',
      id: 'notifications',
      label: 'Notifications',
      items: (Object.keys(NOTIFICATION_LABELS) as NotificationMode[]).map((mode) => ({
        type: 'radio' as const,
        id: `notifications-${mode}`,
        label: NOTIFICATION_LABELS[mode],
        checked: state.notifications === mode,
        click: () => actions.setNotifications(mode),
      })),
    },
    { type: 'separator' },
    { type: 'normal', id: 'quit', label: 'Quit', enabled: true, click: actions.quit },
  ];
}

/**
 * Keeps the tray icon, tooltip and menu in step with the app. The Tray itself comes from a factory so
 * this runs (and is tested) without Electron; the tooltip's "N min ago" is refreshed every minute.
 */
export class TrayService {
  private handle: TrayHandle | undefined;
  private state: TrayState | undefined;
  private timer: { cancel(): void } | undefined;
  private menuKey = '';
  private readonly unsubscribes: Unsubscribe[] = [];

  constructor(
    private readonly productName: string,
    private readonly factory: TrayFactory,
    private readonly actions: TrayActions,
    private readonly clock: Clock,
  ) {}

  /** Follows the app's events (schedule status, backup progress, job ends) until destroyed. */
  follow(events: AppEvents): void {
    this.unsubscribes.push(
      events.on('scheduleStatus', (status) => this.scheduleStatusChanged(status)),
      events.on('jobProgress', (progress) => this.jobProgressed(progress)),
      events.on('jobFinished', () => this.jobFinished()),
    );
  }

  /** The user changed notifications or launch at login (in the window or the tray). */
  settingsChanged(settings: Pick<TrayState, 'launchAtLogin' | 'notifications'>): void {
    if (!this.state) return;
    if (settings.launchAtLogin === this.state.launchAtLogin && settings.notifications === this.state.notifications) return;
    this.update({ ...this.state, ...settings });
  }

  update(state: TrayState): void {
    this.handle ??= this.factory();
    const previous = this.state;
    this.state = state;
    const health = state.running !== null ? 'running' : state.status.health;
    if (previous === undefined || health !== (previous.running !== null ? 'running' : previous.status.health)) this.handle.setIcon(health);
    const menu = trayMenu(state, this.actions);
    // Progress arrives several times a second: rebuild the native menu only when it changes.
    const menuKey = JSON.stringify(menu);
    if (menuKey !== this.menuKey) {
      this.menuKey = menuKey;
      this.handle.setMenu(menu);
    }
    this.refreshToolTip();
  }

  destroy(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.timer?.cancel();
    this.handle?.destroy();
    this.handle = undefined;
  }

  /** Events before the first state (before the tray exists) are ignored. */
  private scheduleStatusChanged(status: ScheduleStatus): void {
    if (this.state) this.update({ ...this.state, status });
  }

  private jobProgressed(progress: EventPayload<'jobProgress'>): void {
    if (!this.state || progress.kind !== 'backup') return;
    const text = `${progress.progress.pages.done.toLocaleString('en-US')} pages`;
    if (text !== this.state.running) this.update({ ...this.state, running: text });
  }

  private jobFinished(): void {
    if (this.state && this.state.running !== null) this.update({ ...this.state, running: null });
  }

  private refreshToolTip(): void {
    if (!this.handle || !this.state) return;
    this.handle.setToolTip(trayToolTip(this.productName, this.state, this.clock.now()));
    this.timer?.cancel();
    this.timer = this.clock.setTimeout(() => this.refreshToolTip(), 60_000);
  }
}
