import { access, constants } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MINIMUM_PLAKAR_VERSION, type PlakarDetection } from '../../../shared/ipc/contract';
import { NEWEST_TESTED_PLAKAR } from '../../../shared/plakar-support';
import type { PlakarDirs } from './process';
import { runPlakar } from './process';
import { isAtLeast, isNewerThan, parsePlakarVersion, type PlakarVersion } from './version';

export interface DetectOptions {
  /** A path the user chose in settings or PLAKAR_BIN; tried first and, if set, only this one. */
  explicitPath?: string | undefined;
  dirs: PlakarDirs;
  pathEnv?: string | undefined;
  platform?: NodeJS.Platform;
  homeDir?: string;
}

/** Where plakar usually lands besides PATH (go install, Homebrew, package managers). */
export function wellKnownPlakarLocations(platform: NodeJS.Platform, homeDir: string): string[] {
  if (platform === 'win32') {
    const programFiles = process.env.ProgramFiles ?? 'C:\\Program Files';
    return [path.win32.join(programFiles, 'plakar', 'plakar.exe'), path.win32.join(homeDir, 'go', 'bin', 'plakar.exe')];
  }
  return [
    '/usr/local/bin/plakar',
    '/usr/bin/plakar',
    '/opt/homebrew/bin/plakar',
    path.join(homeDir, 'go', 'bin', 'plakar'),
    path.join(homeDir, '.local', 'bin', 'plakar'),
  ];
}

export function plakarCandidates(options: DetectOptions): string[] {
  if (options.explicitPath) return [options.explicitPath];
  const platform = options.platform ?? process.platform;
  const executable = platform === 'win32' ? 'plakar.exe' : 'plakar';
  const separator = platform === 'win32' ? ';' : ':';
  const fromPath = (options.pathEnv ?? process.env.PATH ?? '')
    .split(separator)
    .filter((dir) => dir.length > 0)
    .map((dir) => path.join(dir, executable));
  const all = [...fromPath, ...wellKnownPlakarLocations(platform, options.homeDir ?? os.homedir())];
  return [...new Set(all)];
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a plakar binary and checks that it is recent enough. Runs only `plakar version`, which needs
 * no store, with the app's private config/cache dirs so it never touches the user's own plakar setup.
 */
export async function detectPlakar(options: DetectOptions): Promise<PlakarDetection> {
  const candidates = plakarCandidates(options);
  for (const candidate of candidates) {
    if (!(await isExecutable(candidate))) {
      if (options.explicitPath) {
        return { status: 'unusable', path: candidate, reason: 'The file does not exist or is not executable.' };
      }
      continue;
    }
    return probePlakar(candidate, options.dirs);
  }
  return { status: 'not-found', searched: candidates };
}

export async function probePlakar(bin: string, dirs: PlakarDirs): Promise<PlakarDetection> {
  const result = await runPlakar({ bin, args: ['version'], dirs, timeoutMs: 20_000 });
  if (result.spawnError) {
    return { status: 'unusable', path: bin, reason: `It could not be started (${result.spawnError.code ?? 'error'}).` };
  }
  const stdout = result.stdout.toString('utf8');
  const version = parsePlakarVersion(stdout);
  if (result.exitCode !== 0 || !version) {
    const output = `${stdout}\n${result.stderr}`.trim().split('\n').slice(-3).join(' ').slice(0, 300);
    const detail = version ? `exit code ${result.exitCode ?? result.signal}` : 'it did not print a plakar version';
    return { status: 'unusable', path: bin, reason: `${detail}${output ? `: ${output}` : ''}` };
  }
  if (!isAtLeast(version, MINIMUM_PLAKAR_VERSION)) {
    return { status: 'too-old', path: bin, version: version.text, minimumVersion: MINIMUM_PLAKAR_VERSION };
  }
  return { status: 'found', path: bin, version: version.text, warning: newerThanTestedWarning(version) };
}

/** The warning for a plakar newer than every release the app was tested with, else null. */
export function newerThanTestedWarning(version: PlakarVersion): string | null {
  if (!isNewerThan(version, NEWEST_TESTED_PLAKAR)) return null;
  return `plakar ${version.text} is newer than the newest release this app was tested with (${NEWEST_TESTED_PLAKAR}). It should work; if a backup or restore fails with an unexpected plakar message, install plakar ${NEWEST_TESTED_PLAKAR} or report the message.`;
}
