import { describe, expect, it } from 'vitest';
import type { BackupProgress } from '../../shared/jobs';
import { startingBackupProgress } from '../../shared/jobs';
import type { NotificationMode, ScheduleStatus } from '../../shared/schedule';
import { ManualClock } from '../../testkit/manual-clock';
import { AppEvents } from '../services/app-events';
import type { TrayActions, TrayHandle, TrayMenuItem, TrayState } from './tray-service';
import { trayMenu, trayToolTip, TrayService } from './tray-service';

const NOW = new Date('2026-11-24T10:12:00Z');

function status(overrides: Partial<ScheduleStatus> = {}): ScheduleStatus {
  return {
    plan: { kind: 'daily', time: '09:00' },
    health: 'idle',
    state: 'scheduled',
    detail: 'Next backup Wed 25 Nov, 09:00.',
    pausedUntil: null,
    nextRunAt: '2026-11-25T08:00:00.000Z',
    upcoming: ['2026-11-25T08:00:00.000Z'],
    lastSuccess: { at: '2026-11-24T10:00:00.000Z', pages: 1204, warnings: 0, massDeletion: false },
    lastRun: { at: '2026-11-24T10:00:00.000Z', status: 'succeeded', message: '1204 pages' },
    stale: null,
    ...overrides,
  };
}

function state(overrides: Partial<TrayState> = {}): TrayState {
  return { status: status(), running: null, launchAtLogin: false, notifications: 'failures', ...overrides };
}

function progress(pages: number): BackupProgress {
  return { ...startingBackupProgress(), phase: 'crawling', mode: 'incremental', pages: { done: pages, known: null } };
}

/** A TrayHandle that keeps every call. */
class RecordingTray implements TrayHandle {
  icons: string[] = [];
  toolTips: string[] = [];
  menus: TrayMenuItem[][] = [];
  destroyed = false;
  setIcon(health: ScheduleStatus['health']): void {
    this.icons.push(health);
  }
  setToolTip(text: string): void {
    this.toolTips.push(text);
  }
  setMenu(items: TrayMenuItem[]): void {
    this.menus.push(items);
  }
  destroy(): void {
    this.destroyed = true;
  }
  menu(): TrayMenuItem[] {
    return this.menus.at(-1) ?? [];
  }
}

function recordingActions(): { actions: TrayActions; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      backUpNow: () => calls.push('backUpNow'),
      pause: (kind) => calls.push(`pause:${kind}`),
      resume: () => calls.push('resume'),
      open: () => calls.push('open'),
      setLaunchAtLogin: (enabled) => calls.push(`launchAtLogin:${enabled}`),
      setNotifications: (mode: NotificationMode) => calls.push(`notifications:${mode}`),
      quit: () => calls.push('quit'),
    },
  };
}

function item(items: readonly TrayMenuItem[], id: string): TrayMenuItem {
  for (const entry of items) {
    if ('id' in entry && entry.id === id) return entry;
    if (entry.type === 'submenu') {
      const found = entry.items.find((child) => 'id' in child && child.id === id);
      if (found) return found;
    }
  }
  throw new Error(`no menu item ${id}`);
}

function click(items: readonly TrayMenuItem[], id: string): void {
  const entry = item(items, id);
  if (entry.type === 'separator' || entry.type === 'submenu' || !entry.click) throw new Error(`${id} cannot be clicked`);
  entry.click();
}

function setup() {
  const clock = new ManualClock(NOW);
  const tray = new RecordingTray();
  let created = 0;
  const { actions, calls } = recordingActions();
  const service = new TrayService(
    'Notion Kloset Backup',
    () => {
      created += 1;
      return tray;
    },
    actions,
    clock,
  );
  const events = new AppEvents();
  service.follow(events);
  return { clock, tray, service, events, calls, created: () => created };
}

