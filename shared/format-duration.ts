/** A duration for people: "42 s", "3 min 5 s", "2 h 10 min" (negative durations read as 0 s). */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function toMs(time: string | number | Date): number {
  return time instanceof Date ? time.getTime() : typeof time === 'string' ? Date.parse(time) : time;
}

/**
 * How long ago (or how soon) `from` is, seen at `now`: "just now", "12 min ago", "3 h ago", "2 days ago",
 * "in 40 min", "in 5 h", "in 3 days". Minutes up to an hour, hours up to two days, then days; "" for a
 * time that cannot be read.
 */
export function formatRelativeTime(from: string | number | Date, now: string | number | Date): string {
  const at = toMs(from);
  if (Number.isNaN(at)) return '';
  const delta = toMs(now) - at;
  const past = delta >= 0;
  const minutes = Math.floor(Math.abs(delta) / 60_000);
  if (minutes < 1) return past ? 'just now' : 'in less than a minute';
  if (minutes < 60) return past ? `${minutes.toLocaleString()} min ago` : `in ${minutes.toLocaleString()} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return past ? `${hours.toLocaleString()} h ago` : `in ${hours.toLocaleString()} h`;
  const days = Math.floor(hours / 24);
  return past ? `${count(days, 'day', 'days')} ago` : `in ${count(days, 'day', 'days')}`;
}

/**
 * How long ago something that has happened happened. A time slightly after `now` (a screen's clock
 * ticks every few seconds, or two clocks differ a little) reads "just now", never "in less than a minute".
 */
export function formatTimeAgo(from: string | number | Date, now: string | number | Date): string {
  const at = toMs(from);
  return formatRelativeTime(at, Math.max(at, toMs(now)));
}
