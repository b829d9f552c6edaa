/**
 * plakar v1.1.x CLI contract (../shared/reference/plakar-cli.md), driven only through the
 * adapter's process runner. Runs against the stand-in by default and, unchanged, against a real
 * plakar when PLAKAR_BIN points at one: assertions stick to documented behaviour.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, utimes, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LS_ENTRY, LS_LINE, lines, makeHome, makeSandbox, resultLines, writeTree, type PlakarHome, type Sandbox } from './test-helpers';
import { plakarUnderTestLabel } from './index';

const PASS = 'correct horse battery staple';

// One plakar config/cache/data home for the file (the security check is disabled once for it);
// every test works in its own temp dir for stores, sources and restore targets.
// Tests run concurrently, so temp dirs are removed once the whole file is done.
let home: PlakarHome;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  home = await makeHome();
  cleanups.push(() => home.cleanup());
});
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

async function sandbox(options?: { ownHome?: PlakarHome | true }): Promise<Sandbox> {
  const sb = await makeSandbox(options?.ownHome === true ? undefined : (options?.ownHome ?? home));
  cleanups.push(() => sb.cleanup());
  return sb;
}

async function plaintextStore(sb: Sandbox, name = 'store'): Promise<string> {
  const store = sb.p(name);
  const result = await sb.run(['at', store, 'create', '-plaintext']);
  expect(result.code, result.stderr + result.stdout).toBe(0);
  return store;
}

async function encryptedStore(sb: Sandbox, name = 'store'): Promise<string> {
  const store = sb.p(name);
  const result = await sb.run(['at', store, 'create'], { passphrase: PASS });
  expect(result.code, result.stderr + result.stdout).toBe(0);
  return store;
}

async function sourceTree(sb: Sandbox, files: Record<string, string | Buffer> = { 'a.txt': 'alpha\n', 'sub/b.txt': 'bravo\n' }): Promise<string> {
  const src = sb.p('src');
  await writeTree(src, files);
  return src;
}

/** backup -job <uuid>, then ls -uuid -job <uuid>: the documented way to learn the full ID. */
async function backup(sb: Sandbox, store: string, src: string, extra: string[] = [], passphrase?: string): Promise<{ id: string; stdout: string; stderr: string }> {
  const job = randomUUID();
  const result = await sb.run(['-quiet', 'at', store, 'backup', '-no-progress', '-job', job, ...extra, src], { passphrase });
  expect(result.code, result.stderr + result.stdout).toBe(0);
  const ls = await sb.run(['at', store, 'ls', '-uuid', '-job', job], { passphrase });
  expect(ls.code, ls.stderr).toBe(0);
  const match = LS_LINE.exec(lines(ls.stdout)[0] ?? '');
  expect(match, ls.stdout).not.toBeNull();
  return { id: match?.[2] ?? '', stdout: result.stdout, stderr: result.stderr };
}

