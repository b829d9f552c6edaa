import { afterEach, describe, expect, it } from 'vitest';
import type { Harness, HarnessOptions } from '../../../testkit/support/scheduler';
import { createHarness, DAY, HOUR, MINUTE, SUCCESS } from '../../../testkit/support/scheduler';

// Europe/Paris is UTC+1 in November: the daily 09:00 plan (the default here) fires at 08:00Z.
let h: Harness;
afterEach(async () => h?.close());

async function harness(options: HarnessOptions): Promise<Harness> {
  h = await createHarness(options);
  return h;
}

describe('BackupScheduler: when backups run', () => {
  it('runs a daily plan at its time, as a scheduled job, once per day', async () => {
    await harness({ now: '2026-11-24T06:00:00Z' });
    expect(h.scheduler.status()).toMatchObject({ state: 'scheduled', health: 'idle', nextRunAt: '2026-11-24T08:00:00.000Z' });
    await h.runUntil('2026-11-24T07:59:00Z');
    expect(h.launches).toEqual([]);
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['scheduled']);
    expect(h.started).toMatchObject([{ kind: 'backup', trigger: 'scheduled' }]);
    expect(h.scheduler.status()).toMatchObject({ state: 'running', health: 'running' });

    await h.runFor(12 * MINUTE);
    const record = await h.finish(SUCCESS);
    expect(record).toMatchObject({ kind: 'backup', trigger: 'scheduled', startedAt: '2026-11-24T08:00:00.000Z' });
    expect(h.scheduler.status()).toMatchObject({ state: 'scheduled', health: 'idle', nextRunAt: '2026-11-25T08:00:00.000Z' });
    await h.runUntil('2026-11-25T07:55:00Z', 5 * MINUTE);
    expect(h.launches).toEqual(['scheduled']);
    await h.runFor(5 * MINUTE);
    expect(h.launches).toEqual(['scheduled', 'scheduled']);
  });

  it('catches up once when started after a missed time, then keeps to the plan', async () => {
    await harness({ now: '2026-11-24T12:00:00Z', history: [{ at: '2026-11-22T08:00:00Z', outcome: SUCCESS }] });
    expect(h.launches).toEqual(['catch-up']);
    expect(h.started).toMatchObject([{ kind: 'backup', trigger: 'catch-up' }]);
    await h.runFor(3 * MINUTE);
    await h.finish(SUCCESS);
    await h.runUntil('2026-11-25T07:55:00Z', 5 * MINUTE);
    expect(h.launches).toEqual(['catch-up']);
    await h.runFor(5 * MINUTE);
    expect(h.launches).toEqual(['catch-up', 'scheduled']);
  });

  it('waits for nothing when it has never run: a daily plan waits for its first time', async () => {
    await harness({ now: '2026-11-24T12:00:00Z' });
    expect(h.launches).toEqual([]);
    expect(h.scheduler.status().nextRunAt).toBe('2026-11-25T08:00:00.000Z');
  });

  it('never backed up: catches up a time missed since the setup, once', async () => {
    await harness({ now: '2026-11-24T12:00:00Z', configuredAt: '2026-11-23T10:00:00Z' });
    expect(h.launches).toEqual(['catch-up']);
    await h.finish(SUCCESS);
    await h.runFor(6 * HOUR);
    expect(h.launches).toEqual(['catch-up']);
  });

  it('never runs two jobs at once: a due backup waits for the running job, then starts', async () => {
    await harness({ now: '2026-11-24T07:30:00Z' });
    await h.runFor(20 * MINUTE);
    h.startJob('restore');
    await h.runUntil('2026-11-24T08:05:00Z');
    expect(h.launches).toEqual([]);
    expect(h.scheduler.status()).toMatchObject({ state: 'waiting-for-job' });
    expect(h.scheduler.status().detail).toMatch(/when the current job finishes/);
    await h.finish(SUCCESS);
    expect(h.launches).toEqual(['catch-up']);
    expect(h.started.map((job) => [job.kind, job.trigger])).toEqual([
      ['restore', 'manual'],
      ['backup', 'catch-up'],
    ]);
    expect(h.scheduler.status().state).toBe('running');
  });

  it('a manual plan never starts a backup', async () => {
    await harness({ now: '2026-11-24T06:00:00Z', plan: { kind: 'manual' }, history: [{ at: '2026-11-10T08:00:00Z', outcome: SUCCESS }] });
    await h.runFor(3 * DAY, 10 * MINUTE);
    expect(h.launches).toEqual([]);
    expect(h.scheduler.status()).toMatchObject({ state: 'manual', nextRunAt: null, upcoming: [] });
  });

  it('an interval plan runs every N hours from the end of the last run', async () => {
    await harness({ now: '2026-11-24T06:00:00Z', plan: { kind: 'interval', everyHours: 4 }, history: [{ at: '2026-11-24T04:00:00Z', outcome: SUCCESS }] });
    // The seeded run started at 04:00 and ended at 04:05: the next one is due at 08:05.
    await h.runUntil('2026-11-24T08:04:00Z');
    expect(h.launches).toEqual([]);
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['scheduled']);
    await h.finish(SUCCESS);
    await h.runFor(4 * HOUR - MINUTE);
    expect(h.launches).toHaveLength(1);
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['scheduled', 'scheduled']);
  });

  it('a backup that was running across the scheduled time covers it: no catch-up right after', async () => {
    // Daily at 02:00 Paris (01:00 UTC); a manual backup from 01:58 to 02:03 Paris.
    await harness({ now: '2026-11-24T01:10:00Z', plan: { kind: 'daily', time: '02:00' }, history: [{ at: '2026-11-24T00:58:00Z', trigger: 'manual', outcome: SUCCESS }] });
    await h.runFor(HOUR);
    expect(h.launches).toEqual([]);
    expect(h.scheduler.status().nextRunAt).toBe('2026-11-25T01:00:00.000Z');
  });
});

