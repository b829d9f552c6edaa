import { describe, expect, it } from 'vitest';
import type { BackupSchedule, ScheduleState } from './schedule';
import { decide, missedRun, nextRunAfter, startOfNextDay, upcomingRuns, validateSchedule } from './schedule';

const PARIS = 'Europe/Paris';
const at = (iso: string) => new Date(iso);
const state = (overrides: Partial<ScheduleState> = {}): ScheduleState => ({ lastSuccessAt: null, lastAttemptAt: null, pausedUntil: null, ...overrides });

describe('validateSchedule', () => {
  it('accepts sensible plans and explains bad ones', () => {
    expect(validateSchedule({ kind: 'daily', time: '09:30' })).toBeUndefined();
    expect(validateSchedule({ kind: 'daily', time: '9:30' })).toMatch(/HH:MM/);
    expect(validateSchedule({ kind: 'interval', everyHours: 0 })).toMatch(/between 1 and 168/);
    expect(validateSchedule({ kind: 'weekly', days: [], time: '10:00' })).toMatch(/at least one day/);
    expect(validateSchedule({ kind: 'weekly', days: [7], time: '10:00' })).toMatch(/at least one day/);
  });
});

describe('nextRunAfter and upcomingRuns', () => {
  it('daily at a local time', () => {
    expect(nextRunAfter({ kind: 'daily', time: '09:00' }, at('2026-11-24T09:30:00Z'), null, PARIS)).toEqual(at('2026-11-25T08:00:00Z'));
  });

  it('weekly on chosen days', () => {
    const runs = upcomingRuns({ kind: 'weekly', days: [1, 3], time: '18:00' }, at('2026-11-24T00:00:00Z'), null, PARIS, 3);
    expect(runs).toEqual([at('2026-11-25T17:00:00Z'), at('2026-11-30T17:00:00Z'), at('2026-12-02T17:00:00Z')]);
  });

  it('every N hours counts from the last run', () => {
    const schedule: BackupSchedule = { kind: 'interval', everyHours: 6 };
    expect(nextRunAfter(schedule, at('2026-11-24T10:00:00Z'), at('2026-11-24T08:00:00Z'), PARIS)).toEqual(at('2026-11-24T14:00:00Z'));
    expect(upcomingRuns(schedule, at('2026-11-24T10:00:00Z'), at('2026-11-24T08:00:00Z'), PARIS, 3)).toEqual([
      at('2026-11-24T14:00:00Z'),
      at('2026-11-24T20:00:00Z'),
      at('2026-11-25T02:00:00Z'),
    ]);
  });

  it('runs once on the day clocks spring forward, at the first valid time', () => {
    const runs = upcomingRuns({ kind: 'daily', time: '02:30' }, at('2026-03-28T12:00:00Z'), null, PARIS, 2);
    expect(runs[0]).toEqual(at('2026-03-29T01:00:00Z')); // 03:00 CEST: 02:30 does not exist that night
    expect(runs[1]).toEqual(at('2026-03-30T00:30:00Z'));
  });

  it('runs once on the day clocks fall back, although 02:30 happens twice', () => {
    const runs = upcomingRuns({ kind: 'daily', time: '02:30' }, at('2026-10-24T12:00:00Z'), null, PARIS, 2);
    expect(runs).toEqual([at('2026-10-25T00:30:00Z'), at('2026-10-26T01:30:00Z')]);
  });

  it('manual plans never run', () => {
    expect(nextRunAfter({ kind: 'manual' }, at('2026-11-24T00:00:00Z'), null, PARIS)).toBeNull();
  });
});

