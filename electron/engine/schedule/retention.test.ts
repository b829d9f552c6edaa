import { describe, expect, it } from 'vitest';
import type { SnapshotListEntry } from '../plakar/parse';
import { planRetention } from './retention';

let counter = 0;
function snapshot(time: string, tags = ['app=notion-plakar', 'source=s1', 'mode=incremental']): SnapshotListEntry {
  counter += 1;
  return { id: counter.toString(16).padStart(64, '0'), time, sizeBytes: 0, durationMs: 0, directory: '/x', tags };
}

describe('planRetention', () => {
  it('keeps the last N and the newest of each day, week and month; removes the rest', () => {
    const snapshots = [
      snapshot('2026-11-24T18:00:00Z'),
      snapshot('2026-11-24T09:00:00Z'),
      snapshot('2026-11-23T09:00:00Z'),
      snapshot('2026-11-17T09:00:00Z'),
      snapshot('2026-11-16T09:00:00Z'),
      snapshot('2026-10-30T09:00:00Z'),
      snapshot('2026-10-02T09:00:00Z'),
      snapshot('2026-09-15T09:00:00Z'),
    ];
    const plan = planRetention(snapshots, { last: 1, daily: 2, weekly: 2, monthly: 2 }, 'Europe/Paris');
    const kept = plan.keep.map((entry) => entry.snapshot.time);
    expect(kept).toEqual(['2026-11-24T18:00:00Z', '2026-11-23T09:00:00Z', '2026-11-17T09:00:00Z', '2026-10-30T09:00:00Z']);
    expect(plan.remove.map((entry) => entry.time)).toEqual([
      '2026-11-24T09:00:00Z',
      '2026-11-16T09:00:00Z',
      '2026-10-02T09:00:00Z',
      '2026-09-15T09:00:00Z',
    ]);
    expect(plan.keep[0]?.reasons).toEqual(expect.arrayContaining(['one of the last 1 (#1)', 'newest of day 2026-11-24']));
  });

  it('never touches snapshots made by others or of another source', () => {
    const foreign = snapshot('2026-01-01T00:00:00Z', ['manual']);
    const otherSource = snapshot('2026-01-01T00:00:00Z', ['app=notion-plakar', 'source=s2']);
    const plan = planRetention([foreign, otherSource, snapshot('2026-11-24T00:00:00Z')], { last: 1, daily: 0, weekly: 0, monthly: 0 }, 'UTC', 's1');
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toHaveLength(1);
  });

  it('uses the local day: 23:30 UTC is already tomorrow in Paris', () => {
    const late = snapshot('2026-11-23T23:30:00Z');
    const early = snapshot('2026-11-23T22:30:00Z');
    const plan = planRetention([late, early], { last: 0, daily: 1, weekly: 0, monthly: 0 }, 'Europe/Paris');
    expect(plan.keep.map((entry) => entry.snapshot.id)).toEqual([late.id]);
    const twoDays = planRetention([late, early], { last: 0, daily: 2, weekly: 0, monthly: 0 }, 'Europe/Paris');
    expect(twoDays.keep).toHaveLength(2);
  });

  it('refuses to plan the removal of anything but full ids', () => {
    const short = { ...snapshot('2026-11-20T00:00:00Z'), id: 'abcd1234' };
    const plan = planRetention([short, snapshot('2026-11-24T00:00:00Z')], { last: 1, daily: 0, weekly: 0, monthly: 0 }, 'UTC');
    expect(plan.remove).toEqual([]);
  });
});
