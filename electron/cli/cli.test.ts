import { execFile } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { plakarUnderTestLabel } from '../../testkit/plakar-standin';
import { useEmulatorAndScratch } from '../../testkit/support/crawl';
import { isAlive } from '../engine/jobs/process-liveness';
import { cliRunner } from '../../testkit/support/cli';

const PASSPHRASE = 'cli test passphrase 2026';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let emulator: RunningEmulator;
let scratch: string;

useEmulatorAndScratch('cli-', (setup) => ({ emulator, scratch } = setup));

const { env, cli } = cliRunner({ scratch: () => scratch, emulator: () => emulator, passphrase: PASSPHRASE });

const store = () => path.join(scratch, 'store');

describe(`notion-plakar init, with ${plakarUnderTestLabel()}`, () => {
  it('creates an encrypted store', async () => {
    const result = await cli(['init', '--store', store()]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`Created an encrypted Kloset store at ${store()}.\n`);
  });

  it('refuses a weak or missing passphrase (usage error) and changes nothing', async () => {
    expect(await cli(['init', '--store', store()], { PLAKAR_PASSPHRASE: 'short' })).toMatchObject({ code: 2 });
    const missing = await cli(['init', '--store', store()], { PLAKAR_PASSPHRASE: undefined });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Set PLAKAR_PASSPHRASE/);
    expect(await cli(['snapshots', '--store', store()])).toMatchObject({ code: 1 });
  });

  it('does not touch an existing store or a folder with files', async () => {
    await cli(['init', '--store', store()]);
    const again = await cli(['init', '--store', store()]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const folder = path.join(scratch, 'documents');
    await mkdir(folder);
    await writeFile(path.join(folder, 'keep.txt'), 'x');
    const notEmpty = await cli(['init', '--store', folder]);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/already contains files/);
  });

  it('creates a plaintext store only when asked', async () => {
    const result = await cli(['init', '--store', store(), '--plaintext'], { PLAKAR_PASSPHRASE: undefined });
    expect(result.stdout).toMatch(/unencrypted/);
  });
});

describe(`notion-plakar backup and snapshots, with ${plakarUnderTestLabel()}`, { timeout: 120_000 }, () => {
  it('--json prints progress lines on stderr and one result object on stdout', async () => {
    await cli(['init', '--store', store()]);
    const result = await cli(['backup', '--store', store(), '--json', '--comments', 'all', '--tag', 'nightly', '--rate', '100']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(summary).sort()).toEqual(
      ['apiCalls', 'blocks', 'changes', 'comments', 'databases', 'durationMs', 'files', 'incremental', 'linkedDatabases', 'pages', 'reusedPages', 'rows', 'snapshotId', 'unreachable', 'views', 'warnings'].sort(),
    );
    expect(summary).toMatchObject({ incremental: false, rows: richWorkspaceFacts.fullCrawl.rows, files: richWorkspaceFacts.fullCrawl.hostedFiles });
    expect(summary.snapshotId).toMatch(/^[0-9a-f]{64}$/);
    const progress = result.stderr.trim().split('\n').map((line) => JSON.parse(line) as { type: string; phase: string });
    expect(progress.every((event) => event.type === 'progress')).toBe(true);
    expect(progress.at(-1)?.phase).toBe('finished');

    const listed = await cli(['snapshots', '--store', store(), '--json']);
    const snapshots = JSON.parse(listed.stdout) as Array<{ id: string; tags: string[]; source: string | null; size: number; time: string }>;
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ id: summary.snapshotId, source: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(snapshots[0]?.tags).toContain('nightly');

    const second = await cli(['backup', '--store', store(), '--json', '--rate', '100']);
    expect(JSON.parse(second.stdout)).toMatchObject({ incremental: true, changes: { since: summary.snapshotId, added: 0, removed: 0, massDeletion: false } });
    expect(second.stderr).not.toMatch(/alert/);
  });

  it('backs up only the chosen roots, given as URLs', async () => {
    await cli(['init', '--store', store()]);
    const url = `https://www.notion.so/acme/Shared-${richWorkspaceFacts.ids.orphanPage.replace(/-/g, '')}`;
    const result = await cli(['backup', '--store', store(), '--root', url, '--json', '--rate', '100']);
    expect(JSON.parse(result.stdout)).toMatchObject({ pages: 2, rows: 0 });
  });

  it('prints a readable summary without --json', async () => {
    await cli(['init', '--store', store()]);
    const result = await cli(['backup', '--store', store(), '--rate', '100']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Snapshot [0-9a-f]{64} \(full\)/);
    expect(result.stdout).toMatch(/Notion requests in/);
    expect(result.stdout).not.toMatch(/previous snapshot/);
    const again = await cli(['backup', '--store', store(), '--rate', '100']);
    expect(again.stdout).toMatch(/^ {2}nothing changed since the previous snapshot$/m);
  });

  it('fails with one clear line for bad input', async () => {
    const noToken = await cli(['backup', '--store', store()], { NOTION_TOKEN: undefined });
    expect(noToken).toMatchObject({ code: 2, stderr: expect.stringMatching(/Set NOTION_TOKEN/) });
    const noStore = await cli(['backup', '--store', store()]);
    expect(noStore.code).toBe(1);
    expect(noStore.stderr.trim().split('\n')).toHaveLength(1);
    expect(noStore.stderr).toMatch(/create the store first \(notion-plakar init\)/);
    await cli(['init', '--store', store()]);
    const badToken = await cli(['backup', '--store', store()], { NOTION_TOKEN: 'ntn_wrong_token_value_0000000000000' });
    expect(badToken).toMatchObject({ code: 1, stderr: expect.stringMatching(/Notion rejected this token/) });
    const wrongPassphrase = await cli(['snapshots', '--store', store()], { PLAKAR_PASSPHRASE: 'not the right passphrase' });
    expect(wrongPassphrase).toMatchObject({ code: 1, stderr: expect.stringMatching(/passphrase does not unlock/) });
    expect(await cli(['backup', '--store', store(), '--root', 'not-an-id'])).toMatchObject({ code: 2 });
    expect(await cli(['backup', '--store', store(), '--tag', 'a,b'])).toMatchObject({ code: 2 });
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2 });
  });
});

