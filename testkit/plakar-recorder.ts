/**
 * The scenarios whose real-plakar output the app's tests rely on, run against any plakar binary
 * (a real release, or the stand-in for the drift test): scripts/record-plakar-fixtures.ts writes
 * them to electron/engine/plakar/fixtures/<version>/, and plakar-standin/recorded-drift.test.ts
 * compares the stand-in's answers with those files.
 *
 * Each case runs plakar through the adapter's own process runner (argv0 "plakar", detached, no tty,
 * private XDG dirs). Paths, host and user names are normalised (<ROOT>, <HOST>, <USER>). Disk-full
 * needs root (a 4 MiB tmpfs) and is skipped elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { normaliseRecording, type PlakarRecording } from '../electron/engine/plakar/fixtures/recording';
import { plakarDirsUnder, runPlakar, type PlakarDirs } from '../electron/engine/plakar/process';
import { parsePlakarVersion } from '../electron/engine/plakar/version';

const PASS = 'correct horse battery staple 42';

export async function recordPlakarScenarios(bin: string, onRecorded: (recording: PlakarRecording) => void = () => {}): Promise<Map<string, PlakarRecording>> {
  const recordings = new Map<string, PlakarRecording>();
  const root = await mkdtemp(path.join(os.tmpdir(), 'plakar-rec-'));
  const dirs: PlakarDirs = plakarDirsUnder(path.join(root, 'home'));
  const p = (...parts: string[]): string => path.join(root, ...parts);

  async function plakar(args: string[], options: { passphrase?: string; signal?: AbortSignal; onStdoutLine?: (line: string) => void } = {}) {
    const result = await runPlakar({ bin, args, dirs, passphrase: options.passphrase, cwd: root, signal: options.signal, onStdoutLine: options.onStdoutLine, timeoutMs: 120_000 });
    return { args, exitCode: result.exitCode, stdout: result.stdout.toString('utf8'), stderr: result.stderr };
  }

  const versionRun = await plakar(['version']);
  const version = parsePlakarVersion(versionRun.stdout)?.text;
  if (!version) throw new Error(`not a plakar: ${versionRun.stdout}${versionRun.stderr}`);

  async function record(name: string, description: string, run: Awaited<ReturnType<typeof plakar>>): Promise<void> {
    const recording: PlakarRecording = normaliseRecording(
      { name, description, plakarVersion: version ?? '', args: run.args, exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr },
      { root, host: os.hostname(), user: os.userInfo().username },
    );
    recordings.set(name, recording);
    onRecorded(recording);
  }

  async function writeSource(dir: string, files: number, bytesEach = 2048): Promise<void> {
    await mkdir(path.join(dir, 'pages', 'sub'), { recursive: true });
    for (let index = 0; index < files; index += 1) {
      const where = index % 2 === 0 ? 'pages' : path.join('pages', 'sub');
      await writeFile(path.join(dir, where, `page-${index}.json`), deterministicBytes(`${path.basename(dir)}-${index}`, bytesEach).toString('base64'));
    }
  }

  await record('version-first-run', 'plakar version on a cache dir that never ran -disable-security-check: the welcome banner first', versionRun);
  await record('disable-security-check', 'plakar -disable-security-check', await plakar(['-disable-security-check']));
  await record('version', 'plakar version once the security check is disabled', await plakar(['version']));

  const store = p('store');
  await record('create-encrypted', 'create with PLAKAR_PASSPHRASE: silent', await plakar(['at', store, 'create'], { passphrase: PASS }));
  await record('create-plaintext', 'create -plaintext', await plakar(['at', p('plain'), 'create', '-plaintext']));
  await mkdir(p('busy'));
  await writeFile(p('busy', 'notes.txt'), 'hello');
  await record('create-not-empty', 'create in a folder that has files', await plakar(['at', p('busy'), 'create'], { passphrase: PASS }));
  await record('create-no-passphrase', 'create with no passphrase and no tty', await plakar(['at', p('nopass'), 'create']));
  await record('open-wrong-passphrase', 'ls with a wrong PLAKAR_PASSPHRASE', await plakar(['at', store, 'ls'], { passphrase: 'wrong passphrase' }));
  await record('open-no-passphrase', 'ls on an encrypted store with no passphrase and no tty', await plakar(['at', store, 'ls']));
  await record('store-missing', 'ls on a folder with no store', await plakar(['at', p('nothing-here'), 'ls'], { passphrase: PASS }));
  await record('store-alias-missing', 'ls on an @alias that is not configured', await plakar(['at', '@nas', 'ls'], { passphrase: PASS }));
  await record('store-backend-missing', 'ls on a location with an unknown scheme', await plakar(['at', 'xyz://somewhere', 'ls'], { passphrase: PASS }));
  await record('ls-empty', 'ls -uuid -tags on a new store', await plakar(['at', store, 'ls', '-uuid', '-tags'], { passphrase: PASS }));

  const source = p('source');
  await writeSource(source, 12);
  const job = '0b0c2c1e-8a43-4c8e-9a0b-3c1f2a4d5e6f';
  await record('backup', 'backup -no-progress -job -tag of a small tree', await plakar(['at', store, 'backup', '-no-progress', '-job', job, '-tag', 'app=notion-plakar,source=ws1', source], { passphrase: PASS }));
  await record('backup-quiet', 'the same backup with the global -quiet', await plakar(['-quiet', 'at', store, 'backup', '-no-progress', '-tag', 'app=notion-plakar,source=ws1,mode=incremental', source], { passphrase: PASS }));
  await record('backup-missing-source', 'backup of a folder that does not exist', await plakar(['at', store, 'backup', '-no-progress', p('no-such-source')], { passphrase: PASS }));
  await record('ls-snapshots', 'ls -uuid -tags with two snapshots', await plakar(['at', store, 'ls', '-uuid', '-tags'], { passphrase: PASS }));
  await record('ls-job', 'ls -uuid -job <uuid>', await plakar(['at', store, 'ls', '-uuid', '-job', job], { passphrase: PASS }));
  const list = await plakar(['at', store, 'ls', '-uuid'], { passphrase: PASS });
  const ids = list.stdout.split('\n').map((line) => /\b([0-9a-f]{64})\b/.exec(line)?.[1]).filter((id): id is string => Boolean(id));
  const [newest, oldest] = ids;
  if (!newest || !oldest) throw new Error(`expected two snapshots: ${list.stdout}`);
  await record('ls-short', 'ls (short ids, no tags)', await plakar(['at', store, 'ls'], { passphrase: PASS }));
  await record('ls-directory', 'ls SNAP (the source directory)', await plakar(['at', store, 'ls', oldest], { passphrase: PASS }));
  await record('ls-directory-path', 'ls SNAP:pages', await plakar(['at', store, 'ls', `${oldest}:pages`], { passphrase: PASS }));
  await record('ls-directory-missing', 'ls SNAP:path that does not exist', await plakar(['at', store, 'ls', `${oldest}:nope`], { passphrase: PASS }));
  await record('ls-prefix-missing', 'ls of a prefix no snapshot has', await plakar(['at', store, 'ls', 'ffffffff'], { passphrase: PASS }));
  await record('ls-prefix-ambiguous', 'ls of SNAP:PATH with an empty prefix, which matches both snapshots', await plakar(['at', store, 'ls', ':/'], { passphrase: PASS }));
  await record('info-store', 'info (the store)', await plakar(['at', store, 'info'], { passphrase: PASS }));
  await record('info-snapshot', 'info SNAP', await plakar(['at', store, 'info', oldest], { passphrase: PASS }));
  await record('cat', 'cat SNAP:file', await plakar(['at', store, 'cat', `${oldest}:pages/page-0.json`], { passphrase: PASS }));
  await record('cat-missing', 'cat SNAP:missing-file', await plakar(['at', store, 'cat', `${oldest}:pages/missing.json`], { passphrase: PASS }));
  await record('cat-directory', 'cat SNAP:directory', await plakar(['at', store, 'cat', `${oldest}:pages`], { passphrase: PASS }));
  await mkdir(p('restores'));
  await record('restore', 'restore -to DIR SNAP:pages', await plakar(['at', store, 'restore', '-to', p('restores', 'one'), `${oldest}:pages`], { passphrase: PASS }));
  await record('restore-parent-missing', 'restore -to a folder whose parent does not exist', await plakar(['at', store, 'restore', '-to', p('restores', 'no', 'such', 'parent'), oldest], { passphrase: PASS }));
  await record('restore-no-match', 'restore of a prefix no snapshot has', await plakar(['at', store, 'restore', '-to', p('restores', 'two'), 'ffffffff'], { passphrase: PASS }));
  await record('check', 'check SNAP on a healthy store', await plakar(['at', store, 'check', oldest], { passphrase: PASS }));
  await record('rm-dry-run', 'rm SNAP without -apply', await plakar(['at', store, 'rm', newest], { passphrase: PASS }));
  await record('rm-no-filter', 'rm with no id and no filter', await plakar(['at', store, 'rm', '-apply'], { passphrase: PASS }));
  await record('rm-apply', 'rm -apply SNAP', await plakar(['at', store, 'rm', '-apply', newest], { passphrase: PASS }));
  await record('rm-no-match', 'rm -apply of a prefix no snapshot has', await plakar(['at', store, 'rm', '-apply', 'ffffffff'], { passphrase: PASS }));
  await record('unknown-flag', 'backup with a flag plakar does not know', await plakar(['at', store, 'backup', '-concurrency', '2', source], { passphrase: PASS }));

  // Interrupted: SIGTERM once plakar has started storing a large tree.
  const big = p('big');
  await writeSource(big, 3000, 8192);
  const controller = new AbortController();
  const interrupted = plakar(['at', store, 'backup', '-no-progress', big], {
    passphrase: PASS,
    signal: controller.signal,
    onStdoutLine: (line) => {
      if (/OK/.test(line) && !controller.signal.aborted) controller.abort();
    },
  });
  await record('backup-interrupted', 'backup sent SIGTERM while storing', await interrupted);

  // Damaged store: truncate every packfile, then check.
  const damaged = p('damaged');
  await plakar(['at', damaged, 'create'], { passphrase: PASS });
  await plakar(['at', damaged, 'backup', '-no-progress', source], { passphrase: PASS });
  for (const file of await listFiles(path.join(damaged, 'packfiles'))) await truncate(file, Math.floor((await stat(file)).size / 2));
  await record('check-damaged', 'check after every packfile was cut in half', await plakar(['at', damaged, 'check'], { passphrase: PASS }));
  await record('ls-damaged', 'ls -uuid on that damaged store', await plakar(['at', damaged, 'ls', '-uuid'], { passphrase: PASS }));

  // Disk full: a store on a 4 MiB tmpfs, a 16 MiB incompressible source.
  const tiny = p('tiny');
  await mkdir(tiny);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', tiny], { stdio: 'ignore' });
    try {
      const full = p('tiny', 'store');
      await plakar(['at', full, 'create'], { passphrase: PASS });
      const noise = p('noise');
      await writeSource(noise, 400, 40_000);
      await record('backup-disk-full', 'backup into a store on a full 4 MiB tmpfs', await plakar(['at', full, 'backup', '-no-progress', noise], { passphrase: PASS }));
    } finally {
      execFileSync('umount', [tiny]);
    }
  } catch {
    // Not root, or no tmpfs: the disk-full case is not recorded here.
  }

  // An unreadable store folder (permissions), for a non-root user only.
  if (process.getuid?.() !== 0) {
    await chmod(store, 0o000);
    await record('store-unreadable', 'ls on a store folder without read permission', await plakar(['at', store, 'ls'], { passphrase: PASS }));
    await chmod(store, 0o700);
  }

  await rm(root, { recursive: true, force: true });
  return recordings;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

/** Incompressible bytes that are the same on every run, so recordings compare byte for byte. */
function deterministicBytes(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  let block = createHash('sha256').update(seed).digest();
  for (let total = 0; total < length; total += block.length) {
    blocks.push(block);
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(blocks).subarray(0, length);
}
