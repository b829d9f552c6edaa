import { describe, expect, it } from 'vitest';
import { dayKey, formatDateTime, formatDateTimePair, formatDay, formatTime, formatTimeOfDay, formatUpcoming, formatWeekdayDateTime } from './format-date';

const UTC = { timeZone: 'UTC' };
const words = { today: 'Today', yesterday: 'Yesterday', unknown: 'Unknown date' };

describe('format-date', () => {
  it('follows the locale, 24-hour or 12-hour as it does', () => {
    expect(formatDateTime('2026-12-05T04:28:00Z', { locale: 'en-GB', ...UTC })).toBe('5 Dec 2026, 04:28');
    expect(formatDateTime('2026-12-05T16:28:00Z', { locale: 'en-US', ...UTC })).toBe('Dec 5, 2026, 4:28 PM');
    expect(formatTime('2026-12-05T16:28:09Z', { locale: 'en-GB', ...UTC })).toBe('16:28');
    expect(formatTime('2026-12-05T16:28:09Z', { locale: 'en-GB', seconds: true, ...UTC })).toBe('16:28:09');
    expect(formatDateTime('2025-06-02T08:05:00Z', { locale: 'de-DE', ...UTC })).toBe('02.06.2025, 08:05');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('tells two moments of the same minute apart', () => {
    expect(formatDateTimePair('2026-12-05T04:28:01Z', '2026-12-05T04:28:40Z', { locale: 'en-GB', ...UTC })).toEqual(['5 Dec 2026, 04:28:01', '5 Dec 2026, 04:28:40']);
    expect(formatDateTimePair('2026-12-05T04:28:01Z', '2026-12-05T04:29:40Z', { locale: 'en-GB', ...UTC })).toEqual(['5 Dec 2026, 04:28', '5 Dec 2026, 04:29']);
  });

  it('groups by the day where the user is', () => {
    expect(dayKey('2026-12-05T23:30:00Z', UTC)).toBe('2026-12-05');
    expect(dayKey('2026-12-05T23:30:00Z', { timeZone: 'Europe/Paris' })).toBe('2026-12-06');
    expect(dayKey('garbage')).toBe('unknown');
  });

  it('names today and yesterday, and spells out older days', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    expect(formatDay('2026-12-05T01:00:00Z', now, words, { locale: 'en-GB', ...UTC })).toBe('Today');
    expect(formatDay('2026-12-04T23:59:00Z', now, words, { locale: 'en-GB', ...UTC })).toBe('Yesterday');
    expect(formatDay('2026-12-03T12:00:00Z', now, words, { locale: 'en-GB', ...UTC })).toBe('Thursday, 3 December 2026');
    expect(formatDay('x', now, words)).toBe('Unknown date');
  });

  it('says when a planned moment comes: with its weekday, or only its time when it is today', () => {
    expect(formatWeekdayDateTime('2026-11-24T02:00:00Z', { locale: 'en-GB', ...UTC })).toBe('Tue 24 Nov, 02:00');
    expect(formatWeekdayDateTime('2026-11-24T18:30:00Z', { locale: 'en-US', ...UTC })).toBe('Tue, Nov 24, 6:30 PM');
    expect(formatWeekdayDateTime('2026-11-24T02:00:00Z', { locale: 'en-GB', timeZone: 'Not/AZone' })).toMatch(/24 Nov/);
    expect(formatWeekdayDateTime('soon')).toBe('soon');
    const now = new Date('2026-11-24T01:00:00Z');
    expect(formatUpcoming('2026-11-24T02:00:00Z', now, { locale: 'en-GB', ...UTC })).toBe('02:00');
    expect(formatUpcoming('2026-11-25T02:00:00Z', now, { locale: 'en-GB', ...UTC })).toBe('Wed 25 Nov, 02:00');
    expect(formatUpcoming('later', now)).toBe('later');
  });

  it('writes a plan’s time of day as the locale writes times', () => {
    expect(formatTimeOfDay('18:30', { locale: 'en-GB' })).toBe('18:30');
    expect(formatTimeOfDay('18:30', { locale: 'en-US' })).toBe('6:30 PM');
    expect(formatTimeOfDay('02:00', { locale: 'en-GB' })).toBe('02:00');
    expect(formatTimeOfDay('2 pm')).toBe('2 pm');
  });
});
