import type { CatalogEntry, CatalogRecord, EntryVersion } from './catalog';

/**
 * What the catalog tells about snapshots over time, computed from their indexes alone (no page is
 * read): what changed between two snapshots, whether a backup lost a suspicious share of the
 * workspace, the versions of one page, and which snapshots hold a title.
 */

export interface PageRef {
  id: string;
  object: 'page' | 'database';
  title: string;
  emoji: string | null;
  isRow: boolean;
}

export interface SnapshotChanges {
  added: PageRef[];
  removed: PageRef[];
  /** Present in both, with another last edit time or title. */
  edited: PageRef[];
}

/**
 * A backup in which this many pages disappeared is marked and announced: an accidental wipe or a
 * compromised account shows up this way. At least 10 % of what the previous snapshot held, but never
 * for fewer than 3 pages (deleting one page of a small workspace is not an alarm), and always from 50.
 */
export const MASS_DELETION = { share: 0.1, minimum: 3, always: 50 } as const;

/** The plakar tag a backup carries when MASS_DELETION fired. */
export const MASS_DELETION_TAG = 'alert=mass-deletion';

function refOf(entry: CatalogEntry): PageRef {
  return { id: entry.id, object: entry.object, title: entry.title, emoji: entry.emoji, isRow: entry.isRow };
}

/** Present in both snapshots, with another last edit time or title. */
export function isEdited(before: EntryVersion, after: EntryVersion): boolean {
  return before.lastEditedTime !== after.lastEditedTime || before.title !== after.title;
}

/**
 * Walks two snapshots' entries once, in the newer one's order, then the removed ones in the older
 * one's order. One map of the older entries, each deleted once seen: what is left was removed.
 */
export function compareEntries<Older extends EntryVersion, Newer extends EntryVersion>(
  older: Iterable<Older>,
  newer: Iterable<Newer>,
  visit: { added?: (entry: Newer) => void; inBoth?: (entry: Newer, before: Older) => void; removed?: (entry: Older) => void },
): void {
  const before = new Map<string, Older>();
  for (const entry of older) before.set(entry.id, entry);
  for (const entry of newer) {
    const previous = before.get(entry.id);
    if (!previous) {
      visit.added?.(entry);
      continue;
    }
    before.delete(entry.id);
    visit.inBoth?.(entry, previous);
  }
  for (const entry of before.values()) visit.removed?.(entry);
}

export function compareRecords(older: CatalogRecord, newer: CatalogRecord): SnapshotChanges {
  const changes: SnapshotChanges = { added: [], removed: [], edited: [] };
  compareEntries(older.entries, newer.entries, {
    added: (entry) => changes.added.push(refOf(entry)),
    inBoth: (entry, before) => {
      if (isEdited(before, entry)) changes.edited.push(refOf(entry));
    },
    removed: (entry) => changes.removed.push(refOf(entry)),
  });
  return changes;
}

export function isMassDeletion(previousCount: number, removedCount: number): boolean {
  if (removedCount >= MASS_DELETION.always) return true;
  return removedCount >= MASS_DELETION.minimum && removedCount >= previousCount * MASS_DELETION.share;
}

export interface DatedRecord {
  snapshot: { id: string; time: string };
  record: CatalogRecord;
}

/** Snapshots newest first (their times are RFC 3339 UTC, so they sort as text). */
export function newestFirst<T extends DatedRecord>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => b.snapshot.time.localeCompare(a.snapshot.time));
}

export interface PageVersion {
  /** The newest snapshot holding this version. */
  snapshotId: string;
  time: string;
  title: string;
  lastEditedTime: string | null;
  /** Every snapshot holding this same version, newest first. */
  snapshotIds: string[];
}

/**
 * The versions of one page, newest first: consecutive snapshots with the same last edit time and
 * title hold the same version and are collapsed into one.
 */