describe('TrayService', () => {
  it('creates the tray on the first state only, and ignores events before it', () => {
    const { service, events, tray, created } = setup();
    events.emit('scheduleStatus', status({ health: 'failed' }));
    expect(created()).toBe(0);
    service.update(state());
    expect(created()).toBe(1);
    expect(tray.icons).toEqual(['idle']);
    service.update(state());
    expect(created()).toBe(1);
  });

  it('tints the icon by health, only when it changes', () => {
    const { service, events, tray } = setup();
    service.update(state());
    for (const health of ['warning', 'warning', 'failed', 'running', 'idle'] as const) {
      events.emit('scheduleStatus', status({ health, state: health === 'running' ? 'running' : 'scheduled' }));
    }
    expect(tray.icons).toEqual(['idle', 'warning', 'failed', 'running', 'idle']);
  });

  it('shows a running backup from its progress events, and goes back when it ends', () => {
    const { service, events, tray } = setup();
    service.update(state({ status: status({ health: 'failed', lastRun: { at: '2026-11-24T10:00:00.000Z', status: 'failed', message: 'x' } }) }));
    const menusBefore = tray.menus.length;
    for (const pages of [1, 2, 3, 340, 1204]) events.emit('jobProgress', { jobId: 'j1', kind: 'backup', progress: progress(pages) });
    expect(tray.icons).toEqual(['failed', 'running']);
    expect(tray.toolTips.at(-1)).toBe('Notion Kloset Backup\nBacking up… 1,204 pages');
    // Progress arrives many times a second: the native menu is rebuilt once, when "Back up now" turns into "Backing up…".
    expect(tray.menus.length).toBe(menusBefore + 1);
    expect(item(tray.menu(), 'backup-now')).toMatchObject({ label: 'Backing up…', enabled: false });

    events.emit('jobProgress', { jobId: 'j2', kind: 'restore', created: { pages: 1, databases: 0, rows: 0, blocks: 0, files: 0, comments: 0, views: 0 } });
    expect(tray.toolTips.at(-1)).toBe('Notion Kloset Backup\nBacking up… 1,204 pages');

    events.emit('jobFinished', { jobId: 'j1', kind: 'backup', outcome: { status: 'cancelled', message: 'cancelled' } });
    expect(tray.icons).toEqual(['failed', 'running', 'failed']);
    expect(item(tray.menu(), 'backup-now')).toMatchObject({ label: 'Back up now', enabled: true });
    expect(tray.menus.length).toBe(menusBefore + 2);
  });

  it('keeps the tooltip\'s "N min ago" fresh every minute, with one timer', () => {
    const { service, events, tray, clock } = setup();
    service.update(state());
    expect(tray.toolTips).toEqual(['Notion Kloset Backup\nLast backup 12 min ago, 1,204 pages']);
    clock.advance(59_000);
    expect(tray.toolTips).toHaveLength(1);
    clock.advance(1_000);
    expect(tray.toolTips.at(-1)).toBe('Notion Kloset Backup\nLast backup 13 min ago, 1,204 pages');
    clock.advance(60 * 60_000);
    expect(tray.toolTips.at(-1)).toBe('Notion Kloset Backup\nLast backup 1 h ago, 1,204 pages');
    events.emit('scheduleStatus', status({ detail: 'changed' }));
    expect(clock.pendingTimers()).toBe(1);
    service.destroy();
    expect(clock.pendingTimers()).toBe(0);
    expect(tray.destroyed).toBe(true);
  });

  it('stops following the events once destroyed', () => {
    const { service, events, tray, created } = setup();
    service.update(state());
    service.destroy();
    events.emit('scheduleStatus', status({ health: 'failed' }));
    expect(created()).toBe(1);
    expect(tray.icons).toEqual(['idle']);
  });

  it('follows the notification and launch-at-login choices, rebuilding the menu only on a change', () => {
    const { service, tray, calls } = setup();
    service.update(state());
    const menus = tray.menus.length;
    service.settingsChanged({ launchAtLogin: false, notifications: 'failures' });
    expect(tray.menus.length).toBe(menus);
    service.settingsChanged({ launchAtLogin: true, notifications: 'all' });
    expect(tray.menus.length).toBe(menus + 1);
    expect(item(tray.menu(), 'launch-at-login')).toMatchObject({ type: 'checkbox', checked: true });
    expect(item(tray.menu(), 'notifications-all')).toMatchObject({ type: 'radio', checked: true });
    click(tray.menu(), 'launch-at-login');
    expect(calls).toEqual(['launchAtLogin:false']);
  });
});

