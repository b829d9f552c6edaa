import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes an executable named `plakar` that answers only `version` with the given line (for example
 * `plakar/v1.0.6`, an older release) and fails every other command. Used to test version checks
 * against releases the full stand-in does not imitate.
 */
export async function writeVersionOnlyPlakar(dir: string, versionLine: string, exitCode = 0): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'plakar');
  const script = [
    '#!/bin/sh',
    `if [ "$1" = "version" ]; then echo "${versionLine}"; exit ${exitCode}; fi`,
    'echo "plakar: command not available in this test double" >&2',
    'exit 1',
    '',
  ].join('\n');
  await writeFile(file, script);
  await chmod(file, 0o755);
  return file;
}
