import { describe, expect, it } from 'vitest';
import type { CatalogEntry, CatalogRecord } from './catalog';
import { compareEntries, compareRecords, isMassDeletion, pageVersions, searchTitles } from './snapshot-history';

function entry(id: string, title: string, lastEditedTime = '2026-12-01T10:00:00.000Z'): CatalogEntry {
  return { id, object: 'page', title, emoji: null, parentId: null, isRow: false, lastEditedTime };
}

function record(snapshotId: string, entries: CatalogEntry[]): CatalogRecord {
  return { version: 1, snapshotId: snapshotId.padEnd(64, '0'), entries, summary: null };
}

const dated = (id: string, time: string, entries: CatalogEntry[]) => ({ snapshot: { id: id.padEnd(64, '0'), time }, record: record(id, entries) });

describe('compareRecords', () => {
  it('lists added, removed and edited pages (a new title or a new last edit counts as edited)', () => {
    const older = record('a', [entry('1', 'Kept'), entry('2', 'Gone'), entry('3', 'Renamed'), entry('4', 'Edited')]);
    const newer = record('b', [entry('1', 'Kept'), entry('3', 'Renamed!'), entry('4', 'Edited', '2026-12-02T00:00:00.000Z'), entry('5', 'New')]);
    const changes = compareRecords(older, newer);
    expect(changes.added.map((page) => page.title)).toEqual(['New']);
    expect(changes.removed.map((page) => page.title)).toEqual(['Gone']);
    expect(changes.edited.map((page) => page.title)).toEqual(['Renamed!', 'Edited']);
  });

  it('finds nothing between identical snapshots', () => {
    const same = [entry('1', 'A'), entry('2', 'B')];
    expect(compareRecords(record('a', same), record('b', same))).toEqual({ added: [], removed: [], edited: [] });
  });
});

describe('compareEntries', () => {
  it('visits the newer entries in their order, each found one beside its older self, then the removed ones in the older order', () => {
    const visits: string[] = [];
    compareEntries([entry('1', 'A'), entry('2', 'B'), entry('3', 'C'), entry('4', 'D')], [entry('3', 'C2'), entry('5', 'E'), entry('1', 'A')], {
      added: (page) => visits.push(`added ${page.title}`),
      inBoth: (page, before) => visits.push(`${before.title} → ${page.title}`),
      removed: (page) => visits.push(`removed ${page.title}`),
    });
    expect(visits).toEqual(['C → C2', 'added E', 'A → A', 'removed B', 'removed D']);
  });
});

describe('isMassDeletion', () => {
  it('fires from 10 % of the previous snapshot, never below 3 pages, and always from 50', () => {
    expect(isMassDeletion(9, 1)).toBe(false);
    expect(isMassDeletion(20, 2)).toBe(false);
    expect(isMassDeletion(30, 3)).toBe(true);
    expect(isMassDeletion(31, 3)).toBe(false);
    expect(isMassDeletion(1000, 99)).toBe(true);
    expect(isMassDeletion(100_000, 49)).toBe(false);
    expect(isMassDeletion(100_000, 50)).toBe(true);
  });
});

describe('pageVersions', () => {
  it('collapses snapshots holding the same version, newest first, and skips snapshots without the page', () => {
    const versions = pageVersions('1', [
      dated('a', '2026-12-01T00:00:00Z', [entry('1', 'Plan', 't1')]),
      dated('b', '2026-12-02T00:00:00Z', [entry('1', 'Plan', 't1')]),
      dated('c', '2026-12-03T00:00:00Z', [entry('1', 'Plan v2', 't2')]),
      dated('d', '2026-12-04T00:00:00Z', []),
    ]);
    expect(versions.map((version) => [version.title, version.snapshotIds.map((id) => id[0])])).toEqual([
      ['Plan v2', ['c']],
      ['Plan', ['b', 'a']],
    ]);
    expect(versions[1]!.time).toBe('2026-12-02T00:00:00Z');
  });
});

describe('searchTitles', () => {
  const records = [
    dated('a', '2026-12-01T00:00:00Z', [entry('1', 'Café notes'), entry('2', 'Deleted plan'), entry('3', 'Other')]),
    dated('b', '2026-12-02T00:00:00Z', [entry('1', 'Café notes'), entry('3', 'Other plan')]),
  ];

  it('matches every word, ignoring case and accents, and puts pages gone from the newest snapshot first', () => {
    const { matches } = searchTitles('PLAN', records);
    expect(matches.map((match) => [match.title, match.inLatest, match.lastSeen.snapshotId[0], match.snapshots])).toEqual([
      ['Deleted plan', false, 'a', 1],
      ['Other plan', true, 'b', 2],
    ]);
    expect(searchTitles('cafe notes', records).matches.map((match) => match.id)).toEqual(['1']);
    expect(searchTitles('cafe missing', records).matches).toEqual([]);
    expect(searchTitles('   ', records).matches).toEqual([]);
  });

  it('reports a renamed page as still there, seen last in the newest snapshot', () => {
    const renamed = [dated('a', '2026-12-01T00:00:00Z', [entry('1', 'Old name')]), dated('b', '2026-12-02T00:00:00Z', [entry('1', 'New name')])];
    const [match] = searchTitles('old', renamed).matches;
    expect(match).toMatchObject({ title: 'Old name', inLatest: true, snapshots: 2 });
    expect(match!.lastSeen.snapshotId[0]).toBe('b');
  });

  it('says when it cut the list', () => {
    const many = [dated('a', '2026-12-01T00:00:00Z', Array.from({ length: 5 }, (_, index) => entry(String(index), `Page ${index}`)))];
    expect(searchTitles('page', many, 3)).toMatchObject({ truncated: true });
    expect(searchTitles('page', many, 3).matches).toHaveLength(3);
  });
});
