import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { plakarBinUnderTest, plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { TEST_RETRY_POLICY, useEmulatorAndScratch } from '../../../testkit/support/crawl';
import { plakarDirsUnder } from '../plakar/process';
import { PlakarStore } from '../plakar/store';
import { SnapshotCatalog } from '../snapshot/catalog';
import { MASS_DELETION_TAG } from '../snapshot/snapshot-history';
import { runBackupJob } from './backup-job';

let emulator: RunningEmulator;
let scratch: string;
useEmulatorAndScratch('backup-changes-', (setup) => ({ emulator, scratch } = setup));

const store = () => new PlakarStore({ bin: plakarBinUnderTest(), dirs: plakarDirsUnder(path.join(scratch, 'data', 'plakar')), location: path.join(scratch, 'store'), passphrase: 'changes test' });
const backUp = (localCopy = true) =>
  runBackupJob({
    token: emulator.tokens.full,
    notionApiUrl: emulator.url,
    requestsPerSecond: 1000,
    burst: 100,
    retryPolicy: TEST_RETRY_POLICY,
    store: store(),
    workDir: path.join(scratch, 'data'),
    localCopy,
    appVersion: 'test',
  });

describe(`what a backup changed, with ${plakarUnderTestLabel()}`, () => {
  it('counts added, removed and edited pages since the previous snapshot and files both snapshots in the catalog', async () => {
    await store().create();
    const first = await backUp();
    expect(first.changes).toBeNull();
    const { childPages } = richWorkspaceFacts.ids;
    emulator.admin.setClockOffsetMs(10 * 60_000);
    emulator.admin.deletePage(childPages[3]);
    emulator.admin.editPage(childPages[0], { title: 'Level 1 (renamed)' });
    const second = await backUp();
    expect(second.changes).toMatchObject({ since: first.snapshotId, added: 0, removed: 1, massDeletion: false });
    expect(second.changes!.edited).toBeGreaterThanOrEqual(1);
    const catalog = SnapshotCatalog.inDataDir(path.join(scratch, 'data'));
    expect((await catalog.get(first.snapshotId))?.entries.some((entry) => entry.id === childPages[3])).toBe(true);
    expect((await catalog.get(second.snapshotId))?.entries.some((entry) => entry.id === childPages[3])).toBe(false);
    const [newest] = await store().listSnapshots();
    expect(newest?.tags).not.toContain(MASS_DELETION_TAG);
  });

  it('tags and reports a backup in which many pages disappeared, comparing with the store when this machine has no record', async () => {
    await store().create();
    const first = await backUp(false);
    const catalog = SnapshotCatalog.inDataDir(path.join(scratch, 'data'));
    const rows = (await catalog.get(first.snapshotId))!.entries.filter((entry) => entry.isRow).slice(0, 20);
    await rm(catalog.dir, { recursive: true });
    emulator.admin.setClockOffsetMs(20 * 60_000);
    for (const row of rows) emulator.admin.deletePage(row.id);
    const second = await backUp(false);
    expect(second.changes).toMatchObject({ since: first.snapshotId, removed: 20, massDeletion: true });
    expect(second.changes!.removedTitles).toEqual(rows.slice(0, 5).map((row) => row.title));
    const [newest] = await store().listSnapshots();
    expect(newest?.tags).toContain(MASS_DELETION_TAG);
  });
});