describe.concurrent(`${plakarUnderTestLabel()}: global grammar`, () => {
  it('prints the version as plakar/vX.Y.Z', async () => {
    const sb = await sandbox();
    const result = await sb.run(['version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^plakar\/v1\.\d+\.\d+\S*\n$/);
  });

  it('prints the welcome banner on the first run, until -disable-security-check', async () => {
    const fresh = await makeHome({ disableSecurityCheck: false });
    cleanups.push(() => fresh.cleanup());
    const sb = await sandbox({ ownHome: fresh });
    const first = await sb.run(['version']);
    expect(first.code).toBe(0);
    expect(first.stdout.startsWith('Welcome to plakar !\n')).toBe(true);
    expect(lines(first.stdout)).toContain('EOT');
    expect(first.stdout).toMatch(/\nEOT\n(.*\n)*plakar\/v\d+\.\d+\.\d+\S*\n$/);

    const disable = await sb.run(['-disable-security-check']);
    expect(disable).toMatchObject({ code: 0, stdout: 'security check disabled\n' });
    expect(existsSync(path.join(sb.cacheDir, 'cookies', '1.0.0', '.disabled-security-check'))).toBe(true);
    const again = await sb.run(['version']);
    expect(again.stdout).toMatch(/^plakar\/v\d+\.\d+\.\d+\S*\n$/);
  });

  it('creates the config files on the first run', async () => {
    const sb = await sandbox({ ownHome: true });
    for (const file of ['stores.yml', 'sources.yml', 'destinations.yml']) {
      expect(await readFile(path.join(sb.configDir, file), 'utf8')).toMatch(/version: v1\.0\.0/);
    }
  });

  it('refuses a malformed config file with yaml.v3’s message and line', async () => {
    const sb = await sandbox({ ownHome: true });
    const cases: Array<[string, string]> = [
      ['version: v1.0.0\nstores\n', "yaml: line 2: could not find expected ':'"],
      ['version: v1.0.0\nstores:\n    a:\n        location /x\n        other: y\n', 'yaml: line 5: mapping values are not allowed in this context'],
      ["version: v1.0.0\nstores:\n    a:\n        location: '/x\n        b: c\n", 'yaml: line 4: found unexpected end of stream'],
      ['version: v1.0.0\nstores:\n    a:\n        l: x\n      m: y\n', 'yaml: line 2: did not find expected key'],
    ];
    for (const [text, message] of cases) {
      await writeFile(path.join(sb.configDir, 'stores.yml'), text);
      const result = await sb.run(['version']);
      expect(result.code, text).toBe(1);
      expect(result.stderr, text).toBe(`plakar: could not load configuration: failed to parse config file: ${message}\n`);
    }
  });

  it('rejects unknown global flags (including v1.0 -no-agent) with exit 2', async () => {
    const sb = await sandbox();
    for (const flag of ['-bogus', '-no-agent']) {
      const result = await sb.run([flag, 'version']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`flag provided but not defined: ${flag}`);
      expect(result.stderr).toMatch(/Usage: /);
    }
  });

  it('needs a subcommand, and `at` needs a store and a command', async () => {
    const sb = await sandbox();
    const none = await sb.run([]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('plakar: a subcommand must be provided');
    const at = await sb.run(['at']);
    expect(at.code).toBe(1);
    expect(at.stderr).toMatch(/plakar: missing plakar repository/);
    const atStore = await sb.run(['at', sb.p('store')]);
    expect(atStore.code).toBe(1);
    expect(atStore.stderr).toMatch(/plakar: missing command/);
  });

  it('reports unknown commands and unresolved @names on stderr with exit 1', async () => {
    const sb = await sandbox();
    const unknown = await sb.run(['at', sb.p('store'), 'frobnicate']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('command not found: frobnicate');
    const alias = await sb.run(['at', '@nowhere', 'ls']);
    expect(alias.code).toBe(1);
    expect(alias.stderr).toContain('plakar: could not resolve repository: @nowhere');
  });

  it('exits 66 with the two-line message when the store has no CONFIG', async () => {
    const sb = await sandbox();
    const dir = sb.p('empty');
    await mkdir(dir);
    const result = await sb.run(['at', dir, 'ls']);
    expect(result.code).toBe(66);
    expect(lines(result.stderr)).toEqual([
      `plakar: failed to open the repository at fs://${dir}: open ${dir}/CONFIG: no such file or directory`,
      'To specify an alternative repository, please use "plakar at <location> <command>".',
    ]);
    const relative = await sb.run(['at', 'empty', 'ls']);
    expect(relative.code).toBe(66);
    expect(relative.stderr).toContain(`failed to open the repository at fs://${dir}:`);
  });

  it('exits 66 for an unknown storage scheme', async () => {
    const sb = await sandbox();
    const result = await sb.run(['at', 'xyz://somewhere', 'ls']);
    expect(result.code).toBe(66);
    expect(result.stderr).toContain("plakar: backend 'xyz' does not exist");
    expect(result.stderr).toContain('To specify an alternative repository');
  });

  it('parses subcommand flags Go-style: -f=v, --f, stops at the first positional, -h exits 0', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    await backup(sb, store, src, ['-tag', 'one']);
    const eq = await sb.run(['at', store, 'ls', '--tag=one', '-uuid=true']);
    expect(eq.code).toBe(0);
    expect(lines(eq.stdout)).toHaveLength(1);
    const afterPositional = await sb.run(['at', store, 'ls', '/', '-uuid']);
    expect(afterPositional.code).toBe(1);
    expect(afterPositional.stderr).toContain('plakar: too many arguments');
    const unknown = await sb.run(['at', store, 'ls', '-bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('flag provided but not defined: -bogus');
    const help = await sb.run(['at', store, 'ls', '-h']);
    expect(help.code).toBe(0);
    expect(help.stderr).toMatch(/Usage: ls/);
  });
});

describe.concurrent(`${plakarUnderTestLabel()}: create and passphrases`, () => {
  it('creates a store silently, making a missing directory with mode 0700', async () => {
    const sb = await sandbox();
    const store = sb.p('deep', 'store');
    await mkdir(sb.p('deep'));
    const result = await sb.run(['at', store, 'create'], { passphrase: PASS });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(path.join(store, 'CONFIG'))).toBe(true);
    expect((await stat(store)).mode & 0o777).toBe(0o700);
  });

  it('refuses a non-empty directory on stdout with exit 1', async () => {
    const sb = await sandbox();
    const dir = sb.p('busy');
    await writeTree(dir, { 'file.txt': 'x' });
    const result = await sb.run(['at', dir, 'create', '-plaintext']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`plakar: directory ${dir} is not empty\n`);
  });

  it('cannot prompt without a tty: create exits 1, opening exits 77', async () => {
    const sb = await sandbox();
    const created = await sb.run(['at', sb.p('s1'), 'create']);
    expect(created.code).toBe(1);
    expect(created.stderr).toContain('repository passphrase: ');
    expect(created.stderr).toContain('plakar: inappropriate ioctl for device');
    const store = await encryptedStore(sb);
    const opened = await sb.run(['at', store, 'ls']);
    expect(opened.code).toBe(77);
    expect(opened.stderr).toContain('repository passphrase: ');
    expect(opened.stderr).toContain('plakar: inappropriate ioctl for device');
  });

  it('fails to unlock with a wrong passphrase: stderr, exit 77', async () => {
    const sb = await sandbox();
    const store = await encryptedStore(sb);
    const result = await sb.run(['at', store, 'ls'], { passphrase: 'wrong' });
    expect(result.code).toBe(77);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual(['plakar: failed to unlock repository']);
  });

  it('applies keyfile > store config passphrase > passphrase_cmd > PLAKAR_PASSPHRASE', async () => {
    const sb = await sandbox();
    const store = await encryptedStore(sb);
    const good = sb.p('good.key');
    const bad = sb.p('bad.key');
    await writeFile(good, `${PASS}\n`, { mode: 0o600 });
    await writeFile(bad, 'nope\n', { mode: 0o600 });

    expect((await sb.run(['-keyfile', good, 'at', store, 'ls'], { passphrase: 'wrong' })).code).toBe(0);
    expect((await sb.run(['-keyfile', bad, 'at', store, 'ls'], { passphrase: PASS })).code).toBe(77);

    expect((await sb.run(['store', 'add', 'withpass', store, `passphrase=${PASS}`])).code).toBe(0);
    expect((await sb.run(['store', 'add', 'badpass', store, 'passphrase=nope'])).code).toBe(0);
    expect((await sb.run(['store', 'add', 'withcmd', store, `passphrase_cmd=echo '${PASS}'`])).code).toBe(0);
    expect((await sb.run(['at', '@withpass', 'ls'], { passphrase: 'wrong' })).code).toBe(0);
    expect((await sb.run(['at', '@badpass', 'ls'], { passphrase: PASS })).code).toBe(77);
    expect((await sb.run(['-keyfile', good, 'at', '@badpass', 'ls'])).code).toBe(0);
    expect((await sb.run(['at', '@withcmd', 'ls'], { passphrase: 'wrong' })).code).toBe(0);
  });

  it('treats an empty passphrase as none, and an unreadable keyfile as an error', async () => {
    const sb = await sandbox();
    const empty = sb.p('empty.key');
    await writeFile(empty, '\n');
    const created = await sb.run(['-keyfile', empty, 'at', sb.p('s'), 'create']);
    expect(created.code).toBe(1);
    expect(created.stderr).toContain('plakar: inappropriate ioctl for device');
    const missing = await sb.run(['-keyfile', sb.p('nope.key'), 'at', sb.p('s'), 'create']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`plakar: could not read key file: open ${sb.p('nope.key')}: no such file or directory`);
  });

  it('trims exactly one trailing newline from the keyfile', async () => {
    const sb = await sandbox();
    const store = await encryptedStore(sb);
    const crlf = sb.p('crlf.key');
    await writeFile(crlf, `${PASS}\r\n`);
    expect((await sb.run(['-keyfile', crlf, 'at', store, 'ls'])).code).toBe(77);
    const bare = sb.p('bare.key');
    await writeFile(bare, PASS);
    expect((await sb.run(['-keyfile', bare, 'at', store, 'ls'])).code).toBe(0);
  });
});

describe.concurrent(`${plakarUnderTestLabel()}: backup`, () => {
  it('prints OK lines for every path incl. parents, then the result line; -quiet keeps only the result', async () => {
    const sb = await sandbox();
    const store = await encryptedStore(sb);
    const src = await sourceTree(sb);
    const result = await sb.run(['at', store, 'backup', '-no-progress', src], { passphrase: PASS });
    expect(result.code, result.stderr).toBe(0);
    const ok = lines(result.stdout).filter((l) => / OK ✓ /.test(l));
    const paths = ok.map((l) => l.replace(/^[0-9a-f]{8}: OK ✓ /, ''));
    expect(paths).toEqual(expect.arrayContaining(['/', path.dirname(src), src, path.join(src, 'a.txt'), path.join(src, 'sub'), path.join(src, 'sub', 'b.txt')]));
    const [res] = resultLines(result.stdout);
    expect(res?.[2]).toBe('backup');
    expect(res?.[3]).toBe('without errors');
    expect(ok.every((l) => l.startsWith(`${res?.[1]}: `))).toBe(true);

    const quiet = await sb.run(['-quiet', 'at', store, 'backup', src], { passphrase: PASS });
    expect(quiet.code).toBe(0);
    expect(lines(quiet.stdout)).toHaveLength(1);
    expect(resultLines(quiet.stdout)).toHaveLength(1);
  });

  it('records tags, name and job; ls -uuid -job finds the full ID', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const { id } = await backup(sb, store, src, ['-tag', 'app,daily', '-name', 'notion']);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const list = await sb.run(['at', store, 'ls', '-tags']);
    const match = LS_LINE.exec(lines(list.stdout)[0] ?? '');
    expect(match?.[2]).toBe(id.slice(0, 8));
    expect(match?.[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(match?.[4]).toMatch(/^(\d+h)?(\d+m)?\d+s$/);
    expect(match?.[5]).toBe(src);
    expect(match?.[6]).toBe('app,daily');
    expect(lines((await sb.run(['at', store, 'ls', '-name', 'notion'])).stdout)).toHaveLength(1);
    expect((await sb.run(['at', store, 'ls', '-name', 'other'])).stdout).toBe('');
  });

  it('allows -tag only once', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const result = await sb.run(['at', store, 'backup', '-tag', 'a', '-tag', 'b', src]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tags should be specified only once');
  });

  it('fails on a missing source with the importer message on stdout', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const missing = sb.p('missing');
    const result = await sb.run(['at', store, 'backup', missing]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`plakar: failed to create an importer for ${missing}: lstat ${missing}: no such file or directory`);
  });

  it('skips the store when it lives inside the source', async () => {
    const sb = await sandbox();
    const src = await sourceTree(sb);
    const store = path.join(src, 'kloset');
    expect((await sb.run(['at', store, 'create', '-plaintext'])).code).toBe(0);
    const result = await sb.run(['-quiet', 'at', store, 'backup', src]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warn: skipping entry from repository: ${store}`);
  });

  it.skipIf(process.getuid?.() === 0)('reports unreadable files as KO on stderr and still exits 0', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb, { 'ok.txt': 'fine', 'secret.txt': 'hidden' });
    await chmod(path.join(src, 'secret.txt'), 0);
    const result = await sb.run(['-quiet', 'at', store, 'backup', src]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^[0-9a-f]{8}: KO ✘ ${path.join(src, 'secret.txt')}: .*permission denied$`, 'm'));
    expect(resultLines(result.stdout)[0]?.[3]).toBe('with 1 error');
  });
});

describe.concurrent(`${plakarUnderTestLabel()}: reading snapshots`, () => {
  it('ls SNAP[:PATH] lists names, -recursive full paths, with Go file modes', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const { id } = await backup(sb, store, src);
    const top = lines((await sb.run(['at', store, 'ls', id])).stdout).map((l) => LS_ENTRY.exec(l));
    expect(top.map((m) => m?.[6])).toEqual(['a.txt', 'sub']);
    expect(top[0]?.[2]).toMatch(/^-[rwx-]{9}$/);
    expect(top[0]?.[5]).toBe('6 B');
    expect(top[1]?.[2]).toMatch(/^d[rwx-]{9}$/);
    const sub = lines((await sb.run(['at', store, 'ls', `${id.slice(0, 8)}:sub`])).stdout);
    expect(sub.map((l) => LS_ENTRY.exec(l)?.[6])).toEqual(['b.txt']);
    const recursive = lines((await sb.run(['at', store, 'ls', '-recursive', id])).stdout).map((l) => LS_ENTRY.exec(l)?.[6]);
    expect(recursive).toEqual([path.join(src, 'a.txt'), path.join(src, 'sub'), path.join(src, 'sub', 'b.txt')]);
    const missing = await sb.run(['at', store, 'ls', `${id}:nope`]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('plakar: file does not exist\n');
  });

  it('info SNAP shows the full ID, tags, importer and command line', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const { id } = await backup(sb, store, src, ['-tag', 'a,b']);
    const info = await sb.run(['at', store, 'info', id.slice(0, 10)]);
    expect(info.code).toBe(0);
    const out = lines(info.stdout);
    expect(out).toContain(`SnapshotID: ${id}`);
    expect(out).toContain('Tags: a, b');
    expect(out).toContain(' - Type: fs');
    expect(out).toContain(` - Directory: ${src}`);
    expect(out.find((l) => l.startsWith(' - CommandLine: '))).toMatch(/backup .*-job [0-9a-f-]{36} .*-tag a,b/);
  });

  it('cat writes the exact bytes, and reports per-argument errors', async () => {
    const sb = await sandbox();
    const store = await encryptedStore(sb);
    const binary = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.alloc(70_000, 7)]);
    const src = await sourceTree(sb, { 'blob.bin': binary, 'dir/x.json': '{"a":1}' });
    const { id } = await backup(sb, store, src, [], PASS);
    const cat = await sb.run(['at', store, 'cat', `${id}:blob.bin`], { passphrase: PASS });
    expect(cat.code).toBe(0);
    expect(cat.stdoutBytes.equals(binary)).toBe(true);
    const json = await sb.run(['at', store, 'cat', `${id}:${path.join(src, 'dir', 'x.json')}`], { passphrase: PASS });
    expect(json.stdout).toBe('{"a":1}');
    const bad = await sb.run(['at', store, 'cat', `${id}:nope.txt`, `${id}:dir`], { passphrase: PASS });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('plakar: errors occurred\n');
    expect(bad.stderr).toContain(`error: cat: ${path.join(src, 'nope.txt')}: no such file`);
    expect(bad.stderr).toContain(`error: cat: ${path.join(src, 'dir')}: not a regular file`);
  });

  it('check passes on a clean store with one result line per snapshot', async () => {
    const sb = await sandbox();
    const store = await encryptedStore(sb);
    const src = await sourceTree(sb);
    await backup(sb, store, src, [], PASS);
    const result = await sb.run(['-quiet', 'at', store, 'check'], { passphrase: PASS });
    expect(result.code).toBe(0);
    const res = resultLines(result.stdout);
    expect(res).toHaveLength(1);
    expect(res[0]?.[2]).toBe('check');
    expect(res[0]?.[3]).toBe('without errors');
  });
});

