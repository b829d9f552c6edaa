/**
 * Locating the plakar binary tests run against: the stand-in (testkit/plakar-standin/bin/plakar,
 * a bash wrapper around the bundle `node scripts/build-node.mjs plakarStandin` builds), or a real
 * plakar when PLAKAR_BIN points at one.
 */
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

/**
 * What the plakar-facing suites run against, for their titles: "real plakar v1.1.4" or "the plakar
 * stand-in". A report never says plakar when only the stand-in ran. The version comes from the
 * Vitest global setup, which already asked the binary (PLAKAR_UNDER_TEST_VERSION).
 */
export function plakarUnderTestLabel(): string {
  if (!usingRealPlakar()) return 'the plakar stand-in';
  const version = process.env.PLAKAR_UNDER_TEST_VERSION;
  return version ? `real plakar ${version}` : `plakar at ${plakarBinUnderTest()}`;
}
