import { FULL_SNAPSHOT_ID } from '../plakar/store-location';
import type { SnapshotListEntry } from '../plakar/parse';
import { APP_TAG } from '../jobs/backup-plan';

/** Keep the newest `last`, plus the newest snapshot of each of the last `daily` days, `weekly` weeks and `monthly` months. */
export interface RetentionPolicy {
  last: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export interface RetentionPlan {
  keep: Array<{ snapshot: SnapshotListEntry; reasons: string[] }>;
  remove: SnapshotListEntry[];
}

function parts(date: Date, timeZone: string): { year: number; month: number; day: number; weekday: number } {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' });
  const values = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return { year: Number(values.year), month: Number(values.month), day: Number(values.day), weekday: weekdays.indexOf(values.weekday ?? 'Sun') };
}

/** ISO week key (weeks start on Monday) of a local calendar day. */
function weekKey(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3); // Thursday of this week decides the ISO year
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / 604_800_000 - 3 / 7 + ((firstThursday.getUTCDay() + 6) % 7) / 7);
  return `${date.getUTCFullYear()}-W${week}`;
}

/**
 * Which of the app's snapshots of one source to keep. Only snapshots tagged by this app (and, if given,
 * of this source) are ever candidates for removal; every id to remove is a full 64-hex id.
 */
export function planRetention(snapshots: readonly SnapshotListEntry[], policy: RetentionPolicy, timeZone: string, source?: string): RetentionPlan {
  const ours = snapshots
    .filter((snapshot) => snapshot.tags.includes(APP_TAG) && (!source || snapshot.tags.includes(`source=${source}`)))
    .filter((snapshot) => FULL_SNAPSHOT_ID.test(snapshot.id))
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  const reasons = new Map<string, string[]>();
  const mark = (snapshot: SnapshotListEntry, reason: string) => reasons.set(snapshot.id, [...(reasons.get(snapshot.id) ?? []), reason]);
  ours.slice(0, Math.max(0, policy.last)).forEach((snapshot, index) => mark(snapshot, `one of the last ${policy.last} (#${index + 1})`));
  const bucket = (count: number, label: string, key: (snapshot: SnapshotListEntry) => string) => {
    const seen = new Set<string>();
    for (const snapshot of ours) {
      const id = key(snapshot);
      if (seen.has(id)) continue;
      if (seen.size >= count) break;
      seen.add(id);
      mark(snapshot, `${label} ${id}`);
    }
  };
  const local = (snapshot: SnapshotListEntry) => parts(new Date(snapshot.time), timeZone);
  bucket(policy.daily, 'newest of day', (snapshot) => {
    const { year, month, day } = local(snapshot);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });
  bucket(policy.weekly, 'newest of week', (snapshot) => {
    const { year, month, day } = local(snapshot);
    return weekKey(year, month, day);
  });
  bucket(policy.monthly, 'newest of month', (snapshot) => {
    const { year, month } = local(snapshot);
    return `${year}-${String(month).padStart(2, '0')}`;
  });
  return {
    keep: ours.filter((snapshot) => reasons.has(snapshot.id)).map((snapshot) => ({ snapshot, reasons: reasons.get(snapshot.id) ?? [] })),
    remove: ours.filter((snapshot) => !reasons.has(snapshot.id)),
  };
}
