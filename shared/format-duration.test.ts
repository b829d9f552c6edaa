import { describe, expect, it } from 'vitest';
import { formatRelativeTime, formatTimeAgo } from './format-duration';

describe('formatRelativeTime', () => {
  const now = Date.parse('2025-11-24T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it('says how long ago, in minutes, hours, then days', () => {
    expect(formatRelativeTime(ago(20_000), now)).toBe('just now');
    expect(formatRelativeTime(ago(12 * 60_000), now)).toBe('12 min ago');
    expect(formatRelativeTime(ago(59 * 60_000 + 59_000), now)).toBe('59 min ago');
    expect(formatRelativeTime(ago(3 * 3_600_000 + 10 * 60_000), now)).toBe('3 h ago');
    expect(formatRelativeTime(ago(47 * 3_600_000), now)).toBe('47 h ago');
    expect(formatRelativeTime(ago(48 * 3_600_000), now)).toBe('2 days ago');
    expect(formatRelativeTime(ago(30 * 86_400_000), now)).toBe('30 days ago');
  });

  it('says how soon, for future times', () => {
    expect(formatRelativeTime(now + 30_000, now)).toBe('in less than a minute');
    expect(formatRelativeTime(now + 40 * 60_000, now)).toBe('in 40 min');
    expect(formatRelativeTime(new Date(now + 5 * 3_600_000), new Date(now))).toBe('in 5 h');
    expect(formatRelativeTime(now + 3 * 86_400_000, now)).toBe('in 3 days');
  });

  it('returns nothing for a time it cannot read', () => {
    expect(formatRelativeTime('not a date', now)).toBe('');
  });
});

describe('formatTimeAgo', () => {
  it('reads a past event as past, also when it is a little after the clock of the screen', () => {
    const now = Date.parse('2025-11-24T12:00:00Z');
    expect(formatTimeAgo('2025-11-24T11:48:00Z', now)).toBe('12 min ago');
    expect(formatTimeAgo('2025-11-24T12:00:20Z', now)).toBe('just now');
    expect(formatTimeAgo('nonsense', now)).toBe('');
  });
});
