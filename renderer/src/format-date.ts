/**
 * Every date and time the renderer shows goes through here, in the system's locale (and so its 12- or
 * 24-hour convention). `locale` and `timeZone` are for tests.
 */
export interface DateOptions {
  locale?: string | undefined;
  timeZone?: string | undefined;
}

function parsed(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "5 Dec 2026, 04:28" (or the locale's way); the raw text when it is not a date. */
export function formatDateTime(iso: string, options: DateOptions = {}): string {
  const date = parsed(iso);
  if (!date) return iso;
  return date.toLocaleString(options.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: options.timeZone });
}

/** "04:28", or "04:28:15" when two moments of the same minute must be told apart. */
export function formatTime(iso: string, options: DateOptions & { seconds?: boolean } = {}): string {
  const date = parsed(iso);
  if (!date) return iso;
  return date.toLocaleTimeString(options.locale, { timeStyle: options.seconds ? 'medium' : 'short', timeZone: options.timeZone });
}

/** The calendar day of a moment where the user is, as "2026-12-05" (for grouping, never shown). */
export function dayKey(iso: string, options: DateOptions = {}): string {
  const date = parsed(iso);
  if (!date) return 'unknown';
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: options.timeZone }).formatToParts(date);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A day heading: "Today", "Yesterday", else "Thursday, 3 December 2026" in the locale's words. */
export function formatDay(iso: string, now: Date, words: { today: string; yesterday: string; unknown: string }, options: DateOptions = {}): string {
  const date = parsed(iso);
  if (!date) return words.unknown;
  const key = dayKey(iso, options);
  if (key === dayKey(now.toISOString(), options)) return words.today;
  if (key === dayKey(new Date(now.getTime() - 86_400_000).toISOString(), options)) return words.yesterday;
  return date.toLocaleDateString(options.locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: options.timeZone });
}
