import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveServiceConfig } from '../services/config';
import { createSilentLogger } from '../services/logger';
import type { BrowserMode } from './browser-mode';
import { startBrowserMode } from './browser-mode';

describe('browser mode', () => {
  let dir: string;
  let mode: BrowserMode | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'browser-mode-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
  });
  afterEach(async () => {
    await mode?.stop();
    mode = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<BrowserMode> {
    const config = resolveServiceConfig(
      { NOTION_PLAKAR_DATA_DIR: path.join(dir, 'data'), PATH: '' },
      { productName: 'Test', version: '0.0.0', electronVersion: null, chromeVersion: null, defaultDataDir: path.join(dir, 'data') },
    );
    mode = await startBrowserMode({ config, rendererDir: dir, port: 0, logger: createSilentLogger(), notify: () => undefined });
    return mode;
  }

  it('refuses "launch at login" with how to start it with the computer instead', async () => {
    const { core } = await start();
    await expect(core.handlers.updateAppBehaviour({ notifications: 'failures', launchAtLogin: true })).rejects.toThrow(/run it as a service/);
    expect(core.settings.get().launchAtLogin).toBe(false);
  });

  it('keeps secrets only after the user accepted the insecure key file, in a dialog', async () => {
    const { core, dialogs } = await start();
    const accepting = core.handlers.acceptInsecureSecretStorage(undefined);
    await expect.poll(() => dialogs.pending().length).toBe(1);
    expect(dialogs.pending()[0]?.title).toBe('Store secrets without a secure key store?');
    dialogs.cancelAll();
    expect((await accepting).settings.acceptInsecureSecretStorage).toBe(false);
  });

  it("tells the pages of a waiting dialog through the core's events", async () => {
    const { core, dialogs } = await start();
    const pending: number[] = [];
    core.events.on('dialogs', (event) => pending.push(event.pending.length));
    const choosing = core.handlers.chooseFolder({ purpose: 'store' });
    await expect.poll(() => pending).toEqual([1]);
    dialogs.cancelAll();
    expect(await choosing).toEqual({ status: 'cancelled' });
    expect(pending).toEqual([1, 0]);
  });

  it('answers every open dialog "no" when it stops', async () => {
    const { core } = await start();
    const choosing = core.handlers.chooseFolder({ purpose: 'store' });
    await mode?.stop();
    mode = undefined;
    expect(await choosing).toEqual({ status: 'cancelled' });
  });
});