describe('BackupScheduler: a wrong clock', () => {
  it('a backup recorded in the future (the clock was wrong, then corrected) does not stop the schedule', async () => {
    // The last backup claims to be from next month; today's 02:00 Paris (01:00 UTC) still runs.
    await harness({ now: '2026-11-24T00:30:00Z', plan: { kind: 'daily', time: '02:00' }, history: [{ at: '2026-12-24T00:00:00Z', outcome: SUCCESS }] });
    await h.runUntil('2026-11-24T01:01:00Z');
    expect(h.launches).toEqual(['scheduled']);
  });
});

describe('BackupScheduler: what it waits for', () => {
  it('a pause holds the backup until it ends, then the missed run happens', async () => {
    await harness({ now: '2026-11-24T07:00:00Z', schedule: { pausedUntil: '2026-11-24T08:30:00Z' } });
    await h.runUntil('2026-11-24T08:29:00Z');
    expect(h.launches).toEqual([]);
    expect(h.scheduler.status()).toMatchObject({ state: 'paused', pausedUntil: '2026-11-24T08:30:00.000Z', nextRunAt: null });
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['catch-up']);
  });

  it('with "skip on battery", waits for mains power and starts when told the computer is plugged in', async () => {
    await harness({ now: '2026-11-24T07:30:00Z', schedule: { skipOnBattery: true } });
    h.env.onBattery = true;
    await h.runUntil('2026-11-24T09:00:00Z');
    expect(h.launches).toEqual([]);
    expect(h.probes).toEqual([]);
    expect(h.scheduler.status()).toMatchObject({ state: 'waiting-for-power' });
    h.env.onBattery = false;
    await h.scheduler.poke();
    expect(h.launches).toEqual(['catch-up']);
  });

  it('without "skip on battery", runs on battery', async () => {
    await harness({ now: '2026-11-24T07:59:00Z' });
    h.env.onBattery = true;
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['scheduled']);
  });

  it('waits for Notion with growing gaps (1, 2, 5, 10, 15 min) and starts no job until it answers', async () => {
    await harness({ now: '2026-11-24T07:59:00Z' });
    h.env.notion = 'unreachable';
    await h.runFor(MINUTE);
    expect(h.scheduler.status()).toMatchObject({ state: 'waiting-for-notion', health: 'warning' });
    expect(h.scheduler.status().detail).toMatch(/next try .*09:01/);
    await h.runUntil('2026-11-24T09:00:00Z');
    const minutes = h.probes.map((probe) => (probe.getTime() - Date.parse('2026-11-24T08:00:00Z')) / MINUTE);
    expect(minutes).toEqual([0, 1, 3, 8, 18, 33, 48]);
    expect(h.started).toEqual([]);
    expect(h.launches).toEqual([]);
    h.env.notion = 'reachable';
    await h.runUntil('2026-11-24T09:03:00Z');
    expect(h.launches).toEqual(['catch-up']);
    expect(h.scheduler.status().state).toBe('running');
  });

  it('a refused token is not "unreachable": the backup starts and reports it', async () => {
    await harness({ now: '2026-11-24T07:59:00Z' });
    h.env.notion = 'refused';
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['scheduled']);
  });

  it('a backup that cannot start (not set up) is reported once, and not tried again until the next time', async () => {
    await harness({ now: '2026-11-24T07:59:00Z' });
    h.env.refuse = 'Choose where backups are stored first.';
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['scheduled']);
    expect(h.shown).toMatchObject([{ kind: 'failure', title: 'Scheduled backup could not start', body: 'Choose where backups are stored first.' }]);
    await h.runFor(3 * HOUR);
    expect(h.launches).toEqual(['scheduled']);
    expect(h.shown).toHaveLength(1);
    expect(h.scheduler.status()).toMatchObject({ state: 'scheduled', health: 'failed', nextRunAt: '2026-11-25T08:00:00.000Z' });
    expect(h.scheduler.status().detail).toMatch(/could not start: Choose where backups are stored first\./);
    await h.runUntil('2026-11-25T08:00:00Z', 10 * MINUTE);
    expect(h.launches).toEqual(['scheduled', 'scheduled']);
    expect(h.shown).toHaveLength(2);
    // Set up and backed up by hand: the problem is gone.
    h.env.refuse = null;
    h.startJob('backup');
    await h.finish(SUCCESS);
    expect(h.scheduler.status()).toMatchObject({ state: 'scheduled', health: 'idle' });
  });
});

