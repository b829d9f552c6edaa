/**
 * Locating the plakar binary tests run against: the stand-in (testkit/plakar-standin/bin/plakar,
 * a bash wrapper around the bundle `node scripts/build-node.mjs plakarStandin` builds), or a real
 * plakar when PLAKAR_BIN points at one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of the stand-in's executable wrapper. */
export function standinBinPath(): string {
  return path.join(here, 'bin', 'plakar');
}

/** PLAKAR_BIN when set, otherwise the stand-in. */
export function plakarBinUnderTest(): string {
  const fromEnv = process.env.PLAKAR_BIN;
  return fromEnv && fromEnv.trim() !== '' ? fromEnv : standinBinPath();
}

/** True when the tests run against a real plakar (PLAKAR_BIN set to something else than the stand-in). */
export function usingRealPlakar(): boolean {
  return path.resolve(plakarBinUnderTest()) !== standinBinPath();
}

let label: string | undefined;

/**
 * What the plakar-facing suites run against, for their titles: "real plakar v1.1.4" or "the plakar
 * stand-in". A report never says plakar when only the stand-in ran.
 */
export function plakarUnderTestLabel(): string {
  if (label !== undefined) return label;
  if (!usingRealPlakar()) return (label = 'the plakar stand-in');
  try {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'plakar-label-'));
    const env = { PATH: process.env.PATH ?? '', HOME: scratch, XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch, XDG_DATA_HOME: scratch, TERM: 'dumb' };
    const stdout = execFileSync(plakarBinUnderTest(), ['version'], { env, encoding: 'utf8', timeout: 20_000 });
    rmSync(scratch, { recursive: true, force: true });
    label = `real plakar ${/^plakar\/(v\S+)/m.exec(stdout)?.[1] ?? '(unknown version)'}`;
  } catch {
    label = `plakar at ${plakarBinUnderTest()}`;
  }
  return label;
}
