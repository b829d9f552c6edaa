/** Parsing and comparing the version line `plakar version` prints (e.g. `plakar/v1.1.4`). */

export interface PlakarVersion {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release / build suffix such as `-devel.abc123`, empty for a release. */
  suffix: string;
  /** The version as printed, without the `plakar/` prefix (e.g. `v1.2.0-devel.abc`). */
  text: string;
}

const VERSION_LINE = /^plakar\/(v(\d+)\.(\d+)\.(\d+)(\S*))\s*$/m;

/**
 * Finds the version line anywhere in the output: on a first run plakar prints its welcome banner
 * to stdout before the command's own output.
 */
export function parsePlakarVersion(stdout: string): PlakarVersion | undefined {
  const match = VERSION_LINE.exec(stdout.replace(/\r\n/g, '\n'));
  if (!match) return undefined;
  const [, text, major, minor, patch, suffix] = match;
  return { text: text ?? '', major: Number(major), minor: Number(minor), patch: Number(patch), suffix: suffix ?? '' };
}

export function parseVersionNumber(version: string): [number, number, number] {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (!match) throw new Error(`Not a version number: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** Compares the release numbers only (no suffix): negative, zero or positive, like a sort. */
function compareNumbers(version: PlakarVersion, release: string): number {
  const wanted = parseVersionNumber(release);
  const own = [version.major, version.minor, version.patch];
  for (let index = 0; index < 3; index += 1) {
    const difference = (own[index] ?? 0) - (wanted[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * True when `version` is at least `minimum`. A pre-release of the minimum itself (1.1.0-beta) is
 * not enough; a pre-release of a later version (1.2.0-devel) is.
 */
export function isAtLeast(version: PlakarVersion, minimum: string): boolean {
  const order = compareNumbers(version, minimum);
  if (order !== 0) return order > 0;
  return version.suffix === '' || version.suffix.startsWith('+');
}

/** True when `version` is a later release line than `release` (1.1.5, 1.2.0-devel > 1.1.4). */
export function isNewerThan(version: PlakarVersion, release: string): boolean {
  return compareNumbers(version, release) > 0;
}
