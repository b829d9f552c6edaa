/**
 * Behaviours only the stand-in can be driven into (its store format, its control file) or that
 * need a pseudo-terminal. They always run the stand-in, whatever plakar the other suites drive.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlakarEnv } from '../../electron/engine/plakar/process';
import { standinBinPath } from './index';
import { LS_LINE, lines, makeSandbox, parseIBytes, resultLines, writeTree, type Sandbox } from './test-helpers';

const PASS = 'stand-in passphrase';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

/** Every test gets its own plakar home: the control file applies to a whole config dir. */
async function sandbox(control?: Record<string, unknown>): Promise<Sandbox> {
  const sb = await makeSandbox(undefined, standinBinPath());
  cleanups.push(() => sb.cleanup());
  if (control) await writeFile(path.join(sb.configDir, 'standin-control.json'), JSON.stringify(control));
  return sb;
}

async function plaintextStore(sb: Sandbox): Promise<string> {
  const store = sb.p('store');
  expect((await sb.run(['at', store, 'create', '-plaintext'])).code).toBe(0);
  return store;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.concurrent('plakar stand-in (not a real plakar)', () => {
  it('check detects a tampered or missing blob: KO lines on stderr, exit 65', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const content = randomBytes(4096);
    await writeTree(sb.p('src'), { 'data.bin': content, 'other.txt': 'untouched' });
    expect((await sb.run(['-quiet', 'at', store, 'backup', sb.p('src')])).code).toBe(0);
    const mac = createHash('sha256').update(content).digest('hex');
    const blob = path.join(store, 'packfiles', mac.slice(0, 2), mac);
    const raw = await readFile(blob);
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0xff;
    await writeFile(blob, raw);

    const result = await sb.run(['-quiet', 'at', store, 'check']);
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(new RegExp(`^[0-9a-f]{8}: KO ✘ object=${mac}: chunk corrupted$`, 'm'));
    expect(result.stderr).toMatch(/: object corrupted$/m);
    expect(lines(result.stdout)).toEqual([expect.stringMatching(/check completed with 1 error in /), 'plakar: check failed for 1 snapshot']);

    await rm(blob);
    const missing = await sb.run(['-quiet', 'at', store, 'check']);
    expect(missing.code).toBe(65);
    expect(missing.stderr).toContain(`object=${mac}: chunk is missing`);
  });

  it('deduplicates content: the out counter only counts newly written bytes', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const payload = randomBytes(512 * 1024);
    await writeTree(sb.p('one'), { 'big.bin': payload });
    await writeTree(sb.p('two'), { 'copy.bin': payload });
    const first = resultLines((await sb.run(['-quiet', 'at', store, 'backup', sb.p('one')])).stdout)[0];
    const second = resultLines((await sb.run(['-quiet', 'at', store, 'backup', '-cache', 'no', sb.p('two')])).stdout)[0];
    expect(first?.[6]).toBe('0 B');
    expect(parseIBytes(first?.[7] ?? '')).toBeGreaterThan(payload.length);
    expect(parseIBytes(second?.[7] ?? '')).toBeLessThan(16 * 1024);
  });

  it('stops on SIGTERM: graceful message, "plakar: interrupted", no snapshot, no lock, no temp file', async () => {
    const sb = await sandbox({ delayPerFileMs: 2000 });
    const store = await plaintextStore(sb);
    await writeTree(sb.p('src'), { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
    const abort = new AbortController();
    const result = await sb.run(['at', store, 'backup', sb.p('src')], {
      signal: abort.signal,
      onStdoutLine: (line) => {
        if (line.endsWith(` OK ✓ ${sb.p('src')}`)) abort.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('plakar: received interrupt signal, stopping gracefully...');
    expect(lines(result.stdout).at(-1)).toBe('plakar: interrupted');
    expect((await sb.run(['at', store, 'ls'])).stdout).toBe('');
    expect(await readdir(path.join(store, 'locks'))).toEqual([]);
    expect((await filesUnder(store)).filter((f) => path.basename(f).startsWith('.tmp-'))).toEqual([]);
  });

  // As recorded from plakar v1.1.4 (fixtures/v1.1.4/backup-disk-full.json): a failed packfile write
  // is logged, the data is dropped, and the backup still commits, reports success and exits 0; the
  // snapshot then fails check.
  it('a store write failing mid-way (failBackupAfterFiles) is logged, and the damaged snapshot is committed like v1.1.4 does', async () => {
    const sb = await sandbox({ failBackupAfterFiles: 1 });
    const store = await plaintextStore(sb);
    await writeTree(sb.p('src'), { 'a.txt': 'first', 'b.txt': 'second', 'c.txt': 'third' });
    const result = await sb.run(['-quiet', 'at', store, 'backup', sb.p('src')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f]{8}: backup completed without errors in /);
    expect(result.stderr).toMatch(/^error: Flusher group error: failed to flush packer: write \S+: input\/output error$/m);
    expect(lines((await sb.run(['at', store, 'ls'])).stdout)).toHaveLength(1);
    expect((await sb.run(['at', store, 'check'])).code).toBe(65);
  });

  it('simulates a full disk (diskFullAfterBytes) the same way', async () => {
    const sb = await sandbox({ diskFullAfterBytes: 2000 });
    const store = await plaintextStore(sb);
    await writeTree(sb.p('src'), { 'random.bin': randomBytes(8000) });
    const result = await sb.run(['-quiet', 'at', store, 'backup', sb.p('src')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^error: Flusher group error: failed to flush packer: write \S+: no space left on device$/m);
    expect((await sb.run(['at', store, 'check'])).code).toBe(65);
  });

  it('refuses a backup while maintenance holds the exclusive lock, and vice versa', async () => {
    const sb = await sandbox({ maintenanceHoldMs: 1500 });
    const store = await plaintextStore(sb);
    await writeTree(sb.p('src'), { 'a.txt': 'a' });
    const maintenance = sb.run(['at', store, 'maintenance']);
    await waitFor(async () => (await readdir(path.join(store, 'locks'))).length > 0);
    const blocked = await sb.run(['-quiet', 'at', store, 'backup', sb.p('src')]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain("error: Can't take repository lock, it's already locked by maintenance.");
    expect(blocked.stdout).toBe("plakar: Can't take repository lock, it's already locked by maintenance.\n");
    const done = await maintenance;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/^maintenance: Coloured \d+ packfiles \(0 orphaned\) for deletion$/m);

    const slow = await sandbox({ delayPerFileMs: 1500 });
    const store2 = await plaintextStore(slow);
    await writeTree(slow.p('src'), { 'a.txt': 'a' });
    const running = slow.run(['-quiet', 'at', store2, 'backup', slow.p('src')]);
    await waitFor(async () => (await readdir(path.join(store2, 'locks'))).length > 0);
    const refused = await slow.run(['at', store2, 'maintenance']);
    expect(refused).toMatchObject({ code: 1, stdout: "plakar: Can't take exclusive lock, repository is already locked\n" });
    expect((await running).code).toBe(0);
  });

  it('ignores and removes a stale maintenance lock', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    await writeTree(sb.p('src'), { 'a.txt': 'a' });
    const lockId = 'f'.repeat(64);
    const old = new Date(Date.now() - 11 * 60 * 1000).toISOString();
    await writeFile(path.join(store, 'locks', lockId), JSON.stringify({ version: '1.0.0', timestamp: old, hostname: 'elsewhere', exclusive: true }));
    expect((await sb.run(['-quiet', 'at', store, 'backup', sb.p('src')])).code).toBe(0);
    expect(existsSync(path.join(store, 'locks', lockId))).toBe(false);
  });

  it('reclaims unreferenced blobs with maintenance after rm, keeping what is still used', async () => {
    const sb = await sandbox({ gracePeriod: '0s' });
    const store = await plaintextStore(sb);
    await writeTree(sb.p('src'), { 'keep.txt': 'kept content', 'drop.bin': randomBytes(20_000) });
    expect((await sb.run(['-quiet', 'at', store, 'backup', sb.p('src')])).code).toBe(0);
    await rm(sb.p('src', 'drop.bin'));
    expect((await sb.run(['-quiet', 'at', store, 'backup', sb.p('src')])).code).toBe(0);
    const ids = lines((await sb.run(['at', store, 'ls', '-uuid'])).stdout).map((l) => LS_LINE.exec(l)?.[2] ?? '');
    expect((await sb.run(['at', store, 'rm', '-apply', ids[1] ?? ''])).code).toBe(0);
    const before = (await filesUnder(path.join(store, 'packfiles'))).length;
    const result = await sb.run(['at', store, 'maintenance']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^maintenance: 0 blobs and [1-9]\d* packfiles were removed$/m);
    expect((await filesUnder(path.join(store, 'packfiles'))).length).toBeLessThan(before);
    expect((await sb.run(['-quiet', 'at', store, 'check'])).code).toBe(0);
  });

  it('exits 78 on a store version mismatch, never stores the passphrase, encrypts blobs', async () => {
    const sb = await sandbox();
    const store = sb.p('store');
    expect((await sb.run(['at', store, 'create'], { passphrase: PASS })).code).toBe(0);
    await writeTree(sb.p('src'), { 'note.txt': 'a very recognisable plaintext sentence' });
    expect((await sb.run(['-quiet', 'at', store, 'backup', sb.p('src')], { passphrase: PASS })).code).toBe(0);
    for (const file of await filesUnder(store)) {
      const text = await readFile(file, 'latin1');
      expect(text).not.toContain(PASS);
      expect(text).not.toContain('recognisable plaintext');
    }
    const configPath = path.join(store, 'CONFIG');
    const config = JSON.parse(await readFile(configPath, 'utf8')) as { version: string };
    await writeFile(configPath, JSON.stringify({ ...config, version: '0.9.0' }));
    const result = await sb.run(['at', store, 'ls'], { passphrase: PASS });
    expect(result.code).toBe(78);
    expect(result.stderr).toBe('plakar: incompatible repository version: 0.9.0 != 1.0.0\n');
  });

  it('prompts on /dev/tty when it can, blocking until a passphrase is typed', async () => {
    if (process.platform !== 'linux' || spawnSync('script', ['--version']).status !== 0) return;
    const sb = await sandbox();
    const store = sb.p('store');
    expect((await sb.run(['at', store, 'create'], { passphrase: PASS })).code).toBe(0);
    const env = buildPlakarEnv(sb.dirs, undefined);
    const runInPty = (input: string | undefined, waitMs: number): Promise<{ output: string; exited: boolean }> =>
      new Promise((resolve) => {
        const child = spawn('script', ['-qec', `${standinBinPath()} at ${store} ls`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
        let output = '';
        let exited = false;
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (input !== undefined && output.includes('repository passphrase: ')) {
            const line = input;
            input = undefined;
            // Like a person typing: after the prompt, once echo is off.
            setTimeout(() => child.stdin.write(line), 300);
          }
        });
        child.on('exit', () => {
          exited = true;
        });
        setTimeout(() => {
          if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
          resolve({ output, exited });
        }, waitMs);
      });
    const blocked = await runInPty(undefined, 1500);
    expect(blocked.output).toContain('repository passphrase: ');
    expect(blocked.exited).toBe(false);
    const answered = await runInPty(`${PASS}\n`, 3000);
    expect(answered.exited).toBe(true);
    expect(answered.output).not.toContain('failed to unlock');
    expect(answered.output).not.toContain(PASS);
  });

  it('the wrapper explains how to build a missing bundle', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plakar-wrapper-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const bin = path.join(dir, 'testkit', 'plakar-standin', 'bin');
    await mkdir(bin, { recursive: true });
    await copyFile(standinBinPath(), path.join(bin, 'plakar'));
    const result = spawnSync('bash', [path.join(bin, 'plakar'), 'version'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('node scripts/build-node.mjs plakarStandin');
  });

  it('rejects an invalid control file loudly', async () => {
    const sb = await sandbox({ delayPerFileMs: 'slow' });
    const result = await sb.run(['version']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/standin-control\.json: delayPerFileMs must be a non-negative number/);
  });
});
