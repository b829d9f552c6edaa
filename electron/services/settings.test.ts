import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scratchDir } from '../../testkit/support/crawl';
import { AppSettings, DEFAULT_SETTINGS, SETTINGS_STORE_OPTIONS } from './settings';

let dir: string;
beforeEach(async () => {
  dir = await scratchDir('settings-');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const open = () => new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dir }));

describe('AppSettings', () => {
  it('starts from the defaults and persists changes in a 0600 file', async () => {
    const settings = open();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    settings.update({ roots: ['1df812ff-a7bf-80b8-b4f1-dcb8e8a53de8'], store: { location: '/backups/notion', encrypted: true, passphraseSaved: true } });
    expect(open().get()).toMatchObject({ roots: ['1df812ff-a7bf-80b8-b4f1-dcb8e8a53de8'], store: { location: '/backups/notion' } });
    const file = path.join(dir, 'settings.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // Settings hold choices only: no key beyond the schema's (and conf's own bookkeeping).
    const keys = Object.keys(JSON.parse(await readFile(file, 'utf8')) as object).filter((key) => key !== '__internal__');
    expect(keys.sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('refuses an invalid change and keeps what was there', () => {
    const settings = open();
    expect(() => settings.update({ advanced: { requestsPerSecond: -1, comments: 'pages', localCopy: true } })).toThrow();
    expect(settings.get().advanced.requestsPerSecond).toBe(3);
  });

  it('repairs a damaged field from its default instead of failing to start', async () => {
    open().update({ roots: ['a'] });
    const file = path.join(dir, 'settings.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...stored, advanced: 'nonsense' }));
    expect(open().get()).toMatchObject({ roots: ['a'], advanced: DEFAULT_SETTINGS.advanced });
  });

  it('keeps advanced settings saved before the local copy existed, with the copy on', async () => {
    open().update({ roots: ['a'] });
    const file = path.join(dir, 'settings.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...stored, advanced: { requestsPerSecond: 2, comments: 'off' } }));
    expect(open().get().advanced).toEqual({ requestsPerSecond: 2, comments: 'off', localCopy: true });
  });
});
