import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import { standinBinPath } from '../../../testkit/plakar-standin';
import { writeVersionOnlyPlakar } from '../../../testkit/version-only-plakar';
import { detectPlakar, plakarCandidates } from './detect';
import { plakarDirsUnder } from './process';

let scratch: string;
useScratchDir('detect-', (made) => (scratch = made));

const dirs = () => plakarDirsUnder(path.join(scratch, 'plakar-home'));

describe('plakarCandidates', () => {
  it('tries only the explicit path when one is given', () => {
    expect(plakarCandidates({ explicitPath: '/x/plakar', dirs: dirs() })).toEqual(['/x/plakar']);
  });

  it('searches PATH in order, then well-known locations, without duplicates', () => {
    const candidates = plakarCandidates({
      dirs: dirs(),
      pathEnv: '/a:/usr/local/bin:/b',
      platform: 'linux',
      homeDir: '/home/u',
    });
    expect(candidates.slice(0, 3)).toEqual(['/a/plakar', '/usr/local/bin/plakar', '/b/plakar']);
    expect(candidates).toContain('/home/u/go/bin/plakar');
    expect(new Set(candidates).size).toBe(candidates.length);
  });
});

describe('detectPlakar', () => {
  it('finds the plakar under test by explicit path', async () => {
    const result = await detectPlakar({ explicitPath: standinBinPath(), dirs: dirs() });
    expect(result).toMatchObject({ status: 'found', path: standinBinPath() });
    expect(result.status === 'found' && result.version).toMatch(/^v1\.\d+\.\d+/);
  });

  it('finds plakar on PATH', async () => {
    const bin = await writeVersionOnlyPlakar(path.join(scratch, 'bin'), 'plakar/v1.1.4');
    const result = await detectPlakar({ dirs: dirs(), pathEnv: path.dirname(bin), homeDir: scratch });
    expect(result).toEqual({ status: 'found', path: bin, version: 'v1.1.4', warning: null });
  });

  it('accepts a release newer than any tested, with a warning that names the tested range', async () => {
    const bin = await writeVersionOnlyPlakar(path.join(scratch, 'new'), 'plakar/v1.1.7');
    const result = await detectPlakar({ explicitPath: bin, dirs: dirs() });
    expect(result).toMatchObject({ status: 'found', version: 'v1.1.7' });
    expect(result.status === 'found' && result.warning).toMatch(/^plakar v1\.1\.7 is newer than the newest release this app was tested with \(1\.1\.4\)\. It should work/);
    const devel = await writeVersionOnlyPlakar(path.join(scratch, 'devel'), 'plakar/v1.2.0-devel.a3b0b7e');
    expect(await detectPlakar({ explicitPath: devel, dirs: dirs() })).toMatchObject({ status: 'found', warning: expect.stringMatching(/newer/) });
  });

  it('reports not-found with the places it looked', async () => {
    const result = await detectPlakar({ dirs: dirs(), pathEnv: path.join(scratch, 'empty'), homeDir: scratch });
    expect(result.status).toBe('not-found');
    expect(result.status === 'not-found' && result.searched).toContain(path.join(scratch, 'empty', 'plakar'));
  });

  it('skips a non-executable file on PATH', async () => {
    await writeFile(path.join(scratch, 'plakar'), 'not a program');
    const result = await detectPlakar({ dirs: dirs(), pathEnv: scratch, homeDir: scratch });
    expect(result.status).toBe('not-found');
  });

  it('reports an explicit path that does not exist as unusable', async () => {
    const missing = path.join(scratch, 'nope', 'plakar');
    expect(await detectPlakar({ explicitPath: missing, dirs: dirs() })).toMatchObject({
      status: 'unusable',
      path: missing,
    });
  });

  it('reports a release older than the oldest supported (1.1.4) as too old', async () => {
    for (const old of ['v1.0.6', 'v1.1.3']) {
      const bin = await writeVersionOnlyPlakar(path.join(scratch, old), `plakar/${old}`);
      expect(await detectPlakar({ explicitPath: bin, dirs: dirs() })).toEqual({ status: 'too-old', path: bin, version: old, minimumVersion: '1.1.4' });
    }
  });

  it('reports a program that is not plakar as unusable, with its output', async () => {
    const bin = path.join(scratch, 'impostor');
    await writeFile(bin, '#!/bin/sh\necho "impostor 2.0"\nexit 3\n');
    await chmod(bin, 0o755);
    const result = await detectPlakar({ explicitPath: bin, dirs: dirs() });
    expect(result.status).toBe('unusable');
    expect(result.status === 'unusable' && result.reason).toContain('impostor 2.0');
  });
});
