import { mkdir } from 'node:fs/promises';
import { probePlakar } from './detect';
import { describePlakarErrorKind, PlakarError } from './errors';
import type { PlakarDirs, PlakarProcessResult } from './process';
import { runPlakar } from './process';

/** Binary + cache dir → the version `plakar version` printed, once `-disable-security-check` ran. */
const preparedBinaries = new Map<string, string>();

/**
 * Once per binary and cache dir: check the version (1.1 or newer), and turn off plakar's welcome
 * banner and online update check, which it runs until `-disable-security-check` was run once.
 * Returns the version.
 */
export async function preparePlakarBinary(bin: string, dirs: PlakarDirs, failure: (command: string, result: PlakarProcessResult) => PlakarError): Promise<string> {
  const key = `${bin}\0${dirs.cacheHome}`;
  const known = preparedBinaries.get(key);
  if (known) return known;
  await mkdir(dirs.cacheHome, { recursive: true, mode: 0o700 });
  await mkdir(dirs.configHome, { recursive: true, mode: 0o700 });
  const detection = await probePlakar(bin, dirs);
  if (detection.status === 'too-old') {
    throw new PlakarError(
      'plakar-too-old',
      `plakar ${detection.version} is too old: this app needs ${detection.minimumVersion} or newer. Install a newer plakar (https://plakar.io).`,
      '',
      null,
    );
  }
  if (detection.status !== 'found') {
    const reason = detection.status === 'unusable' ? ` (${detection.reason})` : '';
    throw new PlakarError('plakar-missing', `${describePlakarErrorKind('plakar-missing')}${reason}`, '', null);
  }
  const result = await runPlakar({ bin, args: ['-disable-security-check'], dirs });
  if (result.spawnError || result.exitCode !== 0) throw failure('-disable-security-check', result);
  preparedBinaries.set(key, detection.version);
  return detection.version;
}
