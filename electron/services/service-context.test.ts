import { rm } from 'node:fs/promises';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { standinBinPath } from '../../testkit/plakar-standin';
import { scratchDir } from '../../testkit/support/crawl';
import { resolveServiceConfig } from './config';
import { JobRunner } from './background/job-runner';
import { SecretVault, testOnlyCipher } from './secrets';
import { ServiceContext } from './service-context';
import { AppSettings, SETTINGS_STORE_OPTIONS } from './settings';

let dataDir: string;
let context: ServiceContext;
let settings: AppSettings;

beforeEach(async () => {
  dataDir = await scratchDir('context-');
  const config = resolveServiceConfig(
    { PLAKAR_BIN: standinBinPath(), NOTION_PLAKAR_DATA_DIR: dataDir, PATH: process.env.PATH },
    { productName: 'Test', version: '0.0.0', electronVersion: null, chromeVersion: null, defaultDataDir: dataDir },
  );
  settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dataDir }));
  context = new ServiceContext({ config, settings, vault: new SecretVault(dataDir, testOnlyCipher(), () => true), jobs: new JobRunner() });
});
afterEach(async () => rm(dataDir, { recursive: true, force: true }));

describe('ServiceContext.store: consent to an unencrypted store', () => {
  it('is given only by the user’s choice of “not encrypted”', async () => {
    const location = path.join(dataDir, 'store');
    expect((await context.store(location, null)).allowsPlaintext).toBe(true);
    expect((await context.store(location, 'a passphrase')).allowsPlaintext).toBe(false);
    expect((await context.store(location)).allowsPlaintext).toBe(false);
  });

  it('follows the configured store’s recorded encryption, and never extends to another location', async () => {
    const location = path.join(dataDir, 'store');
    settings.update({ store: { location, encrypted: false, passphraseSaved: true } });
    expect((await context.store()).allowsPlaintext).toBe(true);
    expect((await context.store(location)).allowsPlaintext).toBe(true);
    expect((await context.store(path.join(dataDir, 'other'))).allowsPlaintext).toBe(false);
    settings.update({ store: { location, encrypted: true, passphraseSaved: true } });
    expect((await context.store()).allowsPlaintext).toBe(false);
  });
});
