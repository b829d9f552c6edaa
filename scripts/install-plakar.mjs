#!/usr/bin/env node
// Builds the real plakar binaries the tests run against, with `go build` from the Go module proxy,
// into a cache outside the checkout so a fresh clone (and CI) reuses them:
//   ${XDG_CACHE_HOME:-~/.cache}/notion-plakar-dev/plakar/<version>/plakar
// with Go's module and build caches beside it (…/notion-plakar-dev/go/).
//
// Usage: node scripts/install-plakar.mjs [--json] [version ...]   (default: every version in
// shared/plakar-versions.json). Prints one line per version; with --json, one JSON summary.
// Exit code 0 when every version that the proxy serves was built (or found in the cache), and when
// Go is missing (the tests then use the stand-in and say so); 1 when a build failed. A version the
// proxy refuses is reported, not fatal: see docs/testing-with-plakar.md.
//
// Why not `go install module@version`: plakar v1.1.4 needs go.omarpolo.com/ttlmap, which the
// reachable proxy refuses; `go install` cannot take a replace directive, so we build from a
// throw-away module that requires plakar and replaces ttlmap with scripts/plakar-build/ttlmap.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = 'github.com/PlakarKorp/plakar';

export async function pinnedVersions() {
  return JSON.parse(await readFile(path.join(root, 'shared', 'plakar-versions.json'), 'utf8'));
}

export function devCacheRoot(env = process.env) {
  const base = env.XDG_CACHE_HOME?.trim() ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'notion-plakar-dev');
}

export function plakarBinaryPath(version, env = process.env) {
  return path.join(devCacheRoot(env), 'plakar', version, process.platform === 'win32' ? 'plakar.exe' : 'plakar');
}

function goEnv(cacheRoot) {
  return {
    ...process.env,
    GOPATH: path.join(cacheRoot, 'go'),
    GOMODCACHE: path.join(cacheRoot, 'go', 'pkg', 'mod'),
    GOCACHE: path.join(cacheRoot, 'go', 'build-cache'),
    GOFLAGS: '-modcacherw',
    // The machine's own Go; never download another toolchain.
    GOTOOLCHAIN: 'local',
  };
}

async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** `plakar version` in a throw-away cache dir, so the check prints no banner into a real one. */
export async function builtVersion(bin) {
  const scratch = path.join(os.tmpdir(), `plakar-version-${process.pid}-${Date.now()}`);
  try {
    const { stdout } = await run(bin, ['version'], {
      env: { PATH: process.env.PATH, HOME: scratch, XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch, XDG_DATA_HOME: scratch, TERM: 'dumb' },
      timeout: 30_000,
    });
    return /^plakar\/(v\S+)\s*$/m.exec(stdout)?.[1];
  } catch {
    return undefined;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function refusedByProxy(text) {
  return /403 Forbidden|not available|unknown revision|invalid version/.test(text);
}

/** Builds one version; returns { version, status: 'cached'|'built'|'refused'|'failed', bin?, detail? }. */
export async function installPlakar(version, { log = () => {} } = {}) {
  const cacheRoot = devCacheRoot();
  const bin = plakarBinaryPath(version);
  if ((await exists(bin)) && (await builtVersion(bin)) === version) return { version, status: 'cached', bin };

  const buildDir = path.join(cacheRoot, 'build', version);
  await rm(buildDir, { recursive: true, force: true });
  await mkdir(buildDir, { recursive: true });
  await cp(path.join(root, 'scripts', 'plakar-build', 'ttlmap'), path.join(buildDir, 'ttlmap'), { recursive: true });
  await writeFile(
    path.join(buildDir, 'go.mod'),
    `module notion-plakar-dev/plakar-build\n\ngo 1.25.0\n\nreplace go.omarpolo.com/ttlmap => ./ttlmap\n`,
  );
  const env = goEnv(cacheRoot);
  const options = { cwd: buildDir, env, maxBuffer: 64 * 1024 * 1024 };
  try {
    await run('go', ['get', `${MODULE}@${version}`], options);
    log(`plakar ${version}: building with go (first time only; about 2 minutes)`);
    const partial = `${bin}.partial`;
    await mkdir(path.dirname(bin), { recursive: true });
    await run('go', ['build', '-mod=mod', '-trimpath', '-o', partial, MODULE], options);
    const printed = await builtVersion(partial);
    if (printed !== version) {
      await rm(partial, { force: true });
      return { version, status: 'failed', detail: `the built binary reports ${printed ?? 'no version'}` };
    }
    await rename(partial, bin);
    return { version, status: 'built', bin };
  } catch (error) {
    const text = `${error.stderr ?? ''}${error.message ?? ''}`;
    const lastLines = text.trim().split('\n').slice(-3).join(' | ');
    return { version, status: refusedByProxy(text) ? 'refused' : 'failed', detail: lastLines };
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
}

async function goVersion() {
  try {
    const { stdout } = await run('go', ['version'], { env: { ...process.env, GOTOOLCHAIN: 'local' } });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

async function main(argv) {
  const json = argv.includes('--json');
  const asked = argv.filter((arg) => !arg.startsWith('--'));
  const versions = asked.length > 0 ? asked : (await pinnedVersions()).ci;
  const go = await goVersion();
  if (!go) {
    const message = 'install-plakar: Go is not installed, so the tests will use the plakar stand-in (testkit/plakar-standin). Install Go 1.25+ to test against the real plakar.';
    if (json) console.log(JSON.stringify({ go: null, results: [] }));
    else console.error(message);
    return 0;
  }
  const results = [];
  for (const version of versions) {
    const result = await installPlakar(version, { log: (line) => console.error(line) });
    results.push(result);
    if (!json) {
      const where = result.bin ? ` → ${result.bin}` : '';
      const why = result.detail ? `: ${result.detail}` : '';
      const word = { cached: 'in the cache', built: 'built', refused: 'NOT AVAILABLE from the Go module proxy', failed: 'BUILD FAILED' }[result.status];
      console.log(`plakar ${version}: ${word}${where}${why}`);
    }
  }
  if (json) console.log(JSON.stringify({ go, results }));
  return results.some((result) => result.status === 'failed') ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}

/**
 * The plakar the test suites run against, decided once per run and printed by them:
 * PLAKAR_BIN when set; else the newest CI release already in the cache (npm test runs this script
 * first, so it is built when Go is there); else the stand-in, with the reason.
 * Returns { bin: string|null, version: string|null, label: string } (bin null = the stand-in).
 */
export async function plakarForTests(env = process.env) {
  if (env.PLAKAR_BIN?.trim()) {
    const bin = path.resolve(env.PLAKAR_BIN);
    const version = await builtVersion(bin);
    return { bin, version: version ?? null, label: `plakar ${version ?? '(version unknown)'} from PLAKAR_BIN at ${bin}` };
  }
  if (env.NOTION_PLAKAR_TEST_STANDIN === '1') {
    return { bin: null, version: null, label: 'the plakar stand-in (NOTION_PLAKAR_TEST_STANDIN=1), not a real plakar' };
  }
  const { ci } = await pinnedVersions();
  for (const version of [...ci].reverse()) {
    const bin = plakarBinaryPath(version, env);
    if ((await exists(bin)) && (await builtVersion(bin)) === version) {
      return { bin, version, label: `real plakar ${version} at ${bin}` };
    }
  }
  const why = (await goVersion()) ? 'no plakar release is built yet: run node scripts/install-plakar.mjs' : 'Go is not installed';
  return { bin: null, version: null, label: `the plakar stand-in, not a real plakar (${why})` };
}
