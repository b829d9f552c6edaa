import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../../../testkit/notion-emulator';
import { plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { nextJobFinished, onboardTestApp, testAppCore } from '../../../testkit/support/app-core';
import { scratchDir } from '../../../testkit/support/crawl';
import type { AppCore } from '../app-services';

let emulator: RunningEmulator;
let dataDir: string;
let core: AppCore;
const snapshots: string[] = [];
const { childPages } = richWorkspaceFacts.ids;

async function backUp(): Promise<string> {
  const end = nextJobFinished(core);
  await core.handlers.startBackup({ full: false });
  const { outcome } = await end;
  if (outcome.status !== 'succeeded' || !outcome.snapshotId) throw new Error(`backup ${outcome.status}`);
  return outcome.snapshotId;
}

// Two backups of the rich workspace: between them "Level 4" is deleted and "Level 1" renamed.
beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
  dataDir = await scratchDir('history-');
  core = testAppCore(emulator, dataDir);
  await onboardTestApp(core.handlers, emulator, dataDir);
  snapshots.push(await backUp());
  emulator.admin.setClockOffsetMs(10 * 60_000);
  emulator.admin.deletePage(childPages[3]);
  emulator.admin.editPage(childPages[0], { title: 'Level 1 (renamed)' });
  emulator.admin.appendBlocks(childPages[0], [{ paragraph: { rich_text: [{ type: 'text', text: { content: 'Added between the backups' } }] } }]);
  snapshots.push(await backUp());
});
afterAll(async () => {
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe(`snapshots over time, with ${plakarUnderTestLabel()}`, () => {
  it('says what changed since the previous snapshot, and nothing for the first one', async () => {
    const [first, second] = snapshots as [string, string];
    const changes = await core.handlers.getSnapshotChanges({ snapshotId: second });
    expect(changes).toMatchObject({ status: 'ok', since: { snapshotId: first }, counts: { added: 0, removed: 1 }, massDeletion: false });
    if (changes.status !== 'ok') return;
    expect(changes.removed.map((page) => page.title)).toEqual(['Level 4']);
    expect(changes.edited.map((page) => page.title)).toContain('Level 1 (renamed)');
    expect(await core.handlers.getSnapshotChanges({ snapshotId: first })).toMatchObject({ status: 'ok', since: null, counts: { added: 0, removed: 0, edited: 0 } });
    expect(await core.handlers.getSnapshotChanges({ snapshotId: 'f'.repeat(64) })).toMatchObject({ status: 'problem', message: expect.stringMatching(/no longer in the store/) });
  });

  it('lists the versions of a page, newest first, and a deleted page as gone from the newest snapshot', async () => {
    const [first, second] = snapshots as [string, string];
    const renamed = await core.handlers.getPageVersions({ pageId: childPages[0] });
    expect(renamed).toMatchObject({ status: 'ok', inLatest: true, page: { title: 'Level 1 (renamed)' } });
    if (renamed.status !== 'ok') return;
    expect(renamed.versions.map((version) => [version.title, version.snapshotIds])).toEqual([
      ['Level 1 (renamed)', [second]],
      ['Level 1', [first]],
    ]);
    const unchanged = await core.handlers.getPageVersions({ pageId: childPages[1] });
    expect(unchanged.status === 'ok' && unchanged.versions.map((version) => version.snapshotIds)).toEqual([[second, first]]);
    const deleted = await core.handlers.getPageVersions({ pageId: childPages[3] });
    expect(deleted).toMatchObject({ status: 'ok', inLatest: false, versions: [{ snapshotId: first, title: 'Level 4' }] });
  });

  it('compares two versions of a page block by block', async () => {
    const [first, second] = snapshots as [string, string];
    const diff = await core.handlers.getPageDiff({ pageId: childPages[0], fromSnapshotId: first, toSnapshotId: second });
    expect(diff).toMatchObject({ status: 'ok', before: { title: 'Level 1' }, after: { title: 'Level 1 (renamed)' }, counts: { added: 1, removed: 0, changed: 0 } });
    if (diff.status !== 'ok') return;
    expect(diff.rows.filter((row) => row.kind === 'added').map((row) => row.block.spans.map((span) => span.text).join(''))).toEqual(['Added between the backups']);
    expect(await core.handlers.getPageDiff({ pageId: childPages[3], fromSnapshotId: first, toSnapshotId: second })).toMatchObject({ status: 'problem', message: 'That page is not in both snapshots.' });
  });

  it('finds a title across snapshots, a deleted page first, with the snapshot that last held it', async () => {
    const [first] = snapshots as [string, string];
    const found = await core.handlers.searchSnapshots({ query: 'level' });
    expect(found).toMatchObject({ status: 'ok', snapshots: 2, truncated: false });
    if (found.status !== 'ok') return;
    expect(found.matches[0]).toMatchObject({ id: childPages[3], title: 'Level 4', inLatest: false, lastSeen: { snapshotId: first }, snapshots: 1 });
    expect(found.matches.filter((match) => match.inLatest).length).toBe(3);
    expect(await core.handlers.searchSnapshots({ query: 'no page is called this' })).toMatchObject({ status: 'ok', matches: [], text: { matches: [] } });
  });

  it('finds a text across snapshots: which ones still have it, the line it is on, text gone from the newest first', async () => {
    const [first, second] = snapshots as [string, string];
    const added = await core.handlers.searchSnapshots({ query: 'added between the BACKUPS' });
    expect(added).toMatchObject({ status: 'ok', matches: [], text: { notIndexed: 0, truncated: false } });
    if (added.status !== 'ok') return;
    expect(added.text.matches).toEqual([
      expect.objectContaining({ id: childPages[0], title: 'Level 1 (renamed)', snippet: 'Added between the backups', inLatest: true, textInLatest: true, snapshots: [expect.objectContaining({ snapshotId: second })] }),
    ]);
    const gone = await core.handlers.searchSnapshots({ query: 'level 4' });
    if (gone.status !== 'ok') throw new Error(gone.message);
    expect(gone.text.matches[0]).toMatchObject({ id: childPages[3], inLatest: false, textInLatest: false, snapshots: [{ snapshotId: first }] });
  });
});
