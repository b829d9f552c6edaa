import type { Health } from '../../../../shared/schedule';
import type { Status } from '../../components/StatusIcon';
import { scheduleStrings } from '../../strings-schedule';

const r = scheduleStrings.relative;

/**
 * How long ago (or how soon) `from` is, seen at `now`: "just now", "12 min ago", "3 h ago", "2 days ago",
 * "in 40 min", "in 5 h", "in 3 days". Minutes up to an hour, hours up to two days, then days.
 */
export function relativeTime(from: string | number | Date, now: number | Date): string {
  const at = from instanceof Date ? from.getTime() : typeof from === 'string' ? Date.parse(from) : from;
  const reference = now instanceof Date ? now.getTime() : now;
  if (Number.isNaN(at)) return '';
  const delta = reference - at;
  const past = delta >= 0;
  const minutes = Math.floor(Math.abs(delta) / 60_000);
  if (minutes < 1) return past ? r.justNow : r.soon;
  if (minutes < 60) return past ? r.minutesAgo(minutes) : r.inMinutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return past ? r.hoursAgo(hours) : r.inHours(hours);
  const days = Math.floor(hours / 24);
  return past ? r.daysAgo(days) : r.inDays(days);
}

/**
 * How long ago something that has happened happened. A time slightly after `now` (the screen's clock
 * ticks every few seconds, or the clocks differ a little) reads "just now", never "in less than a minute".
 */
export function timeAgo(from: string | number | Date, now: number | Date): string {
  const at = from instanceof Date ? from.getTime() : typeof from === 'string' ? Date.parse(from) : from;
  const reference = now instanceof Date ? now.getTime() : now;
  return relativeTime(at, Math.max(at, reference));
}

/** The status dot for the scheduler's health. */
export function healthIcon(health: Health): Status {
  switch (health) {
    case 'idle':
      return 'ok';
    case 'running':
      return 'pending';
    case 'warning':
      return 'warning';
    case 'failed':
      return 'problem';
  }
}
