import { describe, expect, it } from 'vitest';
import type { SavedSchedule } from './schedule-helpers';
import {
  describePlan,
  draftFromPlan,
  parseWholeNumber,
  pauseUntilFromInput,
  planFromDraft,
  scheduleFormDiffers,
  toggleDay,
  toIsoWithOffset,
  toLocalInput,
} from './schedule-helpers';

const GB = { locale: 'en-GB' };

describe('schedule form', () => {
  it('round-trips every kind of plan', () => {
    for (const plan of [
      { kind: 'manual' as const },
      { kind: 'interval' as const, everyHours: 12 },
      { kind: 'daily' as const, time: '02:00' },
      { kind: 'weekly' as const, days: [1, 3, 5], time: '23:30' },
    ]) {
      expect(planFromDraft(draftFromPlan(plan))).toEqual({ plan, errors: null });
    }
  });

  it('keeps defaults for the fields a plan does not use, so switching kind starts from something sensible', () => {
    const draft = draftFromPlan({ kind: 'manual' });
    expect(planFromDraft({ ...draft, kind: 'interval' }).plan).toEqual({ kind: 'interval', everyHours: 6 });
    expect(planFromDraft({ ...draft, kind: 'weekly' }).plan).toEqual({ kind: 'weekly', days: [1, 2, 3, 4, 5], time: '02:00' });
  });

  it('says what is wrong, with the words of the schema', () => {
    const base = draftFromPlan({ kind: 'daily', time: '02:00' });
    expect(planFromDraft({ ...base, kind: 'interval', everyHours: '0' }).errors).toEqual({ everyHours: 'Choose between 1 and 168 hours.' });
    expect(planFromDraft({ ...base, kind: 'interval', everyHours: '169' }).errors?.everyHours).toBeDefined();
    expect(planFromDraft({ ...base, kind: 'interval', everyHours: '2.5' }).errors?.everyHours).toBeDefined();
    expect(planFromDraft({ ...base, time: '24:00' }).errors).toEqual({ time: 'Choose a time as HH:MM.' });
    expect(planFromDraft({ ...base, kind: 'weekly', days: [], time: '' }).errors).toEqual({
      time: 'Choose a time as HH:MM.',
      days: 'Choose at least one day.',
    });
  });

  it('parses whole numbers in a range only', () => {
    expect(parseWholeNumber(' 7 ', 1, 90)).toBe(7);
    expect(parseWholeNumber('0', 1, 90)).toBeNull();
    expect(parseWholeNumber('91', 1, 90)).toBeNull();
    expect(parseWholeNumber('-1', 0, 90)).toBeNull();
    expect(parseWholeNumber('1e2', 0, 1000)).toBeNull();
    expect(parseWholeNumber('', 0, 90)).toBeNull();
  });

  it('toggles weekdays, sorted, without duplicates', () => {
    expect(toggleDay([5, 1], 0, true)).toEqual([0, 1, 5]);
    expect(toggleDay([1, 5], 1, true)).toEqual([1, 5]);
    expect(toggleDay([1, 5], 5, false)).toEqual([1]);
  });
});

describe('pause until a chosen time', () => {
  const now = new Date(2025, 10, 24, 9, 0);

  it('turns the local input value into ISO with the local offset, the same instant', () => {
    const result = pauseUntilFromInput('2025-11-24T18:30', now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.iso).toMatch(/^2025-11-24T18:30:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(result.iso)).toBe(new Date(2025, 10, 24, 18, 30).getTime());
  });

  it('refuses an empty value, an impossible date and a time that has passed', () => {
    expect(pauseUntilFromInput('', now)).toEqual({ ok: false, message: 'Choose a date and time.' });
    expect(pauseUntilFromInput('2025-02-30T10:00', now)).toEqual({ ok: false, message: 'Choose a date and time.' });
    expect(pauseUntilFromInput('2025-11-24T09:00', now)).toEqual({ ok: false, message: 'Choose a time in the future.' });
    expect(pauseUntilFromInput('2024-01-01T10:00', now).ok).toBe(false);
  });

  it('writes datetime-local values and offsets', () => {
    const date = new Date(2025, 0, 5, 7, 4, 9);
    expect(toLocalInput(date)).toBe('2025-01-05T07:04');
    expect(Date.parse(toIsoWithOffset(date))).toBe(date.getTime());
  });
});

describe('describePlan', () => {
  it('says each plan in one phrase', () => {
    expect(describePlan({ kind: 'manual' })).toMatch(/Only when you ask/);
    expect(describePlan({ kind: 'interval', everyHours: 1 })).toBe('Every hour');
    expect(describePlan({ kind: 'interval', everyHours: 6 })).toBe('Every 6 hours');
    expect(describePlan({ kind: 'daily', time: '02:00' }, GB)).toBe('Every day at 02:00');
    expect(describePlan({ kind: 'weekly', days: [3, 1], time: '18:30' }, GB)).toBe('Mondays and Wednesdays at 18:30');
    expect(describePlan({ kind: 'weekly', days: [0, 1, 5], time: '07:00' }, GB)).toBe('Mondays, Fridays and Sundays at 07:00');
    expect(describePlan({ kind: 'weekly', days: [0, 1, 2, 3, 4, 5, 6], time: '07:00' }, GB)).toBe('Every day at 07:00');
    expect(describePlan({ kind: 'daily', time: '18:30' }, { locale: 'en-US' })).toBe('Every day at 6:30 PM');
  });
});

describe('scheduleFormDiffers', () => {
  const saved: SavedSchedule = { plan: { kind: 'weekly', days: [1, 3], time: '18:30' }, skipOnBattery: false, fullEveryDays: 7, checkEveryDays: 0, staleAfterDays: 3 };
  const options = { skipOnBattery: false, fullEvery: '7', checkEvery: 0, staleAfter: '3' };
  const draft = draftFromPlan(saved.plan);

  it('is false for the form as loaded, and for unsaved fields of other kinds of plan', () => {
    expect(scheduleFormDiffers(draft, options, saved)).toBe(false);
    expect(scheduleFormDiffers({ ...draft, everyHours: '12' }, { ...options, fullEvery: ' 7 ' }, saved)).toBe(false);
  });

  it('is true for another plan, an option changed or a field that does not parse', () => {
    expect(scheduleFormDiffers({ ...draft, days: [1] }, options, saved)).toBe(true);
    expect(scheduleFormDiffers({ ...draft, kind: 'daily' }, options, saved)).toBe(true);
    expect(scheduleFormDiffers(draft, { ...options, checkEvery: 7 }, saved)).toBe(true);
    expect(scheduleFormDiffers(draft, { ...options, staleAfter: '' }, saved)).toBe(true);
    expect(scheduleFormDiffers({ ...draft, time: '' }, options, saved)).toBe(true);
  });
});
