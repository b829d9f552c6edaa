/**
 * The error mapping against what real plakar releases printed (fixtures/<version>/, recorded by
 * scripts/record-plakar-fixtures.ts): every failing case maps to the kind the app acts on.
 */
import { describe, expect, it } from 'vitest';
import type { PlakarErrorKind } from './errors';
import { mapPlakarFailure } from './errors';
import { loadRecordings, recordedVersions } from './fixtures/recording';

/** Recorded case → the kind the app must see. Cases that succeed are listed as 'ok'. */
const EXPECTED: Record<string, PlakarErrorKind | 'ok'> = {
  'create-not-empty': 'store-not-empty',
  'create-no-passphrase': 'passphrase-missing',
  'open-wrong-passphrase': 'passphrase-wrong',
  'open-no-passphrase': 'passphrase-missing',
  'store-missing': 'store-missing',
  'store-alias-missing': 'store-missing',
  'store-backend-missing': 'store-missing',
  'backup-missing-source': 'unknown',
  'ls-directory-missing': 'snapshot-not-found',
  'ls-prefix-missing': 'snapshot-not-found',
  'ls-prefix-ambiguous': 'snapshot-ambiguous',
  'cat-missing': 'snapshot-not-found',
  'cat-directory': 'unknown',
  'restore-parent-missing': 'unknown',
  'restore-no-match': 'snapshot-not-found',
  'rm-no-filter': 'unknown',
  'unknown-flag': 'unknown',
  'backup-interrupted': 'interrupted',
  'check-damaged': 'integrity',
};

const versions = recordedVersions();

describe.each(versions)('error mapping on what plakar %s printed', (version) => {
  const recordings = loadRecordings(version);

  it('has a recording for every failure the app distinguishes', () => {
    for (const name of Object.keys(EXPECTED)) expect(recordings.has(name), name).toBe(true);
  });

  it.each([...recordings.values()].filter((recording) => recording.exitCode !== 0).map((recording) => [recording.name, recording] as const))(
    '%s',
    (name, recording) => {
      const expected = EXPECTED[name];
      expect(expected, `add ${name} to EXPECTED`).toBeDefined();
      const error = mapPlakarFailure({ command: recording.args.find((arg) => /^[a-z]+$/.test(arg) && arg !== 'at') ?? 'plakar', exitCode: recording.exitCode, stdout: recording.stdout, stderr: recording.stderr });
      expect(error.kind).toBe(expected);
      if (error.kind === 'unknown') expect(error.message).toMatch(/failed \(exit \d+\): \S/);
    },
  );

  it('disk full: plakar logs the cause but reports success (the adapter verifies such a backup)', () => {
    const recording = recordings.get('backup-disk-full');
    if (!recording) return;
    if (recording.exitCode === 0) {
      expect(recording.stdout).toMatch(/backup completed without errors/);
      expect(recording.stderr).toMatch(/^error: .*no space left on device/m);
    }
    const error = mapPlakarFailure({ command: 'backup', exitCode: 1, stdout: '', stderr: recording.stderr });
    expect(error.kind).toBe('disk-full');
  });
});
