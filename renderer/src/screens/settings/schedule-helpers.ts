import type { BackupSchedule, ScheduleSettings } from '../../../../shared/schedule';
import type { DateOptions } from '../../format-date';
import { formatTimeOfDay } from '../../format-date';
import { scheduleStrings } from '../../strings-schedule';

const t = scheduleStrings.schedule;

export type PlanKind = BackupSchedule['kind'];

/** The schedule form as typed: text fields stay text until Save, so a half-typed value is not lost. */
export interface PlanDraft {
  kind: PlanKind;
  everyHours: string;
  time: string;
  /** 0 = Sunday … 6 = Saturday, as in the plan. */
  days: readonly number[];
}

export type PlanErrors = Partial<Record<'everyHours' | 'time' | 'days', string>>;

const DEFAULTS = { everyHours: '6', time: '02:00', days: [1, 2, 3, 4, 5] } as const;

/** The form for a saved plan; fields the plan does not use get sensible defaults for when the user switches. */
export function draftFromPlan(plan: BackupSchedule): PlanDraft {
  switch (plan.kind) {
    case 'manual':
      return { kind: 'manual', everyHours: DEFAULTS.everyHours, time: DEFAULTS.time, days: DEFAULTS.days };
    case 'interval':
      return { kind: 'interval', everyHours: String(plan.everyHours), time: DEFAULTS.time, days: DEFAULTS.days };
    case 'daily':
      return { kind: 'daily', everyHours: DEFAULTS.everyHours, time: plan.time, days: DEFAULTS.days };
    case 'weekly':
      return { kind: 'weekly', everyHours: DEFAULTS.everyHours, time: plan.time, days: [...plan.days].sort((a, b) => a - b) };
  }
}

/** A whole number within [min, max] typed in a field, or null. */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The plan the form describes, or what is wrong with it (the same rules and words as main's schema). */
export function planFromDraft(draft: PlanDraft): { plan: BackupSchedule; errors: null } | { plan: null; errors: PlanErrors } {
  switch (draft.kind) {
    case 'manual':
      return { plan: { kind: 'manual' }, errors: null };
    case 'interval': {
      const everyHours = parseWholeNumber(draft.everyHours, 1, 168);
      return everyHours === null ? { plan: null, errors: { everyHours: t.hoursInvalid } } : { plan: { kind: 'interval', everyHours }, errors: null };
    }
    case 'daily':
      return TIME.test(draft.time) ? { plan: { kind: 'daily', time: draft.time }, errors: null } : { plan: null, errors: { time: t.timeInvalid } };
    case 'weekly': {
      const errors: PlanErrors = {};
      if (!TIME.test(draft.time)) errors.time = t.timeInvalid;
      if (draft.days.length === 0) errors.days = t.daysInvalid;
      if (errors.time || errors.days) return { plan: null, errors };
      return { plan: { kind: 'weekly', days: [...draft.days].sort((a, b) => a - b), time: draft.time }, errors: null };
    }
  }
}

/** The schedule form's options as typed (the day counts stay text until Save). */
export interface ScheduleOptionsDraft {
  skipOnBattery: boolean;
  fullEvery: string;
  checkEvery: number;
  staleAfter: string;
}

export type SavedSchedule = Omit<ScheduleSettings, 'pausedUntil'>;

function planKey(plan: BackupSchedule): string {
  switch (plan.kind) {
    case 'manual':
      return 'manual';
    case 'interval':
      return `interval ${plan.everyHours}`;
    case 'daily':
      return `daily ${plan.time}`;
    case 'weekly':
      return `weekly ${[...plan.days].sort((a, b) => a - b).join(',')} ${plan.time}`;
  }
}

/**
 * The form would save something else than `saved` (an unfinished field counts as a change). Fields of
 * the kinds of plan not chosen do not count: they are not saved.
 */
export function scheduleFormDiffers(draft: PlanDraft, options: ScheduleOptionsDraft, saved: SavedSchedule): boolean {
  const plan = planFromDraft(draft).plan;
  return (
    plan === null ||
    planKey(plan) !== planKey(saved.plan) ||
    options.skipOnBattery !== saved.skipOnBattery ||
    parseWholeNumber(options.fullEvery, 1, 90) !== saved.fullEveryDays ||
    options.checkEvery !== saved.checkEveryDays ||
    parseWholeNumber(options.staleAfter, 1, 90) !== saved.staleAfterDays
  );
}

/** Adds or removes a weekday, keeping the list sorted and without duplicates. */
export function toggleDay(days: readonly number[], day: number, checked: boolean): number[] {
  const next = new Set(days);
  if (checked) next.add(day);
  else next.delete(day);
  return [...next].sort((a, b) => a - b);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A date as a datetime-local input value (local time, minutes). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A local date as ISO 8601 with the local offset ("2025-11-24T09:30:00+01:00"). */
export function toIsoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${toLocalInput(date)}:${pad(date.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A datetime-local value ("2025-11-24T09:30") as ISO with offset; refuses an empty value and past times. */
export function pauseUntilFromInput(value: string, now: Date): { ok: true; iso: string } | { ok: false; message: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return { ok: false, message: scheduleStrings.pause.untilEmpty };
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  if (Number.isNaN(date.getTime()) || date.getMonth() !== month - 1) return { ok: false, message: scheduleStrings.pause.untilEmpty };
  if (date.getTime() <= now.getTime()) return { ok: false, message: scheduleStrings.pause.untilPast };
  return { ok: true, iso: toIsoWithOffset(date) };
}

const DAY_NAMES = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

/** A plan in one phrase, for summaries: "Every day at 02:00", "Mondays and Wednesdays at 18:30". */
export function describePlan(plan: BackupSchedule, dates: Pick<DateOptions, 'locale'> = {}): string {
  const time = plan.kind === 'daily' || plan.kind === 'weekly' ? formatTimeOfDay(plan.time, dates) : '';
  switch (plan.kind) {
    case 'manual':
      return 'Only when you ask (no automatic backups)';
    case 'interval':
      return plan.everyHours === 1 ? 'Every hour' : `Every ${plan.everyHours} hours`;
    case 'daily':
      return `Every day at ${time}`;
    case 'weekly': {
      // Monday first, as in the form.
      const names = [...new Set(plan.days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((day) => DAY_NAMES[day] ?? '');
      if (names.length === 7) return `Every day at ${time}`;
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
      return `${list} at ${time}`;
    }
  }
}
