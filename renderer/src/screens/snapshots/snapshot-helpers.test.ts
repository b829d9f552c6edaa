import { describe, expect, it } from 'vitest';
import { visibleForQuery } from '../../page-tree';
import type { SnapshotEntry } from './snapshot-helpers';
import { childCounts, entriesToItems, formatDateTime, orderedCounts, sortNewestFirst, topLevelIds, visibleTags } from './snapshot-helpers';

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
    expect(formatDateTime('2025-06-02T08:05:00Z', 'en-GB', 'UTC')).toBe('2 Jun 2025, 08:05');
    expect(formatDateTime('2025-06-02T08:05:00Z', 'de-DE', 'UTC')).toBe('02.06.2025, 08:05');
    expect(formatDateTime('not a date')).toBe('not a date');
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
});
