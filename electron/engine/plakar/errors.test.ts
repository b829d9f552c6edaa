import { describe, expect, it } from 'vitest';
import type { PlakarErrorKind, PlakarFailure } from './errors';
import { mapPlakarFailure } from './errors';

const failure = (overrides: Partial<PlakarFailure>): PlakarFailure => ({
  exitCode: 1,
  stdout: '',
  stderr: '',
  command: 'backup',
  ...overrides,
});

// Exact texts from ../shared/reference/plakar-cli.md §4, §7 and §8.
const CASES: Array<[string, Partial<PlakarFailure>, PlakarErrorKind]> = [
  [
    'store without CONFIG',
    {
      exitCode: 66,
      stderr:
        'plakar: failed to open the repository at fs:///abs/p: open /abs/p/CONFIG: no such file or directory\n' +
        'To specify an alternative repository, please use "plakar at <location> <command>".\n',
    },
    'store-missing',
  ],
  ['unknown scheme', { exitCode: 66, stderr: "plakar: backend 'xyz' does not exist\n" }, 'store-missing'],
  ['unresolved alias', { exitCode: 1, stderr: 'plakar: could not resolve repository: @nas\n' }, 'store-missing'],
  ['wrong passphrase', { exitCode: 77, stderr: 'plakar: failed to unlock repository\n' }, 'passphrase-wrong'],
  [
    'no passphrase, no tty (open)',
    { exitCode: 77, stderr: 'repository passphrase: plakar: inappropriate ioctl for device\n' },
    'passphrase-missing',
  ],
  [
    'no passphrase, no tty (create)',
    { exitCode: 1, command: 'create', stderr: 'repository passphrase: plakar: inappropriate ioctl for device\n' },
    'passphrase-missing',
  ],
  ['incompatible store', { exitCode: 78, stderr: 'plakar: incompatible repository version: 2.0.0 != 1.0.0\n' }, 'store-incompatible'],
  ['create on a non-empty dir', { command: 'create', stdout: 'plakar: directory /p is not empty\n' }, 'store-not-empty'],
  [
    'locked by maintenance',
    {
      stderr: "error: Can't take repository lock, it's already locked by maintenance.\n",
      stdout: "plakar: Can't take repository lock, it's already locked by maintenance.\n",
    },
    'store-locked',
  ],
  ['check failure', { exitCode: 65, stdout: 'plakar: check failed for 1 snapshot(s)\n' }, 'integrity'],
  ['prefix not found', { stdout: 'plakar: no snapshot has prefix: abcd\n' }, 'snapshot-not-found'],
  [
    'cat of a missing path',
    { stderr: 'error: cat: abcd:/x.json: no such file\n', stdout: 'plakar: errors occurred\n' },
    'snapshot-not-found',
  ],
  ['restore with no match', { stdout: 'plakar: no snapshots found\n' }, 'snapshot-not-found'],
  ['ambiguous prefix', { stdout: 'plakar: snapshot ID is ambiguous: ab (matches 3 snapshots)\n' }, 'snapshot-ambiguous'],
  ['disk full', { stdout: 'plakar: write /store/packfiles/ab/x: no space left on device\n' }, 'disk-full'],
  [
    'interrupted',
    { stderr: 'plakar: received interrupt signal, stopping gracefully...\n', stdout: 'plakar: interrupted\n' },
    'interrupted',
  ],
  ['cancelled by us', { exitCode: null, cancelled: true }, 'interrupted'],
  ['something else', { exitCode: 1, stdout: 'plakar: something odd happened\n' }, 'unknown'],
  // plakar 1.1.5+ (its own entry-point test expects this text and exit 77); not recordable here.
  ['plaintext store refused', { exitCode: 77, stderr: 'plakar: refusing to open a plaintext repository\n' }, 'plaintext-refused'],
];

describe('mapPlakarFailure', () => {
  it.each(CASES)('%s → %s', (_name, overrides, kind) => {
    expect(mapPlakarFailure(failure(overrides)).kind).toBe(kind);
  });

  it('reports a binary that cannot be spawned as missing plakar', () => {
    const spawnError = Object.assign(new Error('spawn plakar ENOENT'), { code: 'ENOENT' });
    const error = mapPlakarFailure(failure({ exitCode: null, spawnError }));
    expect(error.kind).toBe('plakar-missing');
    expect(error.message).toMatch(/Install plakar 1\.1\.4 or newer/);
  });

  it('names the store in the message and keeps the last lines as detail', () => {
    const error = mapPlakarFailure(
      failure({ exitCode: 77, stderr: 'plakar: failed to unlock repository\n', store: '/backups/notion' }),
    );
    expect(error.message).toBe('The passphrase does not unlock the store at /backups/notion. Check it and try again.');
    expect(error.detail).toBe('plakar: failed to unlock repository');
    expect(error.exitCode).toBe(77);
  });

  it('quotes the last line of unknown failures', () => {
    const error = mapPlakarFailure(failure({ exitCode: 1, stdout: 'Welcome\nEOT\nplakar: boom\n', command: 'ls' }));
    expect(error.message).toBe('plakar ls failed (exit 1): plakar: boom');
  });
});
