import type { DatedRecord, PageRef } from './snapshot-history';
import { newestFirst, searchKey } from './snapshot-history';
import type { TextIndex } from './text-index';

/** Shorter queries would match nearly every page. */
export const MIN_TEXT_QUERY = 3;

export interface TextMatch extends PageRef {
  /** The matching line, as the page has it (in the newest snapshot whose text matches). */
  snippet: string;
  /** The snapshots whose copy of the page holds the text, newest first. */
  snapshots: Array<{ snapshotId: string; time: string }>;
  /** The page is in the newest snapshot of all. */
  inLatest: boolean;
  /** Its text in the newest snapshot with text on this machine still holds the query. */
  textInLatest: boolean;
}

export interface TextSearch {
  matches: TextMatch[];
  truncated: boolean;
  /** Snapshots searched, and those this machine has no text for (made elsewhere or before the index). */
  indexed: number;
  notIndexed: number;
}

/**
 * Pages whose text holds every word of `query`, with the snapshots that still have it. Text gone from
 * the newest snapshot comes first ("which snapshot still has this paragraph?").
 */
export async function searchText(index: TextIndex, query: string, records: readonly DatedRecord[], limit = 50): Promise<TextSearch> {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.join(' ').length < MIN_TEXT_QUERY) return { matches: [], truncated: false, indexed: 0, notIndexed: 0 };
  const hashes = await index.matching(words);
  const snapshots = newestFirst(records);
  const latestIds = new Set(snapshots[0]?.record.entries.map((entry) => entry.id));
  const found = new Map<string, TextMatch & { hash: string }>();
  let indexed = 0;
  let notIndexed = 0;
  let newestIndexed: string | undefined;
  for (const { snapshot, record } of snapshots) {
    const pages = await index.pagesOf(snapshot.id);
    if (!pages) {
      notIndexed += 1;
      continue;
    }
    indexed += 1;
    newestIndexed ??= snapshot.id;
    const entries = hashes.size > 0 ? new Map(record.entries.map((entry) => [entry.id, entry])) : new Map();
    for (const [pageId, hash] of pages) {
      if (!hashes.has(hash)) continue;
      const known = found.get(pageId);
      if (known) {
        known.snapshots.push({ snapshotId: snapshot.id, time: snapshot.time });
        continue;
      }
      const entry = entries.get(pageId);
      found.set(pageId, {
        id: pageId,
        object: 'page',
        title: entry?.title ?? '',
        emoji: entry?.emoji ?? null,
        isRow: entry?.isRow ?? false,
        snippet: '',
        snapshots: [{ snapshotId: snapshot.id, time: snapshot.time }],
        inLatest: latestIds.has(pageId),
        textInLatest: snapshot.id === newestIndexed,
        hash,
      });
    }
  }
  const sorted = [...found.values()].sort(
    (a, b) => Number(a.textInLatest) - Number(b.textInLatest) || b.snapshots[0]!.time.localeCompare(a.snapshots[0]!.time) || a.title.localeCompare(b.title),
  );
  const matches = await Promise.all(sorted.slice(0, limit).map(async ({ hash, ...match }) => ({ ...match, snippet: await index.snippet(hash, words) })));
  return { matches, truncated: sorted.length > limit, indexed, notIndexed };
}
