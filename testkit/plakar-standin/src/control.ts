/**
 * Stand-in-only knobs, read from `<plakar config dir>/standin-control.json` (the adapter passes no
 * unknown environment variable through, so they cannot be env vars). Real plakar ignores the file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isErrno, messageOf } from './errors';

export interface StandinControl {
  /** Sleep this long before storing each regular file (backup), to make cancellation testable. */
  delayPerFileMs?: number;
  /** Sleep this long before writing each restored file. */
  restoreDelayPerFileMs?: number;
  /** After this many regular files, the next store write fails (`failBackupError`, default EIO). */
  failBackupAfterFiles?: number;
  failBackupError?: 'EIO' | 'ENOSPC';
  /** Store writes beyond this many bytes fail with `no space left on device`. */
  diskFullAfterBytes?: number;
  /** `maintenance` holds its exclusive lock this long before working. */
  maintenanceHoldMs?: number;
  /** Grace period before `maintenance` deletes coloured blobs (Go duration; default PLAKAR_GRACEPERIOD or 168h). */
  gracePeriod?: string;
}

export const CONTROL_FILE = 'standin-control.json';

const NUMBER_KEYS = ['delayPerFileMs', 'restoreDelayPerFileMs', 'failBackupAfterFiles', 'diskFullAfterBytes', 'maintenanceHoldMs'] as const;

export function loadControl(configDir: string): StandinControl {
  const file = path.join(configDir, CONTROL_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return {};
    throw new Error(`${file}: ${messageOf(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: ${messageOf(error)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${file}: expected a JSON object`);
  const input = raw as Record<string, unknown>;
  const control: StandinControl = {};
  for (const key of NUMBER_KEYS) {
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`${file}: ${key} must be a non-negative number`);
    control[key] = value;
  }
  if (input.failBackupError !== undefined) {
    if (input.failBackupError !== 'EIO' && input.failBackupError !== 'ENOSPC') throw new Error(`${file}: failBackupError must be "EIO" or "ENOSPC"`);
    control.failBackupError = input.failBackupError;
  }
  if (input.gracePeriod !== undefined) {
    if (typeof input.gracePeriod !== 'string') throw new Error(`${file}: gracePeriod must be a string`);
    control.gracePeriod = input.gracePeriod;
  }
  const known = new Set<string>([...NUMBER_KEYS, 'failBackupError', 'gracePeriod']);
  for (const key of Object.keys(input)) if (!known.has(key)) throw new Error(`${file}: unknown key ${JSON.stringify(key)}`);
  return control;
}