describe('missedRun and decide', () => {
  const daily: BackupSchedule = { kind: 'daily', time: '09:00' };

  it('catches up once after a long sleep, not once per missed day', () => {
    const lastRun = at('2026-11-20T08:00:00Z');
    const now = at('2026-11-24T12:00:00Z');
    expect(missedRun(daily, lastRun, now, PARIS)).toEqual(at('2026-11-24T08:00:00Z'));
    expect(decide(daily, state({ lastSuccessAt: lastRun, lastAttemptAt: lastRun }), now, PARIS)).toEqual({ action: 'run-now', reason: 'catch-up' });
    const afterCatchUp = at('2026-11-24T12:05:00Z');
    expect(decide(daily, state({ lastSuccessAt: afterCatchUp, lastAttemptAt: afterCatchUp }), at('2026-11-24T12:06:00Z'), PARIS)).toEqual({
      action: 'wait',
      until: at('2026-11-25T08:00:00Z'),
      reason: 'scheduled',
    });
  });

  it('runs when the time comes', () => {
    const lastRun = at('2026-11-23T08:00:00Z');
    expect(decide(daily, state({ lastSuccessAt: lastRun, lastAttemptAt: lastRun }), at('2026-11-24T08:00:10Z'), PARIS)).toEqual({ action: 'run-now', reason: 'due' });
  });

  it('waits for the first daily time when it never ran, but starts an interval plan at once', () => {
    expect(decide(daily, state(), at('2026-11-24T10:00:00Z'), PARIS)).toEqual({ action: 'wait', until: at('2026-11-25T08:00:00Z'), reason: 'scheduled' });
    expect(decide({ kind: 'interval', everyHours: 4 }, state(), at('2026-11-24T10:00:00Z'), PARIS)).toEqual({ action: 'run-now', reason: 'due' });
  });

  it('respects a pause, then catches up what was missed during it', () => {
    const lastRun = at('2026-11-23T08:00:00Z');
    const paused = state({ lastSuccessAt: lastRun, lastAttemptAt: lastRun, pausedUntil: at('2026-11-24T20:00:00Z') });
    expect(decide(daily, paused, at('2026-11-24T10:00:00Z'), PARIS)).toEqual({ action: 'wait', until: at('2026-11-24T20:00:00Z'), reason: 'paused' });
    expect(decide(daily, paused, at('2026-11-24T20:00:01Z'), PARIS)).toEqual({ action: 'run-now', reason: 'catch-up' });
  });

  it('does not run twice for one slot when the clock jumps backwards', () => {
    const ranAt = at('2026-11-24T08:00:05Z');
    // The clock is set back an hour after the 09:00 run: the same slot must not run again.
    expect(decide(daily, state({ lastSuccessAt: ranAt, lastAttemptAt: ranAt }), at('2026-11-24T07:30:00Z'), PARIS)).toEqual({
      action: 'wait',
      until: at('2026-11-24T08:00:00Z'),
      reason: 'scheduled',
    });
    expect(decide(daily, state({ lastSuccessAt: ranAt, lastAttemptAt: ranAt }), at('2026-11-24T08:00:01Z'), PARIS)).toEqual({
      action: 'wait',
      until: at('2026-11-25T08:00:00Z'),
      reason: 'scheduled',
    });
  });
});

describe('weekly plans across daylight saving time', () => {
  // 2026-03-29 and 2026-10-25 are Sundays: the nights Paris springs forward and falls back.
  const sundays: BackupSchedule = { kind: 'weekly', days: [0], time: '02:30' };

  it('runs once at the first valid minute when the time is skipped', () => {
    expect(upcomingRuns(sundays, at('2026-03-27T12:00:00Z'), null, PARIS, 2)).toEqual([
      at('2026-03-29T01:00:00Z'), // 03:00 CEST
      at('2026-04-05T00:30:00Z'), // 02:30 CEST
    ]);
  });

  it('runs once when the time happens twice', () => {
    expect(upcomingRuns(sundays, at('2026-10-23T12:00:00Z'), null, PARIS, 2)).toEqual([
      at('2026-10-25T00:30:00Z'), // the first 02:30 (CEST)
      at('2026-11-01T01:30:00Z'), // 02:30 CET
    ]);
  });

  it('follows the local time of another zone (New York springs forward on 2026-03-08)', () => {
    const runs = upcomingRuns({ kind: 'weekly', days: [0], time: '09:00' }, at('2026-03-06T00:00:00Z'), null, 'America/New_York', 2);
    expect(runs).toEqual([at('2026-03-08T13:00:00Z'), at('2026-03-15T13:00:00Z')]);
  });
});

