import type { ResultOf } from '../../../../shared/ipc/contract';
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

/** A date and time in the user's locale (or the one given); the raw text when it is not a date. */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
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

/** Ids of the top-level entries (no parent in the snapshot). */
export function topLevelIds(entries: readonly SnapshotEntry[]): string[] {
  const ids = new Set(entries.map((entry) => entry.id));
  return entries.filter((entry) => !entry.parentId || !ids.has(entry.parentId)).map((entry) => entry.id);
}

/** The manifest's counts in a stable, readable order; unknown keys follow in their own order. */
export function orderedCounts(counts: Readonly<Record<string, number>>): Array<[string, number]> {
  const order = ['pages', 'databases', 'dataSources', 'rows', 'blocks', 'files', 'comments'];
  const known = order.filter((key) => key in counts).map((key): [string, number] => [key, counts[key] ?? 0]);
  const rest = Object.entries(counts).filter(([key]) => !order.includes(key));
  return [...known, ...rest];
}
