import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeChannels } from '../../shared/ipc/channels';
import { dispatchInvoke } from '../../shared/ipc/dispatch';
import { NEWEST_TESTED_PLAKAR } from '../../shared/plakar-support';
import { FakeDialogs } from '../../testkit/fake-dialogs';
import { plakarBinUnderTest } from '../../testkit/plakar-standin';
import { scratchDir } from '../../testkit/support/crawl';
import type { AppCore } from './app-services';
import { createAppCore } from './app-services';
import { resolveServiceConfig } from './config';
import { JobRunner } from './background/job-runner';
import { SecretVault, testOnlyCipher } from './secrets';
import { AppSettings, SETTINGS_STORE_OPTIONS } from './settings';

/**
 * The exploits of issue 12, replayed as a compromised renderer would: raw IPC calls through the same
 * dispatcher main uses. The user never answers "yes" here (FakeDialogs(false)) unless a test says so.
 */

const TOKEN = 'ntn_secret_token_of_the_user';
let dataDir: string;
let listeners: Array<{ server: http.Server; url: string; authorizations: string[] }>;
let dialogs: FakeDialogs;
let settings: AppSettings;
let core: AppCore;

async function listener(): Promise<{ server: http.Server; url: string; authorizations: string[] }> {
  const authorizations: string[] = [];
  const server = http.createServer((request, response) => {
    authorizations.push(String(request.headers.authorization));
    response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'error', status: 401, code: 'unauthorized', message: 'no' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const entry = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, authorizations };
  listeners.push(entry);
  return entry;
}

/** A program that prints a plakar version and records each run (and the passphrase it was given). */
async function planted(dir: string): Promise<{ file: string; runs: () => Promise<string> }> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'plakar');
  const log = path.join(dir, 'runs.log');
  await writeFile(file, `#!/bin/sh\necho "ran $1 passphrase=$PLAKAR_PASSPHRASE" >> '${log}'\necho "plakar/v${NEWEST_TESTED_PLAKAR}"\n`);
  await chmod(file, 0o755);
  return { file, runs: () => readFile(log, 'utf8').catch(() => '') };
}

const call = (channel: string, input?: unknown) => dispatchInvoke(core.handlers, channel, input);