describe.concurrent(`${plakarUnderTestLabel()}: snapshot prefixes and selectors`, () => {
  it('ls/info/cat: no match and ambiguity are errors on stdout, exit 1', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const first = await backup(sb, store, src);
    await backup(sb, store, src);
    const ambiguous = await sb.run(['at', store, 'ls', `${src}/a.txt`]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toBe('plakar: snapshot ID is ambiguous:  (matches 2 snapshots)\n');
    const none = await sb.run(['at', store, 'info', 'zz']);
    expect(none).toMatchObject({ code: 1, stdout: 'plakar: no snapshot has prefix: zz\n' });
    const upper = first.id.slice(0, 8).toUpperCase();
    if (upper !== first.id.slice(0, 8)) {
      expect((await sb.run(['at', store, 'ls', upper])).stdout).toBe(`plakar: no snapshot has prefix: ${upper}\n`);
    }
    expect((await sb.run(['at', store, 'ls', first.id.slice(0, 8)])).code).toBe(0);
  });

  it('restore takes the newest match; rm and check act on all matches', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb, { 'v.txt': 'one' });
    await backup(sb, store, src);
    await writeFile(path.join(src, 'v.txt'), 'two');
    await backup(sb, store, src);
    const to = sb.p('out');
    const restored = await sb.run(['-quiet', 'at', store, 'restore', '-to', to, src]);
    expect(restored.code, restored.stdout).toBe(0);
    expect(await readFile(path.join(to, 'v.txt'), 'utf8')).toBe('two');

    const checkAll = await sb.run(['-quiet', 'at', store, 'check', src]);
    expect(checkAll.code).toBe(0);
    expect(resultLines(checkAll.stdout)).toHaveLength(2);
    const badPrefix = await sb.run(['at', store, 'check', 'abc']);
    expect(badPrefix).toMatchObject({ code: 1, stdout: 'plakar: invalid snapshot prefix: abc\n' });

    const plan = await sb.run(['at', store, 'rm', '']);
    expect(plan.code).toBe(0);
    expect(lines(plan.stdout)[0]).toBe('rm: would remove these 2 snapshot(s), run with -apply to proceed');
    expect(lines((await sb.run(['at', store, 'ls'])).stdout)).toHaveLength(2);
  });

  it('-tag requires every tag, !tag excludes, -latest keeps the newest', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const a = await backup(sb, store, src, ['-tag', 'x,y']);
    const b = await backup(sb, store, src, ['-tag', 'x']);
    const ids = async (args: string[]): Promise<string[]> =>
      lines((await sb.run(['at', store, 'ls', '-uuid', ...args])).stdout).map((l) => LS_LINE.exec(l)?.[2] ?? '');
    expect(await ids([])).toEqual([b.id, a.id]);
    expect(await ids(['-tag', 'x,y'])).toEqual([a.id]);
    expect(await ids(['-tag', 'x', '-tag', '!y'])).toEqual([b.id]);
    expect(await ids(['-latest'])).toEqual([b.id]);
    expect(await ids(['-since', '1h'])).toEqual([b.id, a.id]);
    expect(await ids(['-before', '2000-01-01'])).toEqual([]);
  });
});

