import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../testkit/notion-emulator';
import { plakarUnderTestLabel } from '../../testkit/plakar-standin';
import { useEmulatorAndScratch } from '../../testkit/support/crawl';
import { cliRunner } from '../../testkit/support/cli';

// The CLI's messages, help and listings: what a user reads (issue 13).
const PASSPHRASE = 'cli finish test passphrase 2026';
let emulator: RunningEmulator;
let scratch: string;
let snapshotId: string;

const store = () => path.join(scratch, 'store');

const { cli } = cliRunner({ scratch: () => scratch, emulator: () => emulator, passphrase: PASSPHRASE });

useEmulatorAndScratch('cli-finish-', (setup) => ({ emulator, scratch } = setup), 'the file');
beforeAll(async () => {
  // Something the backup cannot read: a synced copy on Home of an original on a page not shared with the integration.
  const [original] = emulator.admin.appendBlocks(richWorkspaceFacts.ids.unsharedPage, [
    { type: 'synced_block', synced_block: { synced_from: null, children: [{ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'Private' } }] } }] } },
  ]);
  emulator.admin.appendBlocks(richWorkspaceFacts.ids.home, [{ type: 'synced_block', synced_block: { synced_from: { block_id: original } } }]);
  expect((await cli(['init', '--store', store()])).code).toBe(0);
  const backup = await cli(['backup', '--store', store(), '--json', '--rate', '100']);
  snapshotId = (JSON.parse(backup.stdout) as { snapshotId: string }).snapshotId;
}, 120_000);

