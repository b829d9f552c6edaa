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

const ids = (entries: ReadonlyArray<{ id: string }>) => entries.map((entry) => entry.id);
const keptTimes = (plan: ReturnType<typeof planRetention>) => plan.keep.map((entry) => entry.snapshot.time);
const none = { last: 0, daily: 0, weekly: 0, monthly: 0 };

describe('planRetention: keep-last', () => {
  it('keeps only the newest N whatever the order it is given, with their rank as the reason', () => {
    const times = ['2026-11-20T09:00:00Z', '2026-11-24T09:00:00Z', '2026-11-21T09:00:00Z', '2026-11-23T09:00:00Z', '2026-11-22T09:00:00Z'];
    const plan = planRetention(times.map((time) => snapshot(time)), { ...none, last: 3 }, 'UTC');
    expect(keptTimes(plan)).toEqual(['2026-11-24T09:00:00Z', '2026-11-23T09:00:00Z', '2026-11-22T09:00:00Z']);
    expect(plan.keep.map((entry) => entry.reasons)).toEqual([['one of the last 3 (#1)'], ['one of the last 3 (#2)'], ['one of the last 3 (#3)']]);
    expect(plan.remove.map((entry) => entry.time)).toEqual(['2026-11-21T09:00:00Z', '2026-11-20T09:00:00Z']);
  });

  it('keeps everything when there are fewer snapshots than N', () => {
    const plan = planRetention([snapshot('2026-11-24T09:00:00Z'), snapshot('2026-11-23T09:00:00Z')], { ...none, last: 10 }, 'UTC');
    expect(plan.keep).toHaveLength(2);
    expect(plan.remove).toEqual([]);
  });
});

describe('planRetention: calendar buckets across a year boundary', () => {
  // 2026 has an ISO week 53 (Mon 2026-12-28 … Sun 2027-01-03); 2027-W1 starts on Monday 2027-01-04.
  const monday53 = snapshot('2026-12-28T12:00:00Z');
  const thursday53 = snapshot('2026-12-31T12:00:00Z');
  const friday53 = snapshot('2027-01-01T12:00:00Z');
  const sunday53 = snapshot('2027-01-03T12:00:00Z');
  const monday1 = snapshot('2027-01-04T12:00:00Z');
  const all = [monday53, thursday53, friday53, sunday53, monday1];

  it('weeks: 1 January 2027 belongs to 2026-W53, 4 January to 2027-W1', () => {
    const plan = planRetention(all, { ...none, weekly: 2 }, 'UTC');
    expect(ids(plan.keep.map((entry) => entry.snapshot))).toEqual([monday1.id, sunday53.id]);
    expect(plan.keep.map((entry) => entry.reasons)).toEqual([['newest of week 2027-W1'], ['newest of week 2026-W53']]);
    expect(ids(plan.remove)).toEqual([friday53.id, thursday53.id, monday53.id]);
  });

  it('weeks: the last days of December 2024 belong to 2025-W1', () => {
    const friday52 = snapshot('2024-12-27T12:00:00Z');
    const monday1of2025 = snapshot('2024-12-30T12:00:00Z');
    const thursday1of2025 = snapshot('2025-01-02T12:00:00Z');
    const plan = planRetention([friday52, monday1of2025, thursday1of2025], { ...none, weekly: 2 }, 'UTC');
    expect(plan.keep.map((entry) => [entry.snapshot.id, entry.reasons])).toEqual([
      [thursday1of2025.id, ['newest of week 2025-W1']],
      [friday52.id, ['newest of week 2024-W52']],
    ]);
    expect(ids(plan.remove)).toEqual([monday1of2025.id]);
  });

  it('months and days use the calendar year, not the ISO one', () => {
    const plan = planRetention(all, { ...none, daily: 3, monthly: 2 }, 'UTC');
    const reasons = Object.fromEntries(plan.keep.map((entry) => [entry.snapshot.time, entry.reasons]));
    expect(reasons).toEqual({
      '2027-01-04T12:00:00Z': ['newest of day 2027-01-04', 'newest of month 2027-01'],
      '2027-01-03T12:00:00Z': ['newest of day 2027-01-03'],
      '2027-01-01T12:00:00Z': ['newest of day 2027-01-01'],
      '2026-12-31T12:00:00Z': ['newest of month 2026-12'],
    });
    expect(ids(plan.remove)).toEqual([monday53.id]);
  });
});