describe.concurrent(`${plakarUnderTestLabel()}: restore (v1.1 layout)`, () => {
  it('puts the contents of the selected directory directly into -to', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const { id } = await backup(sb, store, src);
    const run = async (to: string, arg: string): Promise<void> => {
      const result = await sb.run(['-quiet', 'at', store, 'restore', '-to', to, arg]);
      expect(result, result.stderr).toMatchObject({ code: 0, stdout: '' });
    };
    await run(sb.p('r1'), id);
    expect((await readdir(sb.p('r1'))).sort()).toEqual(['a.txt', 'sub']);
    expect(await readFile(sb.p('r1', 'sub', 'b.txt'), 'utf8')).toBe('bravo\n');
    await run(sb.p('r2'), `${id}:sub`);
    expect(await readdir(sb.p('r2'))).toEqual(['b.txt']);
    await run(sb.p('r3'), `${id}:${path.join(src, 'sub')}`);
    expect(await readdir(sb.p('r3'))).toEqual(['b.txt']);
    await run(sb.p('r4'), `${id}:sub/b.txt`);
    expect(await readdir(sb.p('r4'))).toEqual(['b.txt']);
    await run(sb.p('r5'), `${id}:/`);
    expect(await readFile(path.join(sb.p('r5'), src, 'a.txt'), 'utf8')).toBe('alpha\n');
  });

  it('prints OK lines relative to the target unless -quiet', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const { id } = await backup(sb, store, src);
    const result = await sb.run(['at', store, 'restore', '-to', sb.p('r'), id]);
    expect(result.code).toBe(0);
    const ok = lines(result.stdout).map((l) => l.replace(/^[0-9a-f]{8}: OK ✓ /, ''));
    expect(ok.sort()).toEqual(['/', '/a.txt', '/sub', '/sub/b.txt']);
  });

  it('defaults -to to <cwd>/plakar-YYYYMMDDhhmmss', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const { id } = await backup(sb, store, src);
    const cwd = sb.p('here');
    await mkdir(cwd);
    expect((await sb.run(['-quiet', 'at', store, 'restore', id], { cwd })).code).toBe(0);
    const [made] = await readdir(cwd);
    expect(made).toMatch(/^plakar-\d{14}$/);
    expect(await readFile(path.join(cwd, made ?? '', 'a.txt'), 'utf8')).toBe('alpha\n');
  });

  it('needs the parent of -to to exist', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const { id } = await backup(sb, store, src);
    const result = await sb.run(['-quiet', 'at', store, 'restore', '-to', sb.p('no', 'such', 'dir'), id]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^plakar: /);
    expect(existsSync(sb.p('no'))).toBe(false);
  });

  it('overwrites existing files, deletes nothing, restores modes and mtimes', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb, { 'a.txt': 'alpha\n', 'private.txt': 'p' });
    await chmod(path.join(src, 'private.txt'), 0o600);
    const when = new Date('2021-03-04T05:06:07Z');
    await utimes(path.join(src, 'a.txt'), when, when);
    const { id } = await backup(sb, store, src);
    const to = sb.p('target');
    await writeTree(to, { 'a.txt': 'stale content', 'extra.txt': 'keep me' });
    expect((await sb.run(['-quiet', 'at', store, 'restore', '-to', to, id])).code).toBe(0);
    expect(await readFile(path.join(to, 'a.txt'), 'utf8')).toBe('alpha\n');
    expect(await readFile(path.join(to, 'extra.txt'), 'utf8')).toBe('keep me');
    expect(Math.round((await stat(path.join(to, 'a.txt'))).mtimeMs / 1000)).toBe(when.getTime() / 1000);
    expect((await stat(path.join(to, 'private.txt'))).mode & 0o777).toBe(0o600);
  });

  it('fails with "no snapshots found" when nothing matches', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const result = await sb.run(['at', store, 'restore', '-to', sb.p('x'), 'abcdef']);
    expect(result).toMatchObject({ code: 1, stdout: 'plakar: no snapshots found\n' });
  });
});

