import { afterEach, describe, expect, it } from 'vitest';
import type { Harness, HarnessOptions } from '../../../testkit/support/scheduler';
import { createHarness, DAY, failure, HOUR, MINUTE, SUCCESS } from '../../../testkit/support/scheduler';

// Europe/Paris is UTC+1 in November: the daily 09:00 plan (the default here) fires at 08:00Z.
let h: Harness;
afterEach(async () => h?.close());

async function harness(options: Partial<HarnessOptions> = {}): Promise<Harness> {
  h = await createHarness({ now: '2026-11-24T07:59:00Z', ...options });
  return h;
}

/** The next minute, when the daily 09:00 backup of the default harness starts. */
async function scheduledRunStarts(): Promise<void> {
  await h.runFor(MINUTE);
  expect(h.jobs.running()?.kind).toBe('backup');
}

describe('BackupScheduler: retries', () => {
  it('retries a retryable failure of a scheduled backup after 5, 15 and 45 minutes, then waits for the next time', async () => {
    await harness();
    await scheduledRunStarts();
    await h.finish(failure(true));
    expect(h.shown.map((notification) => notification.body)).toEqual(['Notion did not answer in time. It will be retried in 5 minutes.']);
    expect(h.scheduler.status()).toMatchObject({ state: 'retry-pending', health: 'failed', nextRunAt: '2026-11-24T08:05:00.000Z' });
    expect(h.scheduler.status().detail).toMatch(/retrying at .*09:05 \(retry 1 of 3\)/);

    await h.runFor(4 * MINUTE);
    expect(h.launches).toEqual(['scheduled']);
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['scheduled', 'retry']);
    expect(h.started.at(-1)).toMatchObject({ kind: 'backup', trigger: 'retry' });
    await h.finish(failure(true));
    expect(h.shown.at(-1)?.body).toBe('Notion did not answer in time. It will be retried in 15 minutes.');

    await h.runFor(14 * MINUTE);
    expect(h.launches).toHaveLength(2);
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['scheduled', 'retry', 'retry']);
    await h.finish(failure(true));
    expect(h.shown.at(-1)?.body).toBe('Notion did not answer in time. It will be retried in 45 minutes.');
    expect(h.scheduler.status().detail).toMatch(/retry 3 of 3/);

    await h.runFor(45 * MINUTE);
    expect(h.launches).toEqual(['scheduled', 'retry', 'retry', 'retry']);
    await h.finish(failure(true));
    expect(h.shown.at(-1)?.body).toBe('Notion did not answer in time. It failed 4 times; the next scheduled backup will try again.');
    expect(h.shown).toHaveLength(4);
    expect(h.shown.every((notification) => notification.kind === 'failure' && notification.title === 'Backup failed')).toBe(true);
    expect(h.scheduler.status()).toMatchObject({ state: 'scheduled', health: 'failed', nextRunAt: '2026-11-25T08:00:00.000Z' });

    await h.runUntil('2026-11-25T07:50:00Z', 10 * MINUTE);
    expect(h.launches).toHaveLength(4);
    await h.runUntil('2026-11-25T08:00:00Z');
    expect(h.launches.at(-1)).toBe('scheduled');
  });

  it('a success after a retry ends the retries; the next failure starts again at 5 minutes', async () => {
    await harness();
    await scheduledRunStarts();
    await h.finish(failure(true));
    await h.runFor(5 * MINUTE);
    expect(h.launches).toEqual(['scheduled', 'retry']);
    await h.finish(SUCCESS);
    expect(h.scheduler.status()).toMatchObject({ state: 'scheduled', health: 'idle', nextRunAt: '2026-11-25T08:00:00.000Z' });
    await h.runUntil('2026-11-25T07:59:00Z', 10 * MINUTE);
    expect(h.launches).toEqual(['scheduled', 'retry']);
    await h.runFor(MINUTE);
    await h.finish(failure(true));
    expect(h.shown.at(-1)?.body).toMatch(/retried in 5 minutes\.$/);
  });

  it('a retry that finds another job just started waits for it, and still runs as a retry', async () => {
    await harness();
    await scheduledRunStarts();
    await h.finish(failure(true));
    // The user starts a restore while the scheduler is checking that Notion answers.
    h.env.onProbe = () => {
      h.env.onProbe = undefined;
      h.startJob('restore');
    };
    await h.runFor(5 * MINUTE);
    expect(h.launches).toEqual(['scheduled', 'retry']);
    expect(h.scheduler.status().state).toBe('waiting-for-job');
    await h.runFor(20 * MINUTE);
    await h.finish(SUCCESS);
    expect(h.launches).toEqual(['scheduled', 'retry', 'retry']);
    expect(h.started.at(-1)).toMatchObject({ kind: 'backup', trigger: 'retry' });
    await h.finish(failure(true));
    expect(h.shown.at(-1)?.body).toMatch(/retried in 15 minutes\.$/);
  });

  it('does not retry a failure that a retry cannot fix', async () => {
    await harness();
    await scheduledRunStarts();
    await h.finish(failure(false, 'The store’s passphrase is wrong.'));
    expect(h.shown.map((notification) => notification.body)).toEqual(['The store’s passphrase is wrong.']);
    await h.runFor(3 * HOUR);
    expect(h.launches).toEqual(['scheduled']);
    expect(h.scheduler.status()).toMatchObject({ state: 'scheduled', health: 'failed' });
  });

  it('never retries a backup started by hand (window or tray)', async () => {
    await harness({ now: '2026-11-24T10:00:00Z', history: [{ at: '2026-11-24T08:00:00Z', outcome: SUCCESS }] });
    h.startJob('backup', 'manual');
    await h.finish(failure(true));
    h.startJob('backup', 'tray');
    await h.finish(failure(true));
    expect(h.shown.map((notification) => notification.body)).toEqual(['Notion did not answer in time.', 'Notion did not answer in time.']);
    await h.runFor(3 * HOUR);
    expect(h.launches).toEqual([]);
    expect(h.scheduler.status()).toMatchObject({ state: 'scheduled', health: 'failed', lastRun: { status: 'failed' } });
  });
});