describe(`CLI messages, with ${plakarUnderTestLabel()}`, { timeout: 60_000 }, () => {
  it('export into a folder with files says so once, and names --merge', async () => {
    const folder = path.join(scratch, 'full-folder');
    await mkdir(folder);
    await writeFile(path.join(folder, 'keep.txt'), 'x');
    const result = await cli(['export', snapshotId, '--store', store(), '--to-dir', folder]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/already contains files/g)).toHaveLength(1);
    expect(result.stderr).toContain(`The folder ${folder} already contains files`);
    expect(result.stderr).toMatch(/--merge/);
  });

  it('a mistyped option is reported as unknown, not as a missing required one', async () => {
    const result = await cli(['snapshots', '--stor', store()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--stor'/);
    expect(result.stderr).toMatch(/Did you mean --store\?/);
    expect(result.stderr).not.toMatch(/required option/);
    const missing = await cli(['snapshots']);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/required option '--store <location>' not specified/) });
    const restore = await cli(['restore', snapshotId, '--store', store()]);
    expect(restore).toMatchObject({ code: 2, stderr: expect.stringMatching(/required option '--to-notion/) });
  });

  it('init creates the store folder but not missing folders above it', async () => {
    const parent = path.join(scratch, 'no-such-parent');
    const result = await cli(['init', '--store', path.join(parent, 'store')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The folder ${parent} does not exist`);
    await expect(stat(parent)).rejects.toThrow();
    const fresh = path.join(scratch, 'fresh-store');
    expect(await cli(['init', '--store', fresh])).toMatchObject({ code: 0 });
    expect((await stat(path.join(fresh, 'CONFIG'))).isFile()).toBe(true);
  });

  it('a backup names what it could not read', async () => {
    const result = await cli(['backup', '--store', store(), '--full', '--rate', '100']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n {2}1 item could not be read:\n {4}(page|database|block|data source) [0-9a-f-]{36}.*: .+\n/);
    expect(result.stdout).toMatch(/listed in `backup --json`/);
  });

  it('snapshots shows the source key that prune --source takes', async () => {
    const [first] = JSON.parse((await cli(['snapshots', '--store', store(), '--json'])).stdout) as Array<{ id: string; source: string }>;
    const text = await cli(['snapshots', '--store', store()]);
    expect(text.stdout.split('\n')[0]).toMatch(/^time +id +size +mode +source$/);
    expect(text.stdout).toMatch(new RegExp(`${first?.id} .* (full|incremental) +${first?.source}\\n`));
    const prune = await cli(['prune', '--store', store(), '--source', first?.source ?? '', '--json']);
    expect(prune.code).toBe(0);
  });

  it('ls lists the pages and databases of a snapshot as a tree, with ids; --page narrows it', async () => {
    const listed = await cli(['ls', snapshotId.slice(0, 10), '--store', store(), '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const entries = JSON.parse(listed.stdout) as Array<{ id: string; object: string; title: string; depth: number; isRow: boolean }>;
    expect(entries.filter((entry) => entry.object === 'database')).toHaveLength(richWorkspaceFacts.fullCrawl.databases);
    const home = entries.find((entry) => entry.id === richWorkspaceFacts.ids.home);
    expect(home?.depth).toBe(0);
    expect(entries.some((entry) => entry.depth > 0)).toBe(true);
    const text = await cli(['ls', snapshotId, '--store', store()]);
    expect(text.stdout).toMatch(new RegExp(`^${richWorkspaceFacts.ids.home}  page +\\S`, 'm'));
    expect(text.stdout).toMatch(/^[0-9a-f-]{36} {2}(page|row|database) + {2}\S/m);
    const orphan = await cli(['ls', snapshotId, '--store', store(), '--page', richWorkspaceFacts.ids.orphanPage, '--json']);
    const narrowed = JSON.parse(orphan.stdout) as Array<{ id: string; depth: number }>;
    expect(narrowed[0]).toMatchObject({ id: richWorkspaceFacts.ids.orphanPage, depth: 0 });
    expect(narrowed).toHaveLength(2);
    expect(await cli(['ls', snapshotId, '--store', store(), '--page', '0'.repeat(32)])).toMatchObject({ code: 1, stderr: expect.stringMatching(/No page or database/) });
  });
});

describe('--help and --version', () => {
  it('each command lists the environment variables it reads, and the exit codes', async () => {
    const expected: Record<string, string[]> = {
      init: ['PLAKAR_PASSPHRASE', 'PLAKAR_BIN', 'NOTION_PLAKAR_DATA_DIR'],
      backup: ['NOTION_TOKEN', 'NOTION_API_URL', 'NOTION_API_VERSION', 'PLAKAR_PASSPHRASE', 'PLAKAR_BIN', 'NOTION_PLAKAR_DATA_DIR'],
      snapshots: ['PLAKAR_PASSPHRASE', 'PLAKAR_INSECURE_PLAINTEXT'],
      restore: ['NOTION_TOKEN', 'NOTION_API_URL', 'NOTION_API_VERSION', 'PLAKAR_PASSPHRASE'],
      export: ['PLAKAR_PASSPHRASE', 'PLAKAR_BIN'],
      prune: ['NOTION_TOKEN', 'PLAKAR_PASSPHRASE'],
      doctor: ['PLAKAR_BIN', 'NOTION_TOKEN', 'NOTION_API_URL'],
    };
    for (const [command, names] of Object.entries(expected)) {
      const help = await cli([command, '--help']);
      expect(help.code).toBe(0);
      const environment = help.stdout.slice(help.stdout.indexOf('Environment:'));
      for (const name of names) expect(environment, command).toMatch(new RegExp(`\\n  ${name} `));
      expect(help.stdout).toMatch(/Exit codes:[\s\S]*130 +cancelled by Ctrl-C[\s\S]*143 +cancelled by SIGTERM/);
    }
    expect((await cli(['snapshots', '--help'])).stdout).not.toMatch(/NOTION_TOKEN/);
    expect((await cli(['--help'])).stdout).toMatch(/Exit codes:\n {2}0 +success\n {2}1 +failure.*\n {2}2 +usage error/);
  });

  it('--version prints the package version (built executable)', { timeout: 60_000 }, async () => {
    // @ts-expect-error plain ESM build script without type declarations
    const { buildEntry } = (await import('../../scripts/build-node.mjs')) as { buildEntry: (name: string) => Promise<string> };
    await buildEntry('cli');
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'bin/notion-plakar.js'), '--version']);
    expect(stdout).toBe(`${version}\n`);
  });
});