describe.concurrent(`${plakarUnderTestLabel()}: rm`, () => {
  it('is a dry run without -apply, removes with -apply', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const src = await sourceTree(sb);
    const { id } = await backup(sb, store, src, ['-tag', 'gone']);
    const plan = await sb.run(['at', store, 'rm', id]);
    expect(plan.code).toBe(0);
    const [head, row] = lines(plan.stdout);
    expect(head).toBe('rm: would remove these 1 snapshot(s), run with -apply to proceed');
    expect(LS_LINE.exec(row ?? '')?.slice(2, 7)).toEqual([id.slice(0, 8), expect.any(String), expect.any(String), src, 'gone']);
    const applied = await sb.run(['at', store, 'rm', '-apply', id]);
    expect(applied).toMatchObject({ code: 0, stdout: `info: rm: removal of ${id.slice(0, 8)} completed successfully\n` });
    expect((await sb.run(['at', store, 'ls'])).stdout).toBe('');
  });

  it('refuses to remove everything and reports an empty selection', async () => {
    const sb = await sandbox();
    const store = await plaintextStore(sb);
    const all = await sb.run(['at', store, 'rm']);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('plakar: no filter specified, not going to remove everything');
    const none = await sb.run(['at', store, 'rm', '-name', 'nothing-has-this-name']);
    expect(none).toMatchObject({ code: 0, stdout: 'info: rm: no snapshots matched the selection\n' });
  });
});