describe('decide across daylight saving time', () => {
  const nightly: BackupSchedule = { kind: 'daily', time: '02:30' };
  const ran = (iso: string) => state({ lastSuccessAt: at(iso), lastAttemptAt: at(iso) });

  it('spring forward: waits for 03:00 CEST, runs then, and not again that night', () => {
    const before = ran('2026-03-28T01:30:05Z');
    expect(decide(nightly, before, at('2026-03-29T00:45:00Z'), PARIS)).toEqual({ action: 'wait', until: at('2026-03-29T01:00:00Z'), reason: 'scheduled' });
    expect(decide(nightly, before, at('2026-03-29T01:00:10Z'), PARIS)).toEqual({ action: 'run-now', reason: 'due' });
    expect(decide(nightly, ran('2026-03-29T01:00:10Z'), at('2026-03-29T01:30:00Z'), PARIS)).toEqual({
      action: 'wait',
      until: at('2026-03-30T00:30:00Z'),
      reason: 'scheduled',
    });
  });

  it('spring forward while asleep: one catch-up on waking', () => {
    expect(decide(nightly, ran('2026-03-27T01:30:05Z'), at('2026-03-29T07:00:00Z'), PARIS)).toEqual({ action: 'run-now', reason: 'catch-up' });
    expect(missedRun(nightly, at('2026-03-27T01:30:05Z'), at('2026-03-29T07:00:00Z'), PARIS)).toEqual(at('2026-03-29T01:00:00Z'));
  });

  it('fall back: the second 02:30 does not run the backup again', () => {
    const first = ran('2026-10-25T00:30:05Z');
    expect(decide(nightly, first, at('2026-10-25T01:30:10Z'), PARIS)).toEqual({ action: 'wait', until: at('2026-10-26T01:30:00Z'), reason: 'scheduled' });
    expect(missedRun(nightly, at('2026-10-25T00:30:05Z'), at('2026-10-25T01:30:10Z'), PARIS)).toBeNull();
  });

  it('fall back while asleep: one catch-up on waking, then the next night', () => {
    expect(decide(nightly, ran('2026-10-23T00:30:05Z'), at('2026-10-25T06:00:00Z'), PARIS)).toEqual({ action: 'run-now', reason: 'catch-up' });
    expect(decide(nightly, ran('2026-10-25T06:00:05Z'), at('2026-10-25T06:01:00Z'), PARIS)).toEqual({
      action: 'wait',
      until: at('2026-10-26T01:30:00Z'),
      reason: 'scheduled',
    });
  });
});

describe('clock jumps, long sleeps and pauses', () => {
  const daily: BackupSchedule = { kind: 'daily', time: '09:00' };
  const interval: BackupSchedule = { kind: 'interval', everyHours: 6 };
  const ran = (iso: string) => state({ lastSuccessAt: at(iso), lastAttemptAt: at(iso) });

  it('an interval plan does not run when the clock goes back before its last run; it waits a full interval from that run', () => {
    expect(decide(interval, ran('2026-11-24T10:00:00Z'), at('2026-11-24T08:00:00Z'), PARIS)).toEqual({
      action: 'wait',
      until: at('2026-11-24T16:00:00Z'),
      reason: 'scheduled',
    });
  });

  it('a daily plan does not run a slot again after the clock goes back a day', () => {
    const done = ran('2026-11-24T08:00:05Z');
    // Yesterday's slot (before the recorded run) is not a missed run.
    expect(decide(daily, done, at('2026-11-23T07:00:00Z'), PARIS)).toMatchObject({ action: 'wait', reason: 'scheduled' });
    expect(decide(daily, done, at('2026-11-23T08:00:30Z'), PARIS)).toMatchObject({ action: 'wait', reason: 'scheduled' });
    expect(decide(daily, done, at('2026-11-24T08:00:30Z'), PARIS)).toEqual({ action: 'wait', until: at('2026-11-25T08:00:00Z'), reason: 'scheduled' });
  });

  it('a jump forward over several slots causes exactly one catch-up', () => {
    const weekdays: BackupSchedule = { kind: 'weekly', days: [1, 3, 5], time: '09:00' };
    const lastRun = ran('2026-11-02T08:00:05Z'); // a Monday
    const now = at('2026-11-20T12:00:00Z'); // eight slots later, a Friday afternoon
    expect(decide(weekdays, lastRun, now, PARIS)).toEqual({ action: 'run-now', reason: 'catch-up' });
    expect(missedRun(weekdays, lastRun.lastAttemptAt, now, PARIS)).toEqual(at('2026-11-20T08:00:00Z'));
    expect(decide(weekdays, ran('2026-11-20T12:00:05Z'), at('2026-11-20T12:00:06Z'), PARIS)).toEqual({
      action: 'wait',
      until: at('2026-11-23T08:00:00Z'),
      reason: 'scheduled',
    });
  });

  it('a long sleep under an interval plan causes one run, not one per interval', () => {
    const now = at('2026-11-27T12:00:00Z'); // three days: twelve intervals
    expect(decide(interval, ran('2026-11-24T12:00:00Z'), now, PARIS)).toEqual({ action: 'run-now', reason: 'catch-up' });
    const after = ran('2026-11-27T12:00:05Z');
    expect(decide(interval, after, at('2026-11-27T12:01:00Z'), PARIS)).toEqual({ action: 'wait', until: at('2026-11-27T18:00:05Z'), reason: 'scheduled' });
    expect(upcomingRuns(interval, at('2026-11-27T12:01:00Z'), after.lastAttemptAt, PARIS, 2)).toEqual([at('2026-11-27T18:00:05Z'), at('2026-11-28T00:00:05Z')]);
  });

  it('a pause that ends after a slot has passed runs the missed slot when it ends', () => {
    const paused = { ...ran('2026-11-23T08:00:05Z'), pausedUntil: at('2026-11-24T08:30:00Z') };
    expect(decide(daily, paused, at('2026-11-24T08:00:00Z'), PARIS)).toEqual({ action: 'wait', until: at('2026-11-24T08:30:00Z'), reason: 'paused' });
    expect(decide(daily, paused, at('2026-11-24T08:29:59Z'), PARIS)).toMatchObject({ action: 'wait', reason: 'paused' });
    expect(decide(daily, paused, at('2026-11-24T08:30:00Z'), PARIS)).toEqual({ action: 'run-now', reason: 'catch-up' });
  });

  it('a pause that ends before the slot changes nothing', () => {
    const paused = { ...ran('2026-11-23T08:00:05Z'), pausedUntil: at('2026-11-24T07:00:00Z') };
    expect(decide(daily, paused, at('2026-11-24T07:00:00Z'), PARIS)).toEqual({ action: 'wait', until: at('2026-11-24T08:00:00Z'), reason: 'scheduled' });
    expect(decide(daily, paused, at('2026-11-24T08:00:00Z'), PARIS)).toEqual({ action: 'run-now', reason: 'due' });
  });

  it('runs a slot when asked at its exact millisecond (the timer wakes on the dot)', () => {
    expect(missedRun(daily, at('2026-11-23T08:00:05Z'), at('2026-11-24T08:00:00Z'), PARIS)).toEqual(at('2026-11-24T08:00:00Z'));
    expect(decide(daily, ran('2026-11-23T08:00:05Z'), at('2026-11-24T08:00:00Z'), PARIS)).toEqual({ action: 'run-now', reason: 'due' });
  });

  it('a manual plan stays idle whatever happened', () => {
    expect(decide({ kind: 'manual' }, state(), at('2026-11-24T08:00:00Z'), PARIS)).toEqual({ action: 'idle' });
    expect(missedRun({ kind: 'manual' }, null, at('2026-11-24T08:00:00Z'), PARIS)).toBeNull();
  });
});

