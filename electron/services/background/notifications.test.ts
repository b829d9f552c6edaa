import { rm } from 'node:fs/promises';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NavigateEvent } from '../../../shared/ipc/schedule-schemas';
import type { NotificationMode } from '../../../shared/schedule';
import { scratchDir } from '../../../testkit/support/crawl';
import type { JobRecord } from './job-history';
import { NotificationCenter } from './notifications';
import type { AppNotification } from '../service-context';
import { AppSettings, SETTINGS_STORE_OPTIONS } from '../settings';

let dir: string;
let settings: AppSettings;
let shown: Array<{ notification: AppNotification; click: () => void }>;
let opened: NavigateEvent[];
let focused: boolean;
let center: NotificationCenter;

beforeEach(async () => {
  dir = await scratchDir('notifications-');
  settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dir }));
  shown = [];
  opened = [];
  focused = false;
  center = new NotificationCenter(
    settings,
    (notification, click) => shown.push({ notification, click }),
    (target) => opened.push(target),
    () => focused,
  );
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

function record(kind: JobRecord['kind'], status: 'succeeded' | 'failed' | 'cancelled', trigger: JobRecord['trigger'] = 'scheduled'): JobRecord {
  const outcome: JobRecord['outcome'] =
    status === 'succeeded'
      ? { status, snapshotId: null, summary: `${kind} summary`, warnings: [] }
      : status === 'failed'
        ? { status, kind: 'network', message: `${kind} message`, retryable: true }
        : { status, message: 'cancelled' };
  return { jobId: `${kind}-1`, kind, trigger, startedAt: '2026-11-24T08:00:00.000Z', finishedAt: '2026-11-24T08:05:00.000Z', outcome, log: [] };
}

const mode = (notifications: NotificationMode) => settings.update({ notifications });
const titles = () => shown.map((item) => item.notification.title);

describe('NotificationCenter', () => {
  it('by default shows failures only, with the extra sentence, leading to the job\'s log', () => {
    center.jobFinished(record('backup', 'succeeded'));
    center.jobFinished(record('backup', 'failed'), ' It will be retried in 5 minutes.');
    expect(shown.map((item) => item.notification)).toEqual([
      { kind: 'failure', title: 'Backup failed', body: 'backup message It will be retried in 5 minutes.', target: { screen: 'logs', jobId: 'backup-1' } },
    ]);
    shown[0]?.click();
    expect(opened).toEqual([{ screen: 'logs', jobId: 'backup-1' }]);
  });

  it('"all" adds successes: a backup leads to the snapshots, a check or a clean-up to the logs', () => {
    mode('all');
    center.jobFinished(record('backup', 'succeeded'));
    center.jobFinished(record('check', 'succeeded'));
    center.jobFinished(record('retention', 'succeeded'));
    center.jobFinished(record('retention', 'failed'));
    expect(titles()).toEqual(['Backup finished', 'Store integrity checked', 'Old snapshots removed', 'Removing old snapshots failed']);
    expect(shown.map((item) => item.notification.target.screen)).toEqual(['snapshots', 'logs', 'logs', 'logs']);
  });

  it('announces a backup in which many pages disappeared, whoever started it, unless notifications are off', () => {
    const wipe = record('backup', 'succeeded', 'manual');
    if (wipe.outcome.status !== 'succeeded') throw new Error('unexpected');
    wipe.outcome.changes = { since: 'a'.repeat(64), added: 0, removed: 40, edited: 0, massDeletion: true, removedTitles: ['Roadmap'] };
    focused = true;
    center.jobFinished(wipe);
    expect(shown.map((item) => item.notification)).toEqual([
      { kind: 'alert', title: 'Many pages disappeared from Notion', body: expect.stringMatching(/^40 pages and databases disappeared .*: “Roadmap” and 39 others\./), target: { screen: 'snapshots', jobId: 'backup-1' } },
    ]);
    mode('off');
    center.jobFinished(wipe);
    expect(shown).toHaveLength(1);
  });

  it('"off" shows no result, problem or staleness; info is shown whatever the choice', () => {
    mode('off');
    center.jobFinished(record('backup', 'failed'));
    center.problem('Scheduled backup could not start', 'Not set up.', { screen: 'settings', jobId: null });
    center.stale('No backup for 4 days.');
    expect(shown).toEqual([]);
    center.info('Still running', 'The app keeps running in the tray.');
    expect(shown.map((item) => item.notification)).toEqual([
      { kind: 'info', title: 'Still running', body: 'The app keeps running in the tray.', target: { screen: 'home', jobId: null } },
    ]);
  });

  it('stays quiet about cancelled jobs and about restores and exports (their screens say it)', () => {
    mode('all');
    center.jobFinished(record('backup', 'cancelled'));
    center.jobFinished(record('restore', 'failed'));
    center.jobFinished(record('export', 'succeeded'));
    expect(shown).toEqual([]);
  });

  it('does not notify what the user started in the window they are looking at; the tray and the schedule still notify', () => {
    focused = true;
    center.jobFinished(record('backup', 'failed', 'manual'));
    expect(shown).toEqual([]);
    center.jobFinished(record('backup', 'failed', 'tray'));
    center.jobFinished(record('backup', 'failed', 'retry'));
    expect(titles()).toEqual(['Backup failed', 'Backup failed']);
    focused = false;
    center.jobFinished(record('backup', 'failed', 'manual'));
    expect(shown).toHaveLength(3);
  });

  it('staleness and problems lead home and to the settings', () => {
    center.stale('No backup has succeeded for 4 days.');
    center.problem('Scheduled backup could not start', 'Not set up.', { screen: 'settings', jobId: null });
    expect(shown.map((item) => [item.notification.kind, item.notification.target.screen])).toEqual([
      ['stale', 'home'],
      ['failure', 'settings'],
    ]);
  });

  it('shows nothing, and does not fail, without a platform to show on', () => {
    const silent = new NotificationCenter(settings, undefined, () => undefined);
    expect(() => silent.jobFinished(record('backup', 'failed'))).not.toThrow();
  });
});
