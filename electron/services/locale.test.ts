import { describe, expect, it } from 'vitest';
import { formatWhen } from './background/schedule-status';
import { localeFromEnv } from './config';

describe('the locale of dates main writes', () => {
  it('comes from LC_ALL, LC_TIME or LANG, and is absent for C, POSIX or nothing', () => {
    expect(localeFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('fr-FR');
    expect(localeFromEnv({ LANG: 'fr_FR.UTF-8', LC_TIME: 'en_US.UTF-8' })).toBe('en-US');
    expect(localeFromEnv({ LC_ALL: 'de_DE@euro', LANG: 'fr_FR' })).toBe('de-DE');
    expect(localeFromEnv({ LANG: 'C.UTF-8' })).toBeUndefined();
    expect(localeFromEnv({ LANG: 'POSIX' })).toBeUndefined();
    expect(localeFromEnv({})).toBeUndefined();
    expect(localeFromEnv({ LANG: '!!' })).toBeUndefined();
  });

  it('writes a planned run in that locale, 12- or 24-hour as it is, en-GB by default', () => {
    const date = new Date('2026-12-06T14:00:00Z');
    expect(formatWhen(date, 'UTC')).toBe('Sun 6 Dec, 14:00');
    expect(formatWhen(date, 'UTC', 'en-US')).toBe('Sun, Dec 6, 02:00 PM');
    expect(formatWhen(date, 'UTC', 'not a locale!')).toBe('Sun 6 Dec, 14:00');
  });
});