describe('startOfNextDay', () => {
  it('is local midnight in Paris, on normal days and on both change days', () => {
    expect(startOfNextDay(at('2026-11-24T15:00:00Z'), PARIS)).toEqual(at('2026-11-24T23:00:00Z'));
    expect(startOfNextDay(at('2026-11-24T23:30:00Z'), PARIS)).toEqual(at('2026-11-25T23:00:00Z')); // already the 25th in Paris
    expect(startOfNextDay(at('2026-03-28T12:00:00Z'), PARIS)).toEqual(at('2026-03-28T23:00:00Z'));
    expect(startOfNextDay(at('2026-03-29T12:00:00Z'), PARIS)).toEqual(at('2026-03-29T22:00:00Z')); // a 23-hour day
    expect(startOfNextDay(at('2026-10-25T12:00:00Z'), PARIS)).toEqual(at('2026-10-25T23:00:00Z')); // a 25-hour day
  });

  it('is local midnight in New York', () => {
    expect(startOfNextDay(at('2026-03-07T20:00:00Z'), 'America/New_York')).toEqual(at('2026-03-08T05:00:00Z'));
    expect(startOfNextDay(at('2026-03-08T20:00:00Z'), 'America/New_York')).toEqual(at('2026-03-09T04:00:00Z'));
    expect(startOfNextDay(at('2026-10-31T20:00:00Z'), 'America/New_York')).toEqual(at('2026-11-01T04:00:00Z'));
  });

  it('is the first existing minute of the day where midnight is skipped (Santiago and Havana spring forward at 00:00)', () => {
    // Chile: Sunday 2026-09-06 starts at 01:00 -03 (00:00 does not exist).
    const santiago = startOfNextDay(at('2026-09-05T12:00:00Z'), 'America/Santiago');
    expect(santiago).toEqual(at('2026-09-06T04:00:00Z'));
    expect(localTime(santiago, 'America/Santiago')).toBe('2026-09-06 01:00');
    // Cuba: Sunday 2026-03-08 starts at 01:00 CDT.
    const havana = startOfNextDay(at('2026-03-07T12:00:00Z'), 'America/Havana');
    expect(havana).toEqual(at('2026-03-08T05:00:00Z'));
    expect(localTime(havana, 'America/Havana')).toBe('2026-03-08 01:00');
  });

  it('is the first midnight where midnight happens twice (Havana falls back at 01:00 to 00:00)', () => {
    expect(startOfNextDay(at('2026-10-31T12:00:00Z'), 'America/Havana')).toEqual(at('2026-11-01T04:00:00Z'));
    // Chile falls back at 00:00 to 23:00 the day before: the next day still starts once, at 00:00 -04.
    expect(startOfNextDay(at('2026-04-04T12:00:00Z'), 'America/Santiago')).toEqual(at('2026-04-05T04:00:00Z'));
  });
});

function localTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