export function pageVersions(pageId: string, records: readonly DatedRecord[]): PageVersion[] {
  const versions: PageVersion[] = [];
  for (const { snapshot, record } of newestFirst(records)) {
    const entry = record.entries.find((candidate) => candidate.id === pageId);
    if (!entry) continue;
    const last = versions.at(-1);
    if (last && last.lastEditedTime === entry.lastEditedTime && last.title === entry.title) {
      last.snapshotIds.push(snapshot.id);
      continue;
    }
    versions.push({ snapshotId: snapshot.id, time: snapshot.time, title: entry.title, lastEditedTime: entry.lastEditedTime, snapshotIds: [snapshot.id] });
  }
  return versions;
}

/** A page across snapshots: as the newest snapshot holding it has it, its versions, and whether the newest snapshot of all holds it. */
export function pageHistory(pageId: string, records: readonly DatedRecord[]): { page: PageRef | null; versions: PageVersion[]; inLatest: boolean } {
  const sorted = newestFirst(records);
  const newestEntry = sorted.map(({ record }) => record.entries.find((entry) => entry.id === pageId)).find((entry) => entry !== undefined);
  return {
    page: newestEntry ? refOf(newestEntry) : null,
    versions: pageVersions(pageId, sorted),
    inLatest: sorted[0]?.record.entries.some((entry) => entry.id === pageId) ?? false,
  };
}

export interface TitleMatch extends PageRef {
  /** The newest snapshot that holds it. */
  lastSeen: { snapshotId: string; time: string };
  /** In the newest snapshot of all: false for a page deleted since (or moved out of what is backed up). */
  inLatest: boolean;
  /** In how many of the searched snapshots it appears. */
  snapshots: number;
}

/** Folds case and accents, so "cafe" finds "Café". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

// Records are kept in memory by the service that searches them; their folded titles are worked out once.
const foldedTitles = new WeakMap<CatalogRecord, string[]>();
function foldedTitlesOf(record: CatalogRecord): string[] {
  let keys = foldedTitles.get(record);
  if (!keys) {
    keys = record.entries.map((entry) => searchKey(entry.title));
    foldedTitles.set(record, keys);
  }
  return keys;
}

/**
 * Pages and databases whose title contains every word of `query`, across all snapshots, each once
 * (with its newest title). Pages gone from the newest snapshot come first: they are what people look
 * for in a backup.
 */
export function searchTitles(query: string, records: readonly DatedRecord[], limit = 100): { matches: TitleMatch[]; truncated: boolean } {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return { matches: [], truncated: false };
  const sorted = newestFirst(records);
  const latest = new Set(sorted[0]?.record.entries.map((entry) => entry.id));
  // Newest first, so the first time an id shows up is the newest snapshot that holds it, whatever its
  // title was there; the match keeps the newest title that matched.
  const newestHolding = new Map<string, { snapshotId: string; time: string }>();
  const holdingCount = new Map<string, number>();
  const found = new Map<string, TitleMatch>();
  for (const { snapshot, record } of sorted) {
    const keys = foldedTitlesOf(record);
    for (const [position, entry] of record.entries.entries()) {
      if (!newestHolding.has(entry.id)) newestHolding.set(entry.id, { snapshotId: snapshot.id, time: snapshot.time });
      holdingCount.set(entry.id, (holdingCount.get(entry.id) ?? 0) + 1);
      if (found.has(entry.id) || !words.every((word) => keys[position]!.includes(word))) continue;
      found.set(entry.id, { ...refOf(entry), lastSeen: newestHolding.get(entry.id)!, inLatest: latest.has(entry.id), snapshots: 0 });
    }
  }
  for (const match of found.values()) match.snapshots = holdingCount.get(match.id) ?? 0;
  const matches = [...found.values()].sort((a, b) => Number(a.inLatest) - Number(b.inLatest) || b.lastSeen.time.localeCompare(a.lastSeen.time) || a.title.localeCompare(b.title));
  return { matches: matches.slice(0, limit), truncated: matches.length > limit };
}
