import { describe, expect, it } from 'vitest';
import { buildPlakarEnv, plakarDirsUnder } from './process';

describe('buildPlakarEnv', () => {
  const dirs = plakarDirsUnder('/data/plakar');
  const parent = { PATH: '/usr/bin', HOME: '/home/u', PLAKAR_PASSPHRASE: 'from the parent', PLAKAR_INSECURE_PLAINTEXT: '1', XDG_CONFIG_HOME: '/home/u/.config', SECRET: 'x' };

  it('keeps plakar in the app’s private dirs and passes nothing else from the parent', () => {
    const env = buildPlakarEnv(dirs, undefined, parent);
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/u', XDG_CONFIG_HOME: '/data/plakar/config', XDG_CACHE_HOME: '/data/plakar/cache', XDG_DATA_HOME: '/data/plakar/data', TERM: 'dumb', NO_COLOR: '1' });
  });

  it('passes the passphrase it was given, and plaintext consent only when asked', () => {
    expect(buildPlakarEnv(dirs, 'the passphrase', parent)).toMatchObject({ PLAKAR_PASSPHRASE: 'the passphrase' });
    expect(buildPlakarEnv(dirs, 'the passphrase', parent).PLAKAR_INSECURE_PLAINTEXT).toBeUndefined();
    expect(buildPlakarEnv(dirs, undefined, parent, true).PLAKAR_INSECURE_PLAINTEXT).toBe('1');
  });
});
