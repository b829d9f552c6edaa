import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import { plakarBinUnderTest, plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import type { SnapshotListEntry } from '../plakar/parse';
import { plakarDirsUnder } from '../plakar/process';
import { PlakarStore } from '../plakar/store';
import { pruneSnapshots } from './prune';

const PASSPHRASE = 'a long test passphrase for pruning';
const OURS = ['app=notion-plakar', 'source=s1', 'mode=incremental'];
const keepOne = { last: 1, daily: 0, weekly: 0, monthly: 0 };
let scratch: string;

useScratchDir('prune-', (made) => (scratch = made));

/** Only what pruneSnapshots uses of a PlakarStore; it records what it was asked to remove. */
class FakeStore {
  readonly location = '/stores/fake';
  readonly removed: string[][] = [];
  constructor(public snapshots: SnapshotListEntry[]) {}
  async listSnapshots(): Promise<SnapshotListEntry[]> {
    return this.snapshots;
  }
  async remove(ids: string[]): Promise<void> {
    this.removed.push(ids);
    this.snapshots = this.snapshots.filter((snapshot) => !ids.includes(snapshot.id));
  }
  asStore(): PlakarStore {
    return this as unknown as PlakarStore;
  }
}

let counter = 0;
function entry(time: string, tags = OURS, id?: string): SnapshotListEntry {
  counter += 1;
  return { id: id ?? `${counter.toString(16)}`.padStart(64, 'c'), time, sizeBytes: 0, durationMs: 0, directory: '/x', tags };
}

function prune(store: FakeStore, options: { confirmedIds?: string[]; policy?: typeof keepOne } = {}) {
  return pruneSnapshots({ store: store.asStore(), policy: options.policy ?? keepOne, source: 's1', timeZone: 'UTC', workDir: scratch, confirmedIds: options.confirmedIds });
}

describe('pruneSnapshots (a recording store)', () => {
  it('removes what the plan removes, by full id, in one call, and releases the store lock', async () => {
    const [newest, older, oldest] = [entry('2026-11-24T09:00:00Z'), entry('2026-11-23T09:00:00Z'), entry('2026-11-22T09:00:00Z')];
    const store = new FakeStore([oldest, newest, older]);
    const result = await prune(store);
    expect(store.removed).toEqual([[older.id, oldest.id]]);
    expect(result.removed.map((snapshot) => snapshot.id)).toEqual([older.id, oldest.id]);
    expect(result.plan.keep.map((kept) => kept.snapshot.id)).toEqual([newest.id]);
    expect(result.skipped).toEqual([]);
    expect(await readdir(path.join(scratch, 'locks'))).toEqual([]);
  });

  it('never touches snapshots of another source, made by others, or known by a short id', async () => {
    const mine = [entry('2026-11-24T09:00:00Z'), entry('2026-11-23T09:00:00Z')];
    const others = [
      entry('2026-11-01T09:00:00Z', ['app=notion-plakar', 'source=s2']),
      entry('2026-11-01T09:00:00Z', ['manual']),
      entry('2026-11-01T09:00:00Z', OURS, 'c0ffee12'),
    ];
    const store = new FakeStore([...mine, ...others]);
    await prune(store);
    expect(store.removed).toEqual([[mine[1]?.id]]);
    expect(store.snapshots.map((snapshot) => snapshot.id)).toEqual([mine[0]?.id, ...others.map((snapshot) => snapshot.id)]);
  });

  it('removes only confirmed ids that the fresh plan still removes; the others are reported as skipped', async () => {
    const [newest, middle, oldest] = [entry('2026-11-24T09:00:00Z'), entry('2026-11-23T09:00:00Z'), entry('2026-11-22T09:00:00Z')];
    const otherSource = entry('2026-11-01T09:00:00Z', ['app=notion-plakar', 'source=s2']);
    const gone = 'd'.repeat(64);
    const store = new FakeStore([newest, middle, oldest, otherSource]);
    // The user previewed when `middle` was the newest: they confirmed `oldest`, and even `newest` was not there yet.
    const result = await prune(store, { confirmedIds: [oldest.id, newest.id, otherSource.id, gone] });
    expect(store.removed).toEqual([[oldest.id]]);
    expect(result.removed.map((snapshot) => snapshot.id)).toEqual([oldest.id]);
    expect(result.skipped).toEqual([newest.id, otherSource.id, gone]);
    expect(store.snapshots.map((snapshot) => snapshot.id)).toEqual([newest.id, middle.id, otherSource.id]);
  });

  it('removes nothing when nothing is confirmed, and calls no plakar rm when there is nothing to remove', async () => {
    const store = new FakeStore([entry('2026-11-24T09:00:00Z'), entry('2026-11-23T09:00:00Z')]);
    expect((await prune(store, { confirmedIds: [] })).removed).toEqual([]);
    expect(store.removed).toEqual([]);
    const single = new FakeStore([entry('2026-11-24T09:00:00Z')]);
    expect((await prune(single)).removed).toEqual([]);
    expect(single.removed).toEqual([]);
  });

  it('refuses to remove every snapshot of the source, and still releases the lock', async () => {
    const store = new FakeStore([entry('2026-11-24T09:00:00Z'), entry('2026-11-23T09:00:00Z')]);
    await expect(prune(store, { policy: { last: 0, daily: 0, weekly: 0, monthly: 0 } })).rejects.toThrow(/every snapshot/);
    expect(store.removed).toEqual([]);
    expect(await readdir(path.join(scratch, 'locks'))).toEqual([]);
  });
});

describe(`pruneSnapshots, with ${plakarUnderTestLabel()}`, () => {
  it('removes our older snapshots of the source from the store; other sources and foreign snapshots stay', async () => {
    const store = new PlakarStore({
      bin: plakarBinUnderTest(),
      dirs: plakarDirsUnder(path.join(scratch, 'plakar-home')),
      location: path.join(scratch, 'store'),
      passphrase: PASSPHRASE,
    });
    await store.create();
    const source = path.join(scratch, 'source');
    await mkdir(source, { recursive: true });
    const backup = async (tags: string[]) => {
      await writeFile(path.join(source, 'index.json'), JSON.stringify({ tags, at: Date.now() }));
      return (await store.backup(source, { tags })).snapshotId;
    };
    const ours = [await backup(OURS), await backup(OURS), await backup(OURS)];
    const otherSource = await backup(['app=notion-plakar', 'source=s2']);
    const foreign = await backup(['weekly-by-hand']);

    const result = await pruneSnapshots({ store, policy: keepOne, source: 's1', timeZone: 'Europe/Paris', workDir: scratch });
    // The stand-in stamps snapshots to the second, so which of ours is "newest" may be a tie: check the sets.
    expect(result.removed).toHaveLength(2);
    expect(result.plan.keep).toHaveLength(1);
    const kept = result.plan.keep[0]?.snapshot.id;
    expect(ours).toContain(kept);
    expect(result.removed.map((snapshot) => snapshot.id).sort()).toEqual(ours.filter((id) => id !== kept).sort());
    const left = (await store.listSnapshots()).map((snapshot) => snapshot.id).sort();
    expect(left).toEqual([kept, otherSource, foreign].sort());
  });
});