describe('BackupScheduler: integrity checks', () => {
  it('checks the store after a scheduled success when the last check is older than checkEveryDays', async () => {
    await harness({ schedule: { checkEveryDays: 7 }, history: [{ at: '2026-11-10T08:00:00Z', kind: 'check', outcome: SUCCESS }] });
    await scheduledRunStarts();
    await h.finish(SUCCESS);
    expect(h.checks).toEqual(['scheduled']);
    expect(h.started.map((job) => [job.kind, job.trigger])).toEqual([
      ['backup', 'scheduled'],
      ['check', 'scheduled'],
    ]);
    expect(h.scheduler.status()).toMatchObject({ state: 'running', health: 'running', detail: 'The store’s integrity is being checked.' });
    await h.runFor(10 * MINUTE);
    await h.finish({ status: 'succeeded', snapshotId: null, summary: 'plakar checked 3 snapshots: no damage found.', warnings: [] });
    // The next day's backup: the store was checked yesterday.
    await h.runUntil('2026-11-25T08:00:00Z', 10 * MINUTE);
    await h.finish(SUCCESS);
    expect(h.checks).toEqual(['scheduled']);
  });

  it('does not check when the last check is recent, when checks are off, or after a manual backup', async () => {
    await harness({ schedule: { checkEveryDays: 7 }, history: [{ at: '2026-11-21T08:00:00Z', kind: 'check', outcome: SUCCESS }] });
    await scheduledRunStarts();
    await h.finish(SUCCESS);
    expect(h.checks).toEqual([]);
    await h.close();

    await harness({ schedule: { checkEveryDays: 0 } });
    await scheduledRunStarts();
    await h.finish(SUCCESS);
    expect(h.checks).toEqual([]);
    await h.close();

    await harness({ now: '2026-11-24T10:00:00Z', schedule: { checkEveryDays: 7 } });
    h.startJob('backup', 'manual');
    await h.finish(SUCCESS);
    expect(h.checks).toEqual([]);
  });

  it('announces a backup in which many pages disappeared, and Home and the tray show it until the next backup', async () => {
    await harness({ schedule: { checkEveryDays: 0 } });
    await scheduledRunStarts();
    const changes = { since: 'a'.repeat(64), added: 0, removed: 60, edited: 2, massDeletion: true, removedTitles: ['Roadmap'] };
    await h.finish({ status: 'succeeded', snapshotId: 'b'.repeat(64), summary: '1144 pages', warnings: [], changes });
    expect(h.shown).toMatchObject([{ kind: 'alert', title: 'Many pages disappeared from Notion', body: expect.stringMatching(/^60 pages and databases/) }]);
    expect(h.scheduler.status()).toMatchObject({ health: 'warning', lastSuccess: { massDeletion: true } });
    h.startJob('backup');
    await h.finish(SUCCESS);
    expect(h.scheduler.status()).toMatchObject({ health: 'idle', lastSuccess: { massDeletion: false } });
  });

  it('reports a failed check as a failure notification', async () => {
    await harness({ schedule: { checkEveryDays: 1 } });
    await scheduledRunStarts();
    await h.finish(SUCCESS);
    await h.finish({ status: 'failed', kind: 'integrity', message: 'plakar found damage in 1 snapshot.', retryable: false });
    expect(h.shown).toMatchObject([{ kind: 'failure', title: 'Store integrity check failed', body: 'plakar found damage in 1 snapshot.' }]);
  });
});

