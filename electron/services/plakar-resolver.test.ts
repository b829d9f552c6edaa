import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveServiceConfig } from './config';
import { PlakarResolver } from './plakar-resolver';

describe('PlakarResolver', () => {
  let dir: string;
  let counter: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'plakar-resolver-'));
    counter = path.join(dir, 'runs');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  /** A plakar that answers `version` and notes every run in `counter`. */
  async function writePlakar(name: string, version: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, `#!/bin/sh\necho run >> "${counter}"\necho "plakar/${version}"\n`);
    await chmod(file, 0o755);
    return file;
  }
  const runs = async () => (await readFile(counter, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
  const resolverFor = (chosen: () => string | null) =>
    new PlakarResolver(
      resolveServiceConfig({ NOTION_PLAKAR_DATA_DIR: path.join(dir, 'data'), PATH: '' }, {
        productName: 'Test',
        version: '0',
        electronVersion: null,
        chromeVersion: null,
        defaultDataDir: path.join(dir, 'data'),
      }),
      chosen,
    );

  it('runs `plakar version` once, not at every job', async () => {
    const plakar = await writePlakar('plakar', 'v1.1.4');
    const resolver = resolverFor(() => plakar);
    for (let i = 0; i < 5; i++) expect(await resolver.resolve()).toMatchObject({ status: 'found', path: plakar, version: 'v1.1.4' });
    expect(await runs()).toBe(1);
  });

  it('asks again when the binary is replaced (an upgrade)', async () => {
    const plakar = await writePlakar('plakar', 'v1.1.4');
    const resolver = resolverFor(() => plakar);
    await resolver.resolve();
    await writePlakar('plakar', 'v1.1.7-rc.1');
    expect(await resolver.resolve()).toMatchObject({ status: 'found', version: 'v1.1.7-rc.1' });
    expect(await runs()).toBe(2);
  });

  it('asks again when the user chooses another program', async () => {
    const first = await writePlakar('plakar', 'v1.1.4');
    const second = await writePlakar('plakar-new', 'v1.1.4');
    let chosen = first;
    const resolver = resolverFor(() => chosen);
    await resolver.resolve();
    chosen = second;
    expect(await resolver.resolve()).toMatchObject({ path: second });
    expect(await runs()).toBe(2);
  });

  it('looks again for a plakar that was missing, and finds it once installed', async () => {
    const missing = path.join(dir, 'plakar');
    const resolver = resolverFor(() => missing);
    expect(await resolver.resolve()).toMatchObject({ status: 'unusable' });
    await writePlakar('plakar', 'v1.1.4');
    expect(await resolver.resolve()).toMatchObject({ status: 'found' });
  });

  it('checks a program the user picks afresh, without caching it', async () => {
    const plakar = await writePlakar('plakar', 'v1.1.4');
    const resolver = resolverFor(() => null);
    await resolver.probe(plakar);
    await resolver.probe(plakar);
    expect(await runs()).toBe(2);
  });
});
