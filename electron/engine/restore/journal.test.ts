import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import type { JournalIdentity } from './journal';
import { RestoreJournal } from './journal';

const A: JournalIdentity = { workspaceId: 'aaaaaaaa-0000-4000-8000-000000000001', workspaceName: 'Acme', snapshotId: 's'.repeat(64), target: 'target-page', selection: ['p2', 'p1'] };
const B: JournalIdentity = { ...A, workspaceId: 'bbbbbbbb-0000-4000-8000-000000000002', workspaceName: 'Beta' };
const CREATED = { type: 'created', kind: 'page', oldId: 'p1', newId: 'n1' } as const;
let dir: string;

useScratchDir('journal-', (made) => (dir = made));

async function interrupted(identity: JournalIdentity): Promise<RestoreJournal> {
  const journal = await RestoreJournal.open(dir, identity);
  await journal.record(CREATED);
  await journal.record({ type: 'appended', container: 'n1', oldIds: ['b1', 'b2'], newIds: ['c1', ''] });
  return journal;
}

describe('RestoreJournal', () => {
  it('resumes a journal of the same workspace, snapshot, target and selection', async () => {
    await interrupted(A);
    const again = await RestoreJournal.open(dir, { ...A, selection: ['p1', 'p2'] });
    expect(again.resumed).toBe(true);
    expect(again.warning).toBeNull();
    expect([...again.created]).toEqual(['p1', 'b1', 'b2']);
    expect(again.newIds.get('b1')).toBe('c1');
  });

  it('records who it belongs to on its first line', async () => {
    const journal = await interrupted(A);
    const [first] = (await readFile(journal.file, 'utf8')).split('\n');
    expect(JSON.parse(first ?? '')).toMatchObject({ type: 'journal', workspaceId: A.workspaceId, snapshotId: A.snapshotId, target: A.target, selection: ['p1', 'p2'] });
  });

  it('never replays a journal of another workspace, keeps it aside and says why', async () => {
    const old = await interrupted(A);
    const fresh = await RestoreJournal.open(dir, B);
    expect(fresh.file).toBe(old.file);
    expect(fresh.resumed).toBe(false);
    expect(fresh.created.size).toBe(0);
    expect(fresh.warning).toMatch(/interrupted restore into workspace Acme \(aaaaaaaa-.*\) was not reused because this restore goes into workspace Beta \(bbbbbbbb-.*\)/);
    const aside = (await readdir(dir)).filter((name) => name !== path.basename(old.file));
    expect(aside).toHaveLength(1);
    expect(fresh.warning).toContain(aside[0]);
    expect(await readFile(path.join(dir, aside[0] ?? ''), 'utf8')).toContain('"oldId":"p1"');
    // The new restore's own journal resumes as usual.
    await fresh.record(CREATED);
    const resumed = await RestoreJournal.open(dir, B);
    expect(resumed).toMatchObject({ resumed: true, warning: null });
    expect([...resumed.created]).toEqual(['p1']);
  });

  it('does not replay a journal from before journals named their workspace', async () => {
    const probe = await RestoreJournal.open(dir, A);
    await writeFile(probe.file, `${JSON.stringify(CREATED)}\n`);
    const fresh = await RestoreJournal.open(dir, A);
    expect(fresh.resumed).toBe(false);
    expect(fresh.created.size).toBe(0);
    expect(fresh.warning).toMatch(/was not reused because it was written by an earlier version/);
    expect(await readdir(dir)).toHaveLength(1);
    expect(await readdir(dir)).not.toContain(path.basename(probe.file));
  });

  it('does not replay a journal whose first line names another restore', async () => {
    const probe = await RestoreJournal.open(dir, A);
    const header = { type: 'journal', version: 1, workspaceId: A.workspaceId, snapshotId: A.snapshotId, target: 'another-page', selection: ['p1', 'p2'] };
    await writeFile(probe.file, `${JSON.stringify(header)}\n${JSON.stringify(CREATED)}\n`);
    const fresh = await RestoreJournal.open(dir, A);
    expect(fresh).toMatchObject({ resumed: false, warning: expect.stringMatching(/another snapshot, target page or selection/) });
    expect(fresh.created.size).toBe(0);
  });

  it('keeps everything before a line cut by a crash', async () => {
    const journal = await interrupted(A);
    await writeFile(journal.file, `${await readFile(journal.file, 'utf8')}{"type":"crea`);
    const again = await RestoreJournal.open(dir, A);
    expect(again.resumed).toBe(true);
    expect([...again.created]).toEqual(['p1', 'b1', 'b2']);
  });

  it('leaves nothing when discarded', async () => {
    const journal = await interrupted(A);
    await journal.discard();
    expect(await readdir(dir)).toEqual([]);
  });
});