beforeEach(async () => {
  dataDir = await scratchDir('compromised-');
  listeners = [];
  const notion = await listener();
  const config = resolveServiceConfig(
    { NOTION_API_URL: notion.url, PLAKAR_BIN: plakarBinUnderTest(), NOTION_PLAKAR_DATA_DIR: dataDir, PATH: process.env.PATH },
    { productName: 'Test', version: '0.0.0', electronVersion: null, chromeVersion: null, defaultDataDir: dataDir },
  );
  settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dataDir }));
  const vault = new SecretVault(dataDir, testOnlyCipher(), () => settings.get().acceptInsecureSecretStorage);
  dialogs = new FakeDialogs(false);
  core = createAppCore({ config, settings, vault, dialogs, jobs: new JobRunner() });
  await new SecretVault(dataDir, testOnlyCipher(), true).save('notion-token', TOKEN);
});
afterEach(async () => {
  for (const { server } of listeners) server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('finding 1: the Notion token goes only to the API URL main was started with', () => {
  it('refuses an API URL sent over IPC, and lists pages with the token sent only to NOTION_API_URL', async () => {
    const evil = await listener();
    const update = await call(invokeChannels.updateAdvancedSettings, { requestsPerSecond: 3, comments: 'pages', localCopy: true, notionApiUrl: evil.url });
    expect(update).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await call(invokeChannels.listNotionPages);
    expect(evil.authorizations).toEqual([]);
    expect(listeners[0]?.authorizations).toContain(`Bearer ${TOKEN}`);
  });

  it('ignores an API URL left in the settings file by an older version', async () => {
    const evil = await listener();
    settings.update({ notion: { ...settings.get().notion, apiUrl: evil.url } });
    await call(invokeChannels.listNotionPages);
    await call(invokeChannels.validateNotionToken, { token: TOKEN });
    expect(evil.authorizations).toEqual([]);
    expect(JSON.stringify(await call(invokeChannels.getBackupCommand))).not.toContain(evil.url);
  });
});

describe('finding 2: the plakar program is chosen in main’s file dialog, never from a path argument', () => {
  it('refuses a path sent over IPC without running it', async () => {
    const program = await planted(path.join(dataDir, 'downloads'));
    const result = await call(invokeChannels.choosePlakarBinary, { path: program.file });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await program.runs()).toBe('');
    expect(settings.get().plakarPath).toBeNull();
  });

  it('asks before trusting a program outside the usual folders, saying it receives the passphrase', async () => {
    const program = await planted(path.join(dataDir, 'downloads'));
    dialogs.answer({ kind: 'file', path: program.file }, { kind: 'confirm', confirmed: false });
    expect(await call(invokeChannels.choosePlakarBinary)).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(settings.get().plakarPath).toBeNull();
    const question = dialogs.asked.find((asked) => asked.kind === 'confirm');
    expect(question).toMatchObject({ detail: expect.stringContaining('receive your store passphrase') });
    expect(await program.runs()).not.toContain('passphrase=x'); // only `version` ran, without a secret
    expect(await program.runs()).toMatch(/^ran version passphrase=\n/);

    dialogs.answer({ kind: 'file', path: program.file }, { kind: 'confirm', confirmed: true });
    expect(await call(invokeChannels.choosePlakarBinary)).toMatchObject({ ok: true, value: { status: 'found', path: program.file } });
    expect(settings.get().plakarPath).toBe(program.file);
  });

  it('does nothing when the user cancels the file dialog', async () => {
    expect(await call(invokeChannels.choosePlakarBinary)).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(settings.get().plakarPath).toBeNull();
  });
});

describe('finding 6: insecure secret storage is accepted only in main’s confirmation', () => {
  it('stays refused when the renderer asks but the user does not confirm', async () => {
    const result = await call(invokeChannels.acceptInsecureSecretStorage);
    expect(result).toMatchObject({ ok: true, value: { settings: { acceptInsecureSecretStorage: false } } });
    expect(dialogs.asked).toMatchObject([{ kind: 'confirm', message: expect.stringContaining('without a secure key store') }]);
    expect(await call(invokeChannels.connectNotion, { token: TOKEN })).toMatchObject({ ok: true, value: { status: 'invalid' } });
  });

  it('is accepted when the user confirms', async () => {
    dialogs.answer({ kind: 'confirm', confirmed: true });
    expect(await call(invokeChannels.acceptInsecureSecretStorage)).toMatchObject({ ok: true, value: { settings: { acceptInsecureSecretStorage: true } } });
  });
});

describe('folders: main takes back only paths it handed out, or that the user confirms', () => {
  const setup = (location: string) => ({ mode: 'create', location, passphrase: null, plaintext: true });

  it('refuses a store location typed by the renderer unless the user confirms it', async () => {
    const location = path.join(dataDir, 'elsewhere');
    expect(await call(invokeChannels.setupStore, setup(location))).toMatchObject({ ok: true, value: { status: 'problem', problem: 'not-confirmed' } });
    await expect(stat(location)).rejects.toThrow();
    expect(settings.get().store).toBeNull();
    expect(dialogs.asked).toMatchObject([{ kind: 'confirm', detail: expect.stringContaining(location) }]);
  });

  it('uses a store folder chosen in main’s dialog without asking again', async () => {
    const location = path.join(dataDir, 'chosen');
    dialogs.answer({ kind: 'folder', path: location });
    expect(await call(invokeChannels.chooseFolder, { purpose: 'store' })).toEqual({ ok: true, value: { status: 'chosen', path: location } });
    expect(await call(invokeChannels.setupStore, setup(location))).toMatchObject({ ok: true, value: { status: 'ready' } });
    expect(dialogs.asked.filter((asked) => asked.kind === 'confirm')).toEqual([]);
  });

  it('refuses an export folder that main did not hand out (a folder handed out for a store is not enough)', async () => {
    const store = path.join(dataDir, 'store');
    dialogs.answer({ kind: 'folder', path: store });
    await call(invokeChannels.chooseFolder, { purpose: 'store' });
    expect(await call(invokeChannels.setupStore, setup(store))).toMatchObject({ ok: true, value: { status: 'ready' } });
    const restore = (dir: string) =>
      call(invokeChannels.startRestore, { snapshotId: 'a'.repeat(64), selection: [], destination: { kind: 'folder', dir, format: 'markdown', merge: true }, dryRun: false });
    for (const dir of [store, path.join(dataDir, '.local', 'bin')]) {
      expect(await restore(dir)).toMatchObject({ ok: true, value: { status: 'refused' } });
    }
    await expect(stat(path.join(dataDir, '.local'))).rejects.toThrow();
  });
});
