/**
 * Reading part of a stored snapshot: exporting one page through the selective source gives exactly
 * what exporting it from a whole restore gives, while fetching only that page's folder.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { exportSnapshot } from '../export';
import { useStoreWithOneBackup } from '../../../testkit/support/jobs';
import type { PlakarStore } from '../plakar/store';
import { directorySource, SnapshotReader } from './reader';
import { folderBytes, selectiveSnapshotSource } from './selective-source';

let scratch: string;
let store: PlakarStore;
let snapshotId: string;

useStoreWithOneBackup('selective-', { passphrase: 'selective source passphrase' }, (setup) => {
  ({ scratch, store, snapshotId } = setup);
});

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const next = path.join(relative, entry.name);
      if (entry.isDirectory()) await walk(next);
      else out[next] = (await readFile(path.join(dir, next))).toString('base64');
    }
  };
  await walk('');
  return out;
}

describe(`reading one page of a stored snapshot, with ${plakarUnderTestLabel()}`, () => {
  it('exports the same files as from a whole restore, fetching only that page’s folder', async () => {
    const page = richWorkspaceFacts.ids.childPages[0] ?? '';
    const whole = path.join(scratch, 'whole');
    await store.restore(snapshotId, whole);
    const fromWhole = path.join(scratch, 'out-whole');
    await exportSnapshot({ reader: await SnapshotReader.open(directorySource(whole)), targetDir: fromWhole, format: 'markdown', selection: [page] });

    const partial = path.join(scratch, 'partial');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(partial);
    const reader = await SnapshotReader.open(selectiveSnapshotSource(store, snapshotId, partial, [page]));
    const fromPartial = path.join(scratch, 'out-partial');
    await exportSnapshot({ reader, targetDir: fromPartial, format: 'markdown', selection: [page] });

    expect(await files(fromPartial)).toEqual(await files(fromWhole));
    // On disk: the page's folder, restored whole, and nothing else.
    const pageFolder = reader.entry(page)?.path ?? '';
    expect(Object.keys(await files(partial)).filter((file) => !file.startsWith(`${pageFolder}/`))).toEqual([]);
    expect(await folderBytes(partial)).toBeLessThan((await folderBytes(whole)) / 2);
  });
});
