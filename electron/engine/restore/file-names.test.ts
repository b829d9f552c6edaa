/**
 * Original file names survive backup → restore → backup: the backup records each hosted file's name
 * (files.json `name`), the restore uploads under that name, and the next backup finds it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotReader } from '../snapshot/reader';
import type { FileDescriptor } from '../snapshot/format';
import { RestoreHarness } from '../../../testkit/support/restore-harness';

let harness: RestoreHarness;

beforeAll(async () => {
  harness = await RestoreHarness.start();
});
afterAll(async () => harness.close());

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
    const files = await descriptors(await harness.crawl());
    expect(files.map((file) => file.name).sort()).toEqual(
      ['cover.png', 'demo.mp4', 'diagram.png', 'handbook.pdf', 'icon.png', 'notes.txt', 'pin.png', 'screenshot.png', 'spec.pdf', 'voice-note.mp3'],
    );
  });

  it('survive backup → restore → backup', async () => {
    const reader = await harness.crawl();
    const target = await harness.newTarget('Names');
    await harness.restore(target, { reader });
    const again = await descriptors(await harness.crawl([target]));
    const names = again.map((file) => file.name);
    expect(names).toContain('demo.mp4');
    expect(names).toContain('cover.png');
    expect(again.filter((file) => file.sourceKey.endsWith('/demo.mp4') || file.sourceKey.endsWith('/cover.png'))).toHaveLength(2);
    expect(names.sort()).toEqual((await descriptors(reader)).map((file) => file.name).sort());
  }, 60_000);
});
