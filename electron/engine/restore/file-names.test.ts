/**
 * Original file names survive backup → restore → backup: the backup records each hosted file's name
 * (files.json `name`), the restore uploads under that name, and the next backup finds it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../../../testkit/notion-emulator';
import { createNotionClient } from '../notion/client';
import { crawlEmulator, removeAll, scratchDir, TEST_RETRY_POLICY } from '../notion/crawler/crawl-test-support';
import { NotionGateway } from '../notion/gateway';
import { RateLimiter } from '../notion/rate-limiter';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import type { FileDescriptor } from '../snapshot/writer';
import { RestoreJournal } from './journal';
import { liveWriter } from './notion-writer';
import { restoreSnapshot } from './restorer';
import { FileUploader } from './uploads';

const facts = richWorkspaceFacts;
let emulator: RunningEmulator;
const cleanup: string[] = [];

beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
});
afterAll(async () => {
  await emulator.close();
  await removeAll(...cleanup);
});

async function backup(roots?: string[]): Promise<SnapshotReader> {
  const crawl = await crawlEmulator(emulator, { roots });
  cleanup.push(crawl.dir);
  return SnapshotReader.open(directorySource(crawl.dir));
}

/** Every file descriptor of a snapshot, by the kind of reference (`block`, `page:cover`…) and name. */
async function descriptors(reader: SnapshotReader): Promise<FileDescriptor[]> {
  const found: FileDescriptor[] = [];
  const dirs = reader.index().map((entry) => entry.path);
  const visit = async (dir: string): Promise<void> => {
    found.push(...(await reader.files(dir)).values());
    for (const item of await reader.source.listDirectory(dir)) {
      const child = `${dir}/${item.name}`;
      if (item.isDirectory && !dirs.includes(child)) await visit(child);
    }
  };
  for (const dir of dirs) await visit(dir);
  return found;
}

describe('original file names', () => {
  it('are recorded by the backup for every hosted file', async () => {
    const files = await descriptors(await backup());
    expect(files.map((file) => file.name).sort()).toEqual(
      ['cover.png', 'demo.mp4', 'diagram.png', 'handbook.pdf', 'icon.png', 'notes.txt', 'pin.png', 'screenshot.png', 'spec.pdf', 'voice-note.mp3'],
    );
  });

  it('survive backup → restore → backup', async () => {
    const reader = await backup();
    const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
    const target = (await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: [{ text: { content: 'Names' } }] } } })).id;
    const journalDir = await scratchDir('journal-');
    cleanup.push(journalDir);
    // A variable, not a literal: the journal's identity is gaining fields (workspaceId) as this is written.
    const identity = { workspaceId: facts.workspaceId, snapshotId: 'names', target, selection: [] as string[] };
    const notion = new NotionGateway(client, new RateLimiter({ requestsPerSecond: 1000, burst: 100 }), { policy: TEST_RETRY_POLICY });
    await restoreSnapshot({
      reader,
      writer: liveWriter(notion),
      journal: await RestoreJournal.open(journalDir, identity),
      uploader: new FileUploader(notion, reader, null),
      userMap: new Map((await reader.users()).map((user) => [user.id, user.id])),
      targetPageId: target,
      selection: [],
    });
    const again = await descriptors(await backup([target]));
    const names = again.map((file) => file.name);
    expect(names).toContain('demo.mp4');
    expect(names).toContain('cover.png');
    expect(again.filter((file) => file.sourceKey.endsWith('/demo.mp4') || file.sourceKey.endsWith('/cover.png'))).toHaveLength(2);
    expect(names.sort()).toEqual((await descriptors(reader)).map((file) => file.name).sort());
  }, 60_000);
});
