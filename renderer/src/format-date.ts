/**
 * Every date and time the renderer shows goes through here, in the system's locale (and so its 12- or
 * 24-hour convention). `locale` and `timeZone` are for tests.
 */
export interface DateOptions {
  locale?: string | undefined;
  timeZone?: string | undefined;
}

/** An unknown time-zone name (from another computer) reads as the computer's own zone, the same in practice. */
function format(date: Date, locale: string | undefined, style: Intl.DateTimeFormatOptions, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(locale, { ...style, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, style).format(date);
  }
}

function parsed(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "5 Dec 2026, 04:28" (or the locale's way, with seconds if asked); the raw text when it is not a date. */
export function formatDateTime(iso: string, options: DateOptions & { seconds?: boolean } = {}): string {
  const date = parsed(iso);
  if (!date) return iso;
  return format(date, options.locale, { dateStyle: 'medium', timeStyle: options.seconds ? 'medium' : 'short' }, options.timeZone);
}

/** Two moments as a reader can tell them apart: with seconds when they fall in the same minute. */
export function formatDateTimePair(first: string, second: string, options: DateOptions = {}): [string, string] {
  const [a, b] = [formatDateTime(first, options), formatDateTime(second, options)];
  if (a !== b) return [a, b];
  return [formatDateTime(first, { ...options, seconds: true }), formatDateTime(second, { ...options, seconds: true })];
}

/** "04:28", or "04:28:15" when two moments of the same minute must be told apart. */
export function formatTime(iso: string, options: DateOptions & { seconds?: boolean } = {}): string {
  const date = parsed(iso);
  if (!date) return iso;
  return format(date, options.locale, { timeStyle: options.seconds ? 'medium' : 'short' }, options.timeZone);
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
  return format(date, options.locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, options.timeZone);
}

/** A moment of the coming days with its weekday: "Sun 6 Dec, 02:00" (or the locale's way), e.g. a planned backup. */
export function formatWeekdayDateTime(iso: string, options: DateOptions = {}): string {
  const date = parsed(iso);
  if (!date) return iso;
  // The time as timeStyle writes it: `hour: 'numeric'` would drop en-GB's leading zero ("2:00").
  return `${format(date, options.locale, { weekday: 'short', day: 'numeric', month: 'short' }, options.timeZone)}, ${formatTime(iso, options)}`;
}

/** The shortest way to say an upcoming moment: its time when it is today, else with its weekday and date. */
export function formatUpcoming(iso: string, now: Date, options: DateOptions = {}): string {
  if (!parsed(iso)) return iso;
  return dayKey(iso, options) === dayKey(now.toISOString(), options) ? formatTime(iso, options) : formatWeekdayDateTime(iso, options);
}

/** A plan's time of day ("18:30", as the schedule stores it) the way the locale writes times: "18:30", "6:30 PM". */
export function formatTimeOfDay(hhmm: string, options: Pick<DateOptions, 'locale'> = {}): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  return formatTime(`2000-01-01T${match[1]}:${match[2]}:00Z`, { locale: options.locale, timeZone: 'UTC' });
}