describe('planRetention: local days', () => {
  it('23:30 UTC is already the next day in Tokyo (and the next month on the 30th of November)', () => {
    const evening = snapshot('2026-11-24T10:00:00Z'); // 19:00 on the 24th in Tokyo
    const lateNight = snapshot('2026-11-23T23:30:00Z'); // 08:30 on the 24th in Tokyo
    const dayBefore = snapshot('2026-11-23T14:00:00Z'); // 23:00 on the 23rd in Tokyo
    const tokyo = planRetention([evening, lateNight, dayBefore], { ...none, daily: 2 }, 'Asia/Tokyo');
    expect(ids(tokyo.keep.map((entry) => entry.snapshot))).toEqual([evening.id, dayBefore.id]);
    expect(tokyo.keep.map((entry) => entry.reasons)).toEqual([['newest of day 2026-11-24'], ['newest of day 2026-11-23']]);
    expect(ids(tokyo.remove)).toEqual([lateNight.id]);
    // The same snapshots in UTC: three different days.
    expect(planRetention([evening, lateNight, dayBefore], { ...none, daily: 2 }, 'UTC').remove.map((entry) => entry.id)).toEqual([dayBefore.id]);

    const december = snapshot('2026-11-30T16:00:00Z'); // 01:00 on 1 December in Tokyo
    const november = snapshot('2026-11-30T10:00:00Z');
    const months = planRetention([december, november], { ...none, monthly: 2 }, 'Asia/Tokyo');
    expect(months.keep.map((entry) => entry.reasons)).toEqual([['newest of month 2026-12'], ['newest of month 2026-11']]);
  });
});

describe('planRetention: what is never a candidate', () => {
  it('only app-tagged snapshots of the given source, matched tag by tag', () => {
    const ours = snapshot('2026-11-20T09:00:00Z');
    const oursNewer = snapshot('2026-11-24T09:00:00Z');
    const strangers = [
      snapshot('2026-11-01T09:00:00Z', ['source=s1']), // no app tag
      snapshot('2026-11-01T09:00:00Z', ['app=notion-plakar', 'source=s2']),
      snapshot('2026-11-01T09:00:00Z', ['app=notion-plakar', 'source=s10']),
      snapshot('2026-11-01T09:00:00Z', ['app=notion-plakar']), // no source tag
      snapshot('2026-11-01T09:00:00Z', ['app=notion-plakar-other', 'source=s1']),
      snapshot('2026-11-01T09:00:00Z', []),
    ];
    const plan = planRetention([...strangers, ours, oursNewer], { ...none, last: 1 }, 'UTC', 's1');
    expect(ids(plan.keep.map((entry) => entry.snapshot))).toEqual([oursNewer.id]);
    expect(ids(plan.remove)).toEqual([ours.id]);
  });

  it('without a source, every app-tagged snapshot is a candidate, and nothing else', () => {
    const foreign = snapshot('2026-11-01T09:00:00Z', ['manual']);
    const s1 = snapshot('2026-11-02T09:00:00Z');
    const s2 = snapshot('2026-11-03T09:00:00Z', ['app=notion-plakar', 'source=s2']);
    const plan = planRetention([foreign, s1, s2], { ...none, last: 1 }, 'UTC');
    expect(ids(plan.keep.map((entry) => entry.snapshot))).toEqual([s2.id]);
    expect(ids(plan.remove)).toEqual([s1.id]);
  });

  it('short, upper-case or malformed ids are neither kept nor removed', () => {
    const full = snapshot('2026-11-24T00:00:00Z');
    const odd = ['abcd1234', 'A'.repeat(64), `${'a'.repeat(63)}g`, 'a'.repeat(65)].map((id) => ({ ...snapshot('2026-11-01T00:00:00Z'), id }));
    const plan = planRetention([...odd, full], { ...none, last: 1 }, 'UTC');
    expect(ids(plan.keep.map((entry) => entry.snapshot))).toEqual([full.id]);
    expect(plan.remove).toEqual([]);
    const everything = planRetention([...odd, full], { ...none, last: 0 }, 'UTC');
    expect(ids(everything.remove)).toEqual([full.id]);
  });
});
