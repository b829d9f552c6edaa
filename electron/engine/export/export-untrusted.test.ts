// Exports of crafted snapshots (docs/security.md, "A malicious snapshot or store"): nothing is read
// from outside the snapshot, nothing is written outside the target, no link is followed.
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeAll, scratchDir } from '../../../testkit/support/crawl';
import { BLOCK, craftedSnapshot, PAGE, SECRET, storeLikeSource } from '../snapshot/crafted-snapshot';
import type { SnapshotSource } from '../snapshot/snapshot-source';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { readTree, writeSnapshotFiles } from '../../../testkit/support/export';
import type { ExportFormat } from './index';
import { exportSnapshot } from './index';

const FORMATS: ExportFormat[] = ['markdown', 'html', 'json'];
const dirs: string[] = [];
afterAll(async () => removeAll(...dirs));

async function scratch(): Promise<string> {
  const dir = await scratchDir('untrusted-');
  dirs.push(dir);
  return dir;
}

/** A crafted snapshot folder at `<scratch>/snap`, and a file holding SECRET beside it. */
async function snapshotFolder(files: Record<string, unknown>): Promise<{ root: string; snap: string; secret: string }> {
  const root = await scratch();
  const snap = path.join(root, 'snap');
  await writeSnapshotFiles(snap, files);
  const secret = path.join(root, 'secret.txt');
  await writeFile(secret, SECRET);
  return { root, snap, secret };
}

/** Opens and exports; the outcome, never thrown: the result's warnings or the error. */
async function tryExport(source: SnapshotSource, targetDir: string, format: ExportFormat, merge = false) {
  try {
    const reader = await SnapshotReader.open(source);
    return { warnings: (await exportSnapshot({ reader, targetDir, format, merge })).warnings, error: undefined };
  } catch (error) {
    return { warnings: [], error: error as Error };
  }
}

async function exportedSecrets(target: string): Promise<string[]> {
  const files = await readTree(target).catch(() => new Map<string, Buffer>());
  return [...files].filter(([, bytes]) => bytes.toString('utf8').includes(SECRET)).map(([name]) => name);
}

describe.each(FORMATS)('a crafted snapshot, exported as %s', (format) => {
  it('with an id that climbs out (`../../pwned`) is refused and writes nothing outside the target', async () => {
    const root = await scratch();
    const target = path.join(root, 'x', 'y', 'out');
    const source = storeLikeSource(craftedSnapshot({ pageId: '../../pwned', pageDir: '../../pwned' }));
    const outcome = await tryExport(source, target, format);
    expect(outcome.error?.message).toMatch(/unsafe.*content\.json.*not a Notion id/);
    expect(existsSync(path.join(root, 'x', 'pwned'))).toBe(false);
  });

  it.each([
    ['climbs out of the snapshot', '../../secret.txt'],
    ['is absolute', '/secret.txt'],
  ])('with a file entry that %s never copies what it names', async (_, file) => {
    const { root, snap } = await snapshotFolder(craftedSnapshot({ file }));
    if (file.startsWith('/')) await writeSnapshotFiles(snap, { [`${PAGE}/secret.txt`]: SECRET });
    const target = path.join(root, 'out');
    const outcome = await tryExport(directorySource(snap), target, format);
    const refusal = outcome.error?.message ?? outcome.warnings.join('\n');
    expect(refusal).toMatch(/unsafe.*files\.json/);
    expect(await exportedSecrets(target)).toEqual([]);
  });

  it('with a stored file that is a symbolic link out of the snapshot never copies its target', async () => {
    const { root, snap, secret } = await snapshotFolder(craftedSnapshot());
    await removeAll(path.join(snap, PAGE, `${BLOCK}.pdf`));
    await symlink(secret, path.join(snap, PAGE, `${BLOCK}.pdf`));
    const target = path.join(root, 'out');
    const outcome = await tryExport(directorySource(snap), target, format);
    expect(outcome.error?.message ?? outcome.warnings.join('\n')).toMatch(/symbolic link/);
    expect(await exportedSecrets(target)).toEqual([]);
  });

  it('merged into a folder with symbolic links never writes through them', async () => {
    const { root, snap } = await snapshotFolder(craftedSnapshot());
    const target = path.join(root, 'out');
    const victim = path.join(root, 'victim.txt');
    const victimDir = path.join(root, 'victim-dir');
    await writeFile(victim, 'untouched');
    await mkdir(victimDir);
    await mkdir(target);
    const document = { markdown: 'Home.md', html: 'Home.html', json: 'content.json' }[format];
    const folder = format === 'json' ? PAGE : 'Home';
    await symlink(victim, path.join(target, document));
    await symlink(victimDir, path.join(target, folder));
    const outcome = await tryExport(directorySource(snap), target, format, true);
    expect(outcome.error?.message ?? outcome.warnings.join('\n')).toMatch(/symbolic link/);
    expect(await readFile(victim, 'utf8')).toBe('untouched');
    expect(await readTree(victimDir).then((files) => [...files.keys()])).toEqual([]);
  });
});