describe('trayMenu', () => {
  const labels = (items: readonly TrayMenuItem[]) => items.map((entry) => (entry.type === 'separator' ? '—' : entry.label));

  it('lists the actions and calls them', () => {
    const { actions, calls } = recordingActions();
    const menu = trayMenu(state(), actions);
    expect(labels(menu)).toEqual([
      'Next backup Wed 25 Nov, 09:00.',
      '—',
      'Back up now',
      'Pause for 1 hour',
      'Pause until tomorrow',
      '—',
      'Open',
      'Launch at login',
      'Notifications',
      '—',
      'Quit',
    ]);
    expect(item(menu, 'status')).toMatchObject({ enabled: false });
    for (const id of ['backup-now', 'pause-hour', 'pause-tomorrow', 'open', 'launch-at-login', 'notifications-off', 'notifications-all', 'quit']) click(menu, id);
    expect(calls).toEqual(['backUpNow', 'pause:hour', 'pause:tomorrow', 'open', 'launchAtLogin:true', 'notifications:off', 'notifications:all', 'quit']);
  });

  it('offers notifications as a radio group with the current choice checked', () => {
    const { actions } = recordingActions();
    const submenu = item(trayMenu(state({ notifications: 'off' }), actions), 'notifications');
    expect(submenu.type === 'submenu' && submenu.items.map((entry) => [entry.type, 'label' in entry && entry.label, 'checked' in entry && entry.checked])).toEqual([
      ['radio', 'Failures only', false],
      ['radio', 'All results', false],
      ['radio', 'Off', true],
    ]);
  });

  it('replaces the pause entries by Resume while paused', () => {
    const { actions, calls } = recordingActions();
    const menu = trayMenu(state({ status: status({ state: 'paused', pausedUntil: '2026-11-25T00:00:00.000Z', detail: 'Paused.' }) }), actions);
    expect(labels(menu)).toContain('Resume');
    expect(labels(menu)).not.toContain('Pause for 1 hour');
    expect(labels(menu)).not.toContain('Pause until tomorrow');
    click(menu, 'resume');
    expect(calls).toEqual(['resume']);
  });

  it('disables "Back up now" while a backup runs, and pausing under a manual plan', () => {
    const { actions } = recordingActions();
    expect(item(trayMenu(state({ status: status({ state: 'running', health: 'running' }) }), actions), 'backup-now')).toMatchObject({ enabled: false, label: 'Backing up…' });
    expect(item(trayMenu(state({ running: '3 pages' }), actions), 'backup-now')).toMatchObject({ enabled: false });
    const manual = trayMenu(state({ status: status({ plan: { kind: 'manual' }, state: 'manual' }) }), actions);
    expect(item(manual, 'pause-hour')).toMatchObject({ enabled: false });
    expect(item(manual, 'pause-tomorrow')).toMatchObject({ enabled: false });
    expect(item(manual, 'backup-now')).toMatchObject({ enabled: true });
  });
});

describe('trayToolTip', () => {
  const tip = (overrides: Partial<ScheduleStatus>, running: string | null = null) => trayToolTip('App', state({ status: status(overrides), running }), NOW);

  it('says what happened last, in a few words', () => {
    expect(tip({})).toBe('App\nLast backup 12 min ago, 1,204 pages');
    expect(tip({ lastSuccess: { at: '2026-11-24T10:00:00.000Z', pages: null, warnings: 0, massDeletion: false } })).toBe('App\nLast backup 12 min ago');
    expect(tip({ lastSuccess: { at: '2026-11-24T10:00:00.000Z', pages: 900, warnings: 0, massDeletion: true } })).toBe(
      'App\nLast backup 12 min ago, 900 pages\nMany pages disappeared in the last backup',
    );
    expect(tip({ lastRun: { at: '2026-11-24T10:07:00.000Z', status: 'failed', message: 'x' } })).toBe('App\nLast backup failed 5 min ago');
    expect(tip({ lastRun: null, lastSuccess: null })).toBe('App\nNo backup yet');
    expect(tip({ state: 'running', detail: 'A restore is running; backups wait for it.' })).toBe('App\nA restore is running; backups wait for it.');
    expect(tip({}, '340 pages')).toBe('App\nBacking up… 340 pages');
  });

  it('adds staleness or a pause', () => {
    expect(tip({ stale: { days: 4, message: 'No backup has succeeded for 4 days.' } })).toBe('App\nLast backup 12 min ago, 1,204 pages\nNo backup has succeeded for 4 days.');
    expect(tip({ state: 'paused' })).toBe('App\nLast backup 12 min ago, 1,204 pages\nPaused');
  });
});
