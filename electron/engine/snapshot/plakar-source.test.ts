import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import { localFirstSource } from './plakar-source';
import type { SnapshotSource } from './snapshot-source';

let dir: string;
useScratchDir('local-first-', (made) => (dir = made));

/** A store that answers every file and records what it was asked for. */
function recordingStore(asked: string[], listing: SnapshotSource['listDirectory']): SnapshotSource {
  return {
    readBytes: async (relative) => {
      asked.push(relative);
      return Buffer.from('from the store');
    },
    listDirectory: listing,
  };
}

describe('localFirstSource', () => {
  it('reads the local copy, and asks the store only for what the copy lacks', async () => {
    await writeFile(path.join(dir, 'index.json'), '[]');
    const asked: string[] = [];
    const store = recordingStore(asked, async () => [{ name: 'x', isDirectory: false }]);
    const source = localFirstSource(dir, store);
    expect((await source.readBytes('index.json'))?.toString()).toBe('[]');
    expect((await source.readBytes('gone/page.json'))?.toString()).toBe('from the store');
    expect(asked).toEqual(['gone/page.json']);
    expect(await source.listDirectory('')).toEqual([{ name: 'index.json', isDirectory: false }]);
    expect(await source.listDirectory('gone')).toEqual([{ name: 'x', isDirectory: false }]);
  });

  it("answers 'absent' for a file missing from a folder of a copy that is still the snapshot's, without plakar", async () => {
    await writeFile(path.join(dir, 'index.json'), '[]');
    const asked: string[] = [];
    const store = recordingStore(asked, async () => []);
    let current = true;
    const source = localFirstSource(dir, store, async () => current);
    expect(await source.readBytes('files.json')).toBeUndefined();
    expect(await source.readBytes('gone/page.json')).toEqual(Buffer.from('from the store'));
    current = false; // a backup is replacing the copy: the store answers
    expect(await source.readBytes('files.json')).toEqual(Buffer.from('from the store'));
    expect(asked).toEqual(['gone/page.json', 'files.json']);
  });
});
