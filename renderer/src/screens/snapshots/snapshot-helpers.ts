import type { ResultOf } from '../../../../shared/ipc/contract';
import type { DateOptions } from '../../format-date';
import { dayKey, formatDay } from '../../format-date';
import type { PickableItem } from '../../page-tree';

/** One snapshot from listSnapshots. */
export type SnapshotRow = Extract<ResultOf<'listSnapshots'>, { status: 'ok' }>['snapshots'][number];

/** One entry of a snapshot's tree (getSnapshotTree). */
export type SnapshotEntry = Extract<ResultOf<'getSnapshotTree'>, { status: 'ok' }>['entries'][number];

/** Newest first; snapshots with an unreadable time go last. */
export function sortNewestFirst<T extends { time: string }>(list: readonly T[]): T[] {
  const time = (value: string) => {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? -Infinity : parsed;
  };
  return [...list].sort((a, b) => time(b.time) - time(a.time));
}

/** The tags plakar shows, minus the ones the app sets for itself (shown as columns instead). */
export function visibleTags(tags: readonly string[]): string[] {
  return tags.filter((tag) => !/^(app|mode|source)=/.test(tag));
}

/** Tree entries as pickable items; rows are left out unless asked for (they come with their database). */
export function entriesToItems(entries: readonly SnapshotEntry[], includeRows: boolean): PickableItem[] {
  return entries
    .filter((entry) => includeRows || !entry.isRow)
    .map((entry) => ({ id: entry.id, object: entry.object, title: entry.title, emoji: entry.emoji, parentId: entry.parentId, url: null }));
}

/** How many direct children (rows or sub-pages) each id has. */
export function childCounts(entries: readonly SnapshotEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) if (entry.parentId) counts.set(entry.parentId, (counts.get(entry.parentId) ?? 0) + 1);
  return counts;
}

/** The ids of the entries that contain `id`, nearest first; none for an unknown id. */
export function ancestorsOf(id: string | undefined, entries: readonly SnapshotEntry[]): string[] {
  const parents = new Map(entries.map((entry) => [entry.id, entry.parentId]));
  const found: string[] = [];
  let parent = id ? (parents.get(id) ?? null) : null;
  while (parent && !found.includes(parent)) {
    found.push(parent);
    parent = parents.get(parent) ?? null;
  }
  return found;
}

/** Ids of the top-level entries (no parent in the snapshot). */
export function topLevelIds(entries: readonly SnapshotEntry[]): string[] {
  const ids = new Set(entries.map((entry) => entry.id));
  return entries.filter((entry) => !entry.parentId || !ids.has(entry.parentId)).map((entry) => entry.id);
}

/** The manifest's counts in a stable, readable order; unknown keys follow in their own order. */
export function orderedCounts(counts: Readonly<Record<string, number>>): Array<[string, number]> {
  const order = ['pages', 'databases', 'dataSources', 'rows', 'views', 'linkedDatabases', 'blocks', 'files', 'comments'];
  const known = order.filter((key) => key in counts).map((key): [string, number] => [key, counts[key] ?? 0]);
  const rest = Object.entries(counts).filter(([key]) => !order.includes(key));
  return [...known, ...rest];
}

export interface SnapshotDay {
  key: string;
  label: string;
  snapshots: SnapshotRow[];
}

/**
 * The timeline: snapshots (newest first) grouped by the day they were taken where the user is, each
 * day headed "Today", "Yesterday" or its date.
 */
export function groupByDay(newestFirst: readonly SnapshotRow[], now: Date, words: Parameters<typeof formatDay>[2], options: DateOptions = {}): SnapshotDay[] {
  const days: SnapshotDay[] = [];
  for (const snapshot of newestFirst) {
    const key = dayKey(snapshot.time, options);
    const last = days.at(-1);
    if (last?.key === key) last.snapshots.push(snapshot);
    else days.push({ key, label: formatDay(snapshot.time, now, words, options), snapshots: [snapshot] });
  }
  return days;
}

/** Times shown with seconds: those that share their minute with another snapshot's. */
export function timesNeedingSeconds(snapshots: readonly SnapshotRow[]): Set<string> {
  const byMinute = new Map<string, string[]>();
  for (const snapshot of snapshots) {
    const minute = snapshot.time.slice(0, 16);
    byMinute.set(minute, [...(byMinute.get(minute) ?? []), snapshot.id]);
  }
  return new Set([...byMinute.values()].filter((ids) => ids.length > 1).flat());
}
