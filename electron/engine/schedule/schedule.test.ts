import { describe, expect, it } from 'vitest';
import type { BackupSchedule, ScheduleState } from './schedule';
import { decide, missedRun, nextRunAfter, upcomingRuns, validateSchedule } from './schedule';

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
