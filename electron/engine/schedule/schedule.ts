import { Cron } from 'croner';
import type { BackupSchedule } from '../../../shared/schedule';

export type { BackupSchedule };

export interface ScheduleState {
  lastSuccessAt: Date | null;
  /** The last run that started, whatever its result (a failed run is retried by its own policy). */
  lastAttemptAt: Date | null;
  pausedUntil: Date | null;
}

export type ScheduleDecision =
  | { action: 'run-now'; reason: 'catch-up' | 'due' }
  | { action: 'wait'; until: Date; reason: 'scheduled' | 'paused' }
  | { action: 'idle' };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function validateSchedule(schedule: BackupSchedule): string | undefined {
  switch (schedule.kind) {
    case 'manual':
      return undefined;
    case 'interval':
      return Number.isInteger(schedule.everyHours) && schedule.everyHours >= 1 && schedule.everyHours <= 168
        ? undefined
        : 'Choose a whole number of hours between 1 and 168.';
    case 'daily':
      return TIME.test(schedule.time) ? undefined : 'Choose a time as HH:MM.';
    case 'weekly':
      if (!TIME.test(schedule.time)) return 'Choose a time as HH:MM.';
      return schedule.days.length > 0 && schedule.days.every((day) => Number.isInteger(day) && day >= 0 && day <= 6)
        ? undefined
        : 'Choose at least one day.';
  }
}

function cronFor(schedule: Extract<BackupSchedule, { kind: 'daily' | 'weekly' }>, timeZone: string): Cron {
  const [hours, minutes] = schedule.time.split(':');
  const days = schedule.kind === 'daily' ? '*' : [...new Set(schedule.days)].sort().join(',');
  // croner handles DST: a time skipped by spring-forward runs at the first valid minute after it, a time
  // repeated by fall-back runs once.
  return new Cron(`${Number(minutes)} ${Number(hours)} * * ${days}`, { timezone: timeZone, paused: true });
}

/** The first scheduled time strictly after `after`. Interval schedules count from the last run. */
export function nextRunAfter(schedule: BackupSchedule, after: Date, lastRunAt: Date | null, timeZone: string): Date | null {
  switch (schedule.kind) {
    case 'manual':
      return null;
    case 'interval': {
      if (!lastRunAt) return after;
      const next = new Date(lastRunAt.getTime() + schedule.everyHours * 3_600_000);
      return next > after ? next : after;
    }
    default:
      return cronFor(schedule, timeZone).nextRun(after);
  }
}

/** The first minute of the next local day (a pause "until tomorrow"); DST-safe through croner. */
export function startOfNextDay(now: Date, timeZone: string): Date {
  return new Cron('0 0 * * *', { timezone: timeZone, paused: true }).nextRun(now) ?? new Date(now.getTime() + 86_400_000);
}

/** The next `count` runs, for the "next runs" preview in the settings. */
export function upcomingRuns(schedule: BackupSchedule, from: Date, lastRunAt: Date | null, timeZone: string, count: number): Date[] {
  const runs: Date[] = [];
  let after = from;
  let last = lastRunAt;
  for (let index = 0; index < count; index += 1) {
    const next = nextRunAfter(schedule, after, last, timeZone);
    if (!next) break;
    runs.push(next);
    after = new Date(next.getTime() + 1000);
    last = next;
  }
  return runs;
}

/** The latest scheduled time in (since, now], if any: a run the app missed (asleep, closed, offline). */
export function missedRun(schedule: BackupSchedule, since: Date | null, now: Date, timeZone: string): Date | null {
  switch (schedule.kind) {
    case 'manual':
      return null;
    case 'interval': {
      if (!since) return now;
      const due = new Date(since.getTime() + schedule.everyHours * 3_600_000);
      return due <= now ? due : null;
    }
    default: {
      // croner's previousRuns is strictly before its argument: a slot at exactly `now` (a timer that wakes
      // on the dot) must count, or it would be neither missed nor next and the day would be skipped.
      const [previous] = cronFor(schedule, timeZone).previousRuns(1, new Date(now.getTime() + 1));
      if (!previous) return null;
      return !since || previous > since ? previous : null;
    }
  }
}

/**
 * What the scheduler should do now. It is asked again on every tick, after sleep or wake-up and after
 * every run, so clock jumps and long sleeps need no special case: a missed time causes one catch-up
 * run, not one per missed slot.
 */
export function decide(schedule: BackupSchedule, state: ScheduleState, now: Date, timeZone: string): ScheduleDecision {
  if (schedule.kind === 'manual') return { action: 'idle' };
  if (state.pausedUntil && state.pausedUntil > now) return { action: 'wait', until: state.pausedUntil, reason: 'paused' };
  const reference = latest(state.lastAttemptAt, state.lastSuccessAt);
  if (!reference) {
    // Never backed up: a daily or weekly plan waits for its time; an interval plan starts now.
    if (schedule.kind === 'interval') return { action: 'run-now', reason: 'due' };
  } else {
    const missed = missedRun(schedule, reference, now, timeZone);
    if (missed) return { action: 'run-now', reason: missed.getTime() < now.getTime() - 60_000 ? 'catch-up' : 'due' };
  }
  const next = nextRunAfter(schedule, now, reference, timeZone);
  return next ? { action: 'wait', until: next, reason: 'scheduled' } : { action: 'idle' };
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