describe('BackupScheduler: across restarts', () => {
  it('reads the history again: the last run shows, and a finished slot does not run twice', async () => {
    await harness({ now: '2026-11-24T07:59:00Z' });
    await h.runFor(MINUTE);
    await h.runFor(7 * MINUTE);
    await h.finish(SUCCESS);
    await h.runFor(20 * MINUTE);
    h = await h.restart();
    expect(h.launches).toEqual([]);
    expect(h.scheduler.status()).toMatchObject({
      state: 'scheduled',
      health: 'idle',
      nextRunAt: '2026-11-25T08:00:00.000Z',
      lastSuccess: { at: '2026-11-24T08:07:00.000Z', pages: 1204, warnings: 0, massDeletion: false },
      lastRun: { at: '2026-11-24T08:07:00.000Z', status: 'succeeded' },
    });
    await h.runFor(2 * HOUR);
    expect(h.launches).toEqual([]);
  });

  it('a backup cut off by quitting left no record: it is caught up after the restart', async () => {
    await harness({ now: '2026-11-24T07:59:00Z', history: [{ at: '2026-11-23T08:00:00Z', outcome: SUCCESS }] });
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['scheduled']);
    await h.runFor(5 * MINUTE);
    h = await h.restart();
    expect(h.launches).toEqual(['catch-up']);
  });
});
