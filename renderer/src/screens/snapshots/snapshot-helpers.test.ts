import { describe, expect, it } from 'vitest';
import { visibleForQuery } from '../../page-tree';
import type { SnapshotEntry } from './snapshot-helpers';
import { ancestorsOf, childCounts, entriesToItems, groupByDay, orderedCounts, timesNeedingSeconds, sortNewestFirst, topLevelIds, visibleTags } from './snapshot-helpers';

const entry = (id: string, parentId: string | null, title: string, extra: Partial<SnapshotEntry> = {}): SnapshotEntry => ({
  id,
  object: 'page',
  title,
  emoji: null,
  parentId,
  isRow: false,
  ...extra,
});

const entries = [
  entry('home', null, 'Home'),
  entry('tasks', 'home', 'Tasks', { object: 'database' }),
  entry('row-1', 'tasks', 'Write docs', { isRow: true }),
  entry('row-2', 'tasks', 'Ship it', { isRow: true }),
  entry('notes', 'home', 'Meeting notes'),
  entry('orphan', 'missing-parent', 'Shared alone'),
];

describe('snapshot list', () => {
  it('sorts newest first, unreadable times last', () => {
    const sorted = sortNewestFirst([{ time: '2025-01-01T00:00:00Z' }, { time: 'garbage' }, { time: '2025-06-01T00:00:00Z' }]);
    expect(sorted.map((item) => item.time)).toEqual(['2025-06-01T00:00:00Z', '2025-01-01T00:00:00Z', 'garbage']);
  });

  it('formats dates in the given locale and keeps non-dates as they are', () => {
  });

  it('hides the tags the app sets for itself', () => {
    expect(visibleTags(['app=notion-plakar', 'source=abc', 'mode=full', 'weekly'])).toEqual(['weekly']);
  });
});

describe('snapshot tree', () => {
  it('turns entries into tree items, leaving rows out unless asked', () => {
    expect(entriesToItems(entries, false).map((item) => item.id)).toEqual(['home', 'tasks', 'notes', 'orphan']);
    expect(entriesToItems(entries, true)).toHaveLength(6);
    expect(entriesToItems(entries, true)[1]).toEqual({ id: 'tasks', object: 'database', title: 'Tasks', emoji: null, parentId: 'home', url: null });
  });

  it('counts children and finds the top level (parents missing from the snapshot count as top level)', () => {
    expect(childCounts(entries).get('tasks')).toBe(2);
    expect(childCounts(entries).get('home')).toBe(2);
    expect(topLevelIds(entries)).toEqual(['home', 'orphan']);
  });

  it('search keeps the ancestors of every match visible', () => {
    const visible = visibleForQuery(entriesToItems(entries, true), 'ship');
    expect(visible && [...visible].sort()).toEqual(['home', 'row-2', 'tasks']);
    expect(visibleForQuery(entriesToItems(entries, true), '   ')).toBeNull();
  });

  it('orders manifest counts readably, unknown keys last', () => {
    expect(orderedCounts({ blocks: 3, extra: 1, pages: 2 })).toEqual([
      ['pages', 2],
      ['blocks', 3],
      ['extra', 1],
    ]);
  });

  it('puts views and linked databases beside the databases they belong to', () => {
    expect(orderedCounts({ blocks: 3, linkedDatabases: 1, views: 10, databases: 2 }).map(([key]) => key)).toEqual(['databases', 'views', 'linkedDatabases', 'blocks']);
  });
});

describe('timeline', () => {
  const row = (id: string, time: string) => ({ id, time, sizeBytes: 1, tags: [], mode: 'full' as const, ours: true, massDeletion: false });
  const words = { today: 'Today', yesterday: 'Yesterday', unknown: 'Unknown date' };

  it('groups snapshots by day, newest first, naming today and yesterday', () => {
    const days = groupByDay(
      [row('c', '2026-12-05T04:30:10Z'), row('b', '2026-12-05T04:30:50Z'), row('a', '2026-12-04T22:00:00Z'), row('z', '2026-11-30T02:00:00Z')],
      new Date('2026-12-05T12:00:00Z'),
      words,
      { locale: 'en-GB', timeZone: 'UTC' },
    );
    expect(days.map((day) => [day.label, day.snapshots.map((snapshot) => snapshot.id)])).toEqual([
      ['Today', ['c', 'b']],
      ['Yesterday', ['a']],
      ['Monday, 30 November 2026', ['z']],
    ]);
  });

  it('shows seconds only where two snapshots share a minute', () => {
    expect(timesNeedingSeconds([row('c', '2026-12-05T04:30:10Z'), row('b', '2026-12-05T04:30:50Z'), row('a', '2026-12-05T04:31:00Z')])).toEqual(new Set(['c', 'b']));
  });
});

describe('ancestorsOf', () => {
  it('walks up to the top, nearest first, and stops on a loop or an unknown id', () => {
    expect(ancestorsOf('row-1', entries)).toEqual(['tasks', 'home']);
    expect(ancestorsOf('home', entries)).toEqual([]);
    expect(ancestorsOf('orphan', entries)).toEqual(['missing-parent']);
    expect(ancestorsOf(undefined, entries)).toEqual([]);
    expect(ancestorsOf('a', [entry('a', 'b', 'A'), entry('b', 'a', 'B')])).toEqual(['b', 'a']);
  });
});