describe('BackupScheduler: staleness', () => {
  const fourDaysAgo = [{ at: '2026-11-20T07:00:00Z', outcome: SUCCESS }];

  it('warns once a day while no backup has succeeded for staleAfterDays', async () => {
    await harness({ plan: { kind: 'manual' }, history: fourDaysAgo });
    expect(h.shown).toMatchObject([{ kind: 'stale', title: 'Notion is not being backed up' }]);
    expect(h.shown[0]?.body).toMatch(/^No backup has succeeded for 4 days \(last success .*20 Nov/);
    expect(h.scheduler.status()).toMatchObject({ health: 'warning', stale: { days: 4 } });
    await h.runFor(DAY - 10 * MINUTE, 10 * MINUTE);
    expect(h.shown).toHaveLength(1);
    await h.runFor(10 * MINUTE, 10 * MINUTE);
    expect(h.shown).toHaveLength(2);
    expect(h.shown[1]?.body).toMatch(/for 5 days/);
    // A success ends it.
    h.startJob('backup');
    await h.finish(SUCCESS);
    expect(h.scheduler.status()).toMatchObject({ health: 'idle', stale: null });
    await h.runFor(2 * DAY, 30 * MINUTE);
    expect(h.shown).toHaveLength(2);
  });

  it('counts from the setup when nothing ever succeeded', async () => {
    await harness({ plan: { kind: 'manual' }, configuredAt: '2026-11-19T10:00:00Z' });
    expect(h.shown.map((notification) => notification.body)).toEqual(['No backup has succeeded since the app was set up 4 days ago.']);
  });

  it('stays quiet before staleAfterDays', async () => {
    await harness({ plan: { kind: 'manual' }, history: fourDaysAgo, schedule: { staleAfterDays: 5 } });
    expect(h.shown).toEqual([]);
    expect(h.scheduler.status()).toMatchObject({ health: 'idle', stale: null });
  });
});

describe('BackupScheduler: notifications and health', () => {
  it('"off" shows nothing: no failure, no refused start, no staleness (the health still tells)', async () => {
    await harness({ now: '2026-11-24T10:00:00Z', notifications: 'off', history: [{ at: '2026-11-19T08:00:00Z', outcome: SUCCESS }] });
    expect(h.launches).toEqual(['catch-up']);
    await h.finish(failure(true));
    h.env.refuse = 'Choose where backups are stored first.';
    await h.runFor(5 * MINUTE);
    expect(h.launches).toEqual(['catch-up', 'retry']);
    expect(h.shown).toEqual([]);
    expect(h.scheduler.status().health).toBe('failed');
  });

  it('"failures" shows failures only; "all" shows successes too', async () => {
    await harness();
    await scheduledRunStarts();
    await h.finish(SUCCESS);
    expect(h.shown).toEqual([]);
    h.settings.update({ notifications: 'all' });
    h.startJob('backup', 'tray');
    await h.finish(SUCCESS);
    expect(h.shown).toEqual([
      { kind: 'success', title: 'Backup finished', body: '1204 pages, 3 databases', target: { screen: 'snapshots', jobId: h.started.at(-1)?.jobId } },
    ]);
    h.startJob('backup', 'tray');
    await h.finish(failure(false, 'Disk full.'));
    expect(h.shown.at(-1)).toMatchObject({ kind: 'failure', title: 'Backup failed', body: 'Disk full.', target: { screen: 'logs' } });
    expect(h.shown).toHaveLength(2);
  });

  it('a cancelled backup is neither a failure nor a notification', async () => {
    await harness();
    await scheduledRunStarts();
    await h.finish({ status: 'cancelled', message: 'The backup was cancelled.' });
    expect(h.shown).toEqual([]);
    expect(h.scheduler.status()).toMatchObject({ health: 'idle', state: 'scheduled', lastRun: { status: 'cancelled' } });
    await h.runFor(2 * HOUR);
    expect(h.launches).toEqual(['scheduled']);
  });

  it('health: running while a job runs, failed after a failure, idle after the next success', async () => {
    await harness();
    expect(h.scheduler.status().health).toBe('idle');
    await scheduledRunStarts();
    expect(h.scheduler.status().health).toBe('running');
    expect(h.statuses.at(-1)).toMatchObject({ state: 'running', health: 'running' });
    await h.finish(failure(false));
    expect(h.scheduler.status().health).toBe('failed');
    expect(h.statuses.at(-1)?.health).toBe('failed');
    h.startJob('backup');
    expect(h.scheduler.status().health).toBe('running');
    await h.finish(SUCCESS);
    expect(h.scheduler.status().health).toBe('idle');
  });
});