// --rate is at most 100 now: these make several backups each.
describe(`notion-plakar prune, with ${plakarUnderTestLabel()}`, { timeout: 120_000 }, () => {
  it('previews by default, removes by full id with --apply, and touches only its own source', async () => {
    await cli(['init', '--store', store()]);
    const url = `https://www.notion.so/acme/Shared-${richWorkspaceFacts.ids.orphanPage.replace(/-/g, '')}`;
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const made = await cli(['backup', '--store', store(), '--root', url, '--json', '--rate', '100']);
      ids.push((JSON.parse(made.stdout) as { snapshotId: string }).snapshotId);
    }
    // Another source (everything): never a candidate.
    const other = await cli(['backup', '--store', store(), '--json', '--rate', '100']);
    const otherId = (JSON.parse(other.stdout) as { snapshotId: string }).snapshotId;

    const keepOne = ['--keep-last', '1', '--keep-daily', '0', '--keep-weekly', '0', '--keep-monthly', '0'];
    const preview = await cli(['prune', '--store', store(), '--root', url, ...keepOne, '--json']);
    expect(preview.code).toBe(0);
    const plan = JSON.parse(preview.stdout) as { applied: boolean; keep: Array<{ id: string }>; remove: Array<{ id: string }>; removed: string[] };
    expect(plan).toMatchObject({ applied: false, removed: [] });
    expect(plan.keep).toHaveLength(1);
    expect(plan.remove).toHaveLength(2);
    expect([...plan.keep, ...plan.remove].map((item) => item.id).sort()).toEqual([...ids].sort());
    expect((JSON.parse((await cli(['snapshots', '--store', store(), '--json'])).stdout) as unknown[]).length).toBe(4);

    const text = await cli(['prune', '--store', store(), '--root', url, ...keepOne]);
    expect(text.stdout).toMatch(/Nothing was removed\. Add --apply to remove 2 snapshots\./);

    const applied = await cli(['prune', '--store', store(), '--root', url, ...keepOne, '--apply', '--json']);
    expect((JSON.parse(applied.stdout) as { removed: string[] }).removed.sort()).toEqual(plan.remove.map((item) => item.id).sort());
    const left = (JSON.parse((await cli(['snapshots', '--store', store(), '--json'])).stdout) as Array<{ id: string }>).map((item) => item.id);
    expect(left.sort()).toEqual([plan.keep[0]?.id, otherId].sort());
  });

  it('refuses to empty a store and explains a missing token', async () => {
    await cli(['init', '--store', store()]);
    expect(await cli(['prune', '--store', store(), '--keep-last', '0'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/at least 1/) });
    expect(await cli(['prune', '--store', store()], { NOTION_TOKEN: undefined })).toMatchObject({ code: 2, stderr: expect.stringMatching(/--source/) });
    expect(await cli(['prune', '--store', store(), '--source', 'nope'])).toMatchObject({ code: 2 });
  });
});

