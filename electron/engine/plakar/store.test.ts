/**
 * Adapter contract tests: they drive whatever PLAKAR_BIN points at (default: the stand-in), so they
 * run unchanged against a real plakar v1.1.x.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import { plakarBinUnderTest, plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { PlakarError } from './errors';
import { plakarDirsUnder } from './process';
import { PlakarStore } from './store';

const PASSPHRASE = 'a long test passphrase 42';
let scratch: string;

useScratchDir('store-adapter-', (made) => (scratch = made));

function store(location = path.join(scratch, 'store'), passphrase: string | null = PASSPHRASE): PlakarStore {
  return new PlakarStore({
    bin: plakarBinUnderTest(),
    dirs: plakarDirsUnder(path.join(scratch, 'plakar-home')),
    location,
    passphrase: passphrase ?? undefined,
  });
}

async function sourceTree(): Promise<string> {
  const dir = path.join(scratch, 'source');
  await mkdir(path.join(dir, 'page-a', 'block-1'), { recursive: true });
  await writeFile(path.join(dir, 'content.json'), '[{"id":"page-a"}]\n');
  await writeFile(path.join(dir, 'page-a', 'page.json'), '{"object":"page"}\n');
  await writeFile(path.join(dir, 'page-a', 'block-1', 'blocks.json'), '[]\n');
  await writeFile(path.join(dir, 'page-a', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
  return dir;
}

async function expectPlakarError(promise: Promise<unknown>, kind: PlakarError['kind']): Promise<PlakarError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlakarError);
  expect((error as PlakarError).kind).toBe(kind);
  return error as PlakarError;
}

describe(`PlakarStore, with ${plakarUnderTestLabel()}`, () => {
  it('creates an encrypted store and refuses a wrong or missing passphrase', async () => {
    await store().create();
    expect(await store().isLocalStore()).toBe(true);
    expect(await store().listSnapshots()).toEqual([]);
    await expectPlakarError(store(undefined, 'not the passphrase').listSnapshots(), 'passphrase-wrong');
    await expectPlakarError(store(undefined, null).listSnapshots(), 'passphrase-missing');
  });

  it('refuses to create a store in a folder that already has files', async () => {
    const folder = path.join(scratch, 'documents');
    await mkdir(folder);
    await writeFile(path.join(folder, 'thesis.txt'), 'precious');
    await expectPlakarError(store(folder).create(), 'store-not-empty');
    expect(await readFile(path.join(folder, 'thesis.txt'), 'utf8')).toBe('precious');
  });

  it('says when there is no store at the location', async () => {
    const error = await expectPlakarError(store(path.join(scratch, 'nowhere')).listSnapshots(), 'store-missing');
    expect(error.message).toContain(path.join(scratch, 'nowhere'));
  });

  it('backs up a tree and resolves the full snapshot id and its tags', async () => {
    await store().create();
    const outcome = await store().backup(await sourceTree(), { tags: ['app=notion-plakar', 'source=abc', 'mode=full'] });
    expect(outcome.snapshotId).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.warnings).toEqual([]);
    const [listed] = await store().listSnapshots({ tags: ['app=notion-plakar', 'source=abc'] });
    expect(listed).toMatchObject({ id: outcome.snapshotId, tags: ['app=notion-plakar', 'source=abc', 'mode=full'] });
    expect(await store().listSnapshots({ tags: ['source=other'] })).toEqual([]);
  });

  it('lists, reads and restores what a snapshot holds (v1.1 layout: contents land in the target)', async () => {
    await store().create();
    const { snapshotId } = await store().backup(await sourceTree(), { tags: [] });
    const root = await store().listDirectory(snapshotId);
    expect(root.map((entry) => [entry.name, entry.isDirectory]).sort()).toEqual([
      ['content.json', false],
      ['page-a', true],
    ]);
    expect((await store().readFile(snapshotId, 'page-a/image.png')).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]))).toBe(true);
    const target = path.join(scratch, 'restored', 'here');
    await store().restore(snapshotId, target);
    expect((await readdir(target)).sort()).toEqual(['content.json', 'page-a']);
    expect(await readFile(path.join(target, 'page-a', 'block-1', 'blocks.json'), 'utf8')).toBe('[]\n');
    const partial = path.join(scratch, 'partial');
    await store().restore(snapshotId, partial, { path: 'page-a' });
    expect((await readdir(partial)).sort()).toEqual(['block-1', 'image.png', 'page.json']);
  });

  it('reports a missing snapshot or path clearly', async () => {
    await store().create();
    const { snapshotId } = await store().backup(await sourceTree(), { tags: [] });
    await expectPlakarError(store().readFile(snapshotId, 'no/such/file.json'), 'snapshot-not-found');
    const missing = 'f'.repeat(64);
    await expectPlakarError(store().listDirectory(missing), 'snapshot-not-found');
  });

  it('checks a healthy snapshot', async () => {
    await store().create();
    const { snapshotId } = await store().backup(await sourceTree(), { tags: [] });
    const results = await store().check(snapshotId);
    expect(results[0]).toMatchObject({ workflow: 'check', errorCount: 0 });
  });

  it('removes snapshots by full id only', async () => {
    await store().create();
    const first = await store().backup(await sourceTree(), { tags: [] });
    const second = await store().backup(await sourceTree(), { tags: [] });
    await expect(store().remove([first.snapshotId.slice(0, 8)])).rejects.toThrow(/full 64-character snapshot id/);
    await expect(store().remove([''])).rejects.toThrow(/full 64-character/);
    expect(await store().listSnapshots()).toHaveLength(2);
    await store().remove([first.snapshotId]);
    expect((await store().listSnapshots()).map((entry) => entry.id)).toEqual([second.snapshotId]);
  });

  it('stops a backup when cancelled and leaves no snapshot', async () => {
    await store().create();
    const controller = new AbortController();
    controller.abort();
    await expectPlakarError(store().backup(await sourceTree(), { tags: [], signal: controller.signal }), 'interrupted');
    expect(await store().listSnapshots()).toEqual([]);
  });

  // A small tmpfs needs root; elsewhere this case is covered by the recorded fixture only.
  it.skipIf(process.getuid?.() !== 0)('fails a backup that fills the disk and leaves no snapshot behind', async () => {
    const tiny = path.join(scratch, 'tiny');
    await mkdir(tiny);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', tiny]);
    try {
      const onTiny = store(path.join(tiny, 'store'));
      await onTiny.create();
      const source = path.join(scratch, 'noise');
      await mkdir(source);
      for (let index = 0; index < 300; index += 1) await writeFile(path.join(source, `f${index}`), randomBytes(40_000));
      const error = await expectPlakarError(onTiny.backup(source, { tags: [] }), 'disk-full');
      expect(error.message).toMatch(/disk is full/i);
      expect(await onTiny.listSnapshots()).toEqual([]);
    } finally {
      execFileSync('umount', ['-l', tiny]);
    }
  });
});
