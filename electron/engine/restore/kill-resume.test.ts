import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../testkit/notion-emulator/ids';
import type { NotionWriter } from './notion-writer';
import { RestoreHarness } from '../../../testkit/support/restore-harness';

let harness: RestoreHarness;
let writesInWholeRestore = 0;
beforeAll(async () => {
  harness = await RestoreHarness.start();
  const counting = dyingAfter(Infinity);
  await harness.restore(await harness.newTarget('Measure'), { wrapWriter: counting.wrap });
  writesInWholeRestore = counting.writes();
});
afterAll(async () => harness.close());

class Killed extends Error {
  override readonly name = 'Killed';
}

/**
 * The process dies (kill -9) right after its `killAt`-th write reached Notion: the write is applied,
 * but nothing after it runs, the journal entry for it included.
 */
function dyingAfter(killAt: number): { wrap: (writer: NotionWriter) => NotionWriter; writes: () => number } {
  let writes = 0;
  const died = <T>(result: T): T => {
    writes += 1;
    if (writes >= killAt) throw new Killed(`killed after write ${writes}`);
    return result;
  };
  const wrap = (writer: NotionWriter): NotionWriter => ({
    ...writer,
    append: async (...args) => died(await writer.append(...args)),
    createPage: async (...args) => died(await writer.createPage(...args)),
    updatePage: async (...args) => died(await writer.updatePage(...args)),
    createDatabase: async (...args) => died(await writer.createDatabase(...args)),
    createDataSource: async (...args) => died(await writer.createDataSource(...args)),
    updateDataSource: async (...args) => died(await writer.updateDataSource(...args)),
    createComment: async (...args) => died(await writer.createComment(...args)),
  });
  return { wrap, writes: () => writes };
}

describe('a restore killed with kill -9 and run again', () => {
  it.each(Array.from({ length: 10 }, (_unused, seed) => seed + 1))('ends with one of everything, synced links, relations and mentions kept (seed %i)', async (seed) => {
    const killAt = 1 + Math.floor(new SeededRandom(seed).next() * (writesInWholeRestore - 1));
    const target = await harness.newTarget(`Killed at ${killAt}`);
    const journalDir = await harness.journalDir();
    await expect(harness.restore(target, { journalDir, wrapWriter: dyingAfter(killAt).wrap })).rejects.toBeInstanceOf(Killed);
    const resumed = await harness.restore(target, { journalDir });
    expect(resumed.resumed).toBe(true);
    await harness.expectFaithful(target);
  }, 120_000);
});