describe(`notion-plakar restore and export, with ${plakarUnderTestLabel()}`, { timeout: 120_000 }, () => {
  async function backedUp(): Promise<string> {
    await cli(['init', '--store', store()]);
    const backup = await cli(['backup', '--store', store(), '--json', '--comments', 'all', '--rate', '100']);
    return (JSON.parse(backup.stdout) as { snapshotId: string }).snapshotId;
  }

  it('restores under a page, by id prefix, with a JSON result', async () => {
    const snapshotId = await backedUp();
    const targetUrl = `https://www.notion.so/Home-${richWorkspaceFacts.ids.home.replace(/-/g, '')}`;
    const plan = await cli(['restore', snapshotId.slice(0, 10), '--store', store(), '--to-notion', targetUrl, '--dry-run', '--json', '--rate', '100']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ dryRun: true, created: { rows: richWorkspaceFacts.fullCrawl.rows } });
    const result = await cli([
      'restore', snapshotId.slice(0, 10), '--store', store(), '--to-notion', targetUrl,
      '--page', richWorkspaceFacts.ids.orphanPage, '--json', '--rate', '100',
    ]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(summary).sort()).toEqual(['apiCalls', 'created', 'durationMs', 'losses', 'resumed', 'rootUrl', 'warnings'].sort());
    expect(summary).toMatchObject({ created: { pages: 2 }, resumed: false, warnings: [], rootUrl: expect.stringMatching(/^https:\/\/www\.notion\.so\//) });
  });

  it('explains an unknown snapshot and an unshared target', async () => {
    await backedUp();
    const missing = await cli(['restore', 'ffffffffff', '--store', store(), '--to-notion', richWorkspaceFacts.ids.home]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/No snapshot id starts with ffffffffff/) });
    const [snapshot] = JSON.parse((await cli(['snapshots', '--store', store(), '--json'])).stdout) as Array<{ id: string }>;
    const unshared = await cli(['restore', snapshot?.id ?? '', '--store', store(), '--to-notion', richWorkspaceFacts.ids.unsharedPage, '--rate', '100']);
    expect(unshared).toMatchObject({ code: 1, stderr: expect.stringMatching(/Connections/) });
  });

  it('exports to an empty folder and refuses a folder with files unless told to merge', async () => {
    const snapshotId = await backedUp();
    const folder = path.join(scratch, 'export');
    const first = await cli(['export', snapshotId, '--store', store(), '--to-dir', folder, '--format', 'markdown']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Exported \d+ pages/);
    const again = await cli(['export', snapshotId, '--store', store(), '--to-dir', folder]);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/already contains files/) });
    expect(await cli(['export', snapshotId, '--store', store(), '--to-dir', folder, '--merge'])).toMatchObject({ code: 0 });
  });
});

describe(`the built executable, with ${plakarUnderTestLabel()}`, () => {
  it('runs through package.json bin after a build', async () => {
    // @ts-expect-error plain ESM build script without type declarations
    const { buildEntry } = (await import('../../scripts/build-node.mjs')) as { buildEntry: (name: string) => Promise<string> };
    await buildEntry('cli');
    await cli(['init', '--store', store()]);
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'bin/notion-plakar.js'), 'snapshots', '--store', store(), '--json'], {
      env: env(),
    });
    expect(JSON.parse(stdout)).toEqual([]);
  });
});

describe(`a CLI killed with kill -9 while plakar stores, with ${plakarUnderTestLabel()}`, () => {
  it('the next run settles what its plakar left, and removes the staging left behind', async () => {
    // @ts-expect-error plain ESM build script without type declarations
    const { buildEntry } = (await import('../../scripts/build-node.mjs')) as { buildEntry: (name: string) => Promise<string> };
    await buildEntry('cli');
    expect((await cli(['init', '--store', store()])).code).toBe(0);
    const child = spawn(process.execPath, [path.join(root, 'bin/notion-plakar.js'), 'backup', '--store', store(), '--rate', '50', '--json'], {
      env: env(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        if (stderr.includes('"phase":"storing"')) resolve();
      });
      child.on('exit', () => reject(new Error(`the CLI ended before storing: ${stderr}`)));
    });
    // Kill the CLI once plakar runs (the lock file records its pid as soon as it is spawned).
    const lockDir = path.join(scratch, 'data', 'locks');
    const plakarPid = await waitFor(async () => {
      const [lockFile] = await readdir(lockDir);
      const holder = JSON.parse(await readFile(path.join(lockDir, lockFile ?? ''), 'utf8')) as { plakar?: { pid: number } };
      return holder.plakar?.pid;
    });
    child.kill('SIGKILL');
    await exited;
    const staging = path.join(scratch, 'data', 'staging');
    // The dead job's own staging folder, and its crawl, kept for the next backup to resume.
    expect((await readdir(staging)).map((name) => name.replace(/-.*/, '')).sort()).toEqual(['backup', 'resume']);
    // plakar runs in its own process group and outlives the CLI; let it finish on its own, as it
    // would while nobody watches.
    await waitFor(async () => (isAlive(plakarPid) ? undefined : true), 60_000);

    const next = await cli(['backup', '--store', store(), '--rate', '50']);
    expect(next.code, next.stderr).toBe(0);
    const listed = JSON.parse((await cli(['snapshots', '--store', store(), '--json'])).stdout) as unknown[];
    // plakar dies of SIGPIPE at its next output line once its parent is gone, unless it was already
    // committing: then its snapshot exists, was checked, and is kept with a note. Either way the new
    // backup is there and nothing is left in staging.
    const note = /was interrupted when the app or CLI that ran it stopped, but plakar finished storing it/;
    if (listed.length === 2) expect(`${next.stdout}${next.stderr}`).toMatch(note);
    else expect(`${next.stdout}${next.stderr}`).not.toMatch(note);
    expect(listed.length).toBeGreaterThanOrEqual(1);
    expect(await readdir(staging)).toEqual([]);
  }, 120_000);
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
