import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../testkit/notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../../testkit/notion-emulator';
import { plakarUnderTestLabel } from '../../testkit/plakar-standin';
import type { JobFinishedEvent } from '../../shared/ipc/app-schemas';
import type { ContractHandlers } from '../../shared/ipc/contract';
import { scratchDir } from '../../testkit/support/crawl';
import type { AppCore } from './app-services';
import { onboardTestApp, TEST_STORE_PASSPHRASE, testAppCore } from '../../testkit/support/app-core';
import type { ServiceDeps } from './service-context';
import { REDACTING_LOGGER_OPTIONS } from './logger';

const PASSPHRASE = TEST_STORE_PASSPHRASE;
let emulator: RunningEmulator;
let dataDir: string;
let services: ContractHandlers;
let events: Array<{ event: string; payload: unknown }>;

beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
});
afterAll(async () => emulator.close());
beforeEach(async () => {
  dataDir = await scratchDir('services-');
  events = [];
  const core = appCore();
  core.events.onAny((event, payload) => events.push({ event, payload }));
  services = core.handlers;
});
afterEach(async () => rm(dataDir, { recursive: true, force: true }));

function appCore(extra: Partial<ServiceDeps> = {}): AppCore {
  return testAppCore(emulator, dataDir, extra);
}

function finished(): Promise<JobFinishedEvent> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const event = events.find((item) => item.event === 'jobFinished');
      if (event) {
        clearInterval(timer);
        resolve(event.payload as JobFinishedEvent);
      }
    }, 20);
  });
}

const onboard = () => onboardTestApp(services, emulator, dataDir);

describe(`first run, with ${plakarUnderTestLabel()}`, () => {
  it('starts unconfigured, with the secret storage reported as it is', async () => {
    expect(await services.getAppState(undefined)).toMatchObject({
      onboardingComplete: false,
      hasNotionToken: false,
      hasStorePassphrase: false,
      secretStorage: { backend: 'test-only', secure: false },
      runningJob: null,
    });
  });

  it('keeps no secret on an insecure system until the user accepts the risk', async () => {
    const refused = await services.connectNotion({ token: emulator.tokens.full });
    expect(refused).toMatchObject({ status: 'invalid', problem: 'secret-storage' });
    expect((await services.getAppState(undefined)).hasNotionToken).toBe(false);
    await services.acceptInsecureSecretStorage(undefined);
    expect(await services.connectNotion({ token: emulator.tokens.full })).toMatchObject({ status: 'valid', workspaceName: richWorkspaceFacts.workspaceName });
    expect(await services.getAppState(undefined)).toMatchObject({ hasNotionToken: true, settings: { notion: { workspaceName: richWorkspaceFacts.workspaceName } } });
  });

  it('sets up a store, refusing weak passphrases, existing stores and folders with files', async () => {
    await services.acceptInsecureSecretStorage(undefined);
    const location = path.join(dataDir, 'store');
    expect(await services.setupStore({ mode: 'create', location, passphrase: 'short', plaintext: false })).toMatchObject({ problem: 'weak-passphrase' });
    expect(await services.setupStore({ mode: 'create', location, passphrase: PASSPHRASE, plaintext: false })).toMatchObject({ status: 'ready', created: true });
    expect(await services.setupStore({ mode: 'create', location, passphrase: PASSPHRASE, plaintext: false })).toMatchObject({ problem: 'store-exists' });
    expect(await services.setupStore({ mode: 'open', location, passphrase: 'the wrong passphrase here', plaintext: false })).toMatchObject({ problem: 'passphrase-wrong' });
    expect(await services.setupStore({ mode: 'open', location, passphrase: PASSPHRASE, plaintext: false })).toMatchObject({ status: 'ready', created: false });
    const folder = path.join(dataDir, 'documents');
    await mkdir(folder);
    await writeFile(path.join(folder, 'keep.txt'), 'x');
    expect(await services.setupStore({ mode: 'create', location: folder, passphrase: PASSPHRASE, plaintext: false })).toMatchObject({ problem: 'not-empty' });
    expect(await services.setupStore({ mode: 'open', location: folder, passphrase: PASSPHRASE, plaintext: false })).toMatchObject({ problem: 'not-a-store' });
    const state = await services.getAppState(undefined);
    expect(state.settings.store).toMatchObject({ location, encrypted: true });
    expect(state.hasStorePassphrase).toBe(true);
  });

  it('lists what the token can see and remembers the choice', async () => {
    await onboard();
    const pages = await services.listNotionPages(undefined);
    expect(pages.status).toBe('ok');
    expect(pages.status === 'ok' && pages.items.map((item) => item.id)).toContain(richWorkspaceFacts.ids.home);
    const state = await services.setBackupRoots({ ids: [richWorkspaceFacts.ids.orphanPage] });
    expect(state.settings.roots).toEqual([richWorkspaceFacts.ids.orphanPage]);
    expect((await services.completeOnboarding(undefined)).onboardingComplete).toBe(true);
  });
});

describe(`backups from the app, with ${plakarUnderTestLabel()}`, () => {
  it('runs a backup in the background with progress events, then lists its snapshot', async () => {
    await onboard();
    await services.setBackupRoots({ ids: [richWorkspaceFacts.ids.orphanPage] });
    const started = await services.startBackup({ full: false });
    expect(started.status).toBe('started');
    expect(await services.startBackup({ full: false })).toMatchObject({ status: 'refused' });
    const end = await finished();
    expect(end.outcome).toMatchObject({ status: 'succeeded', snapshotId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(events.some((item) => item.event === 'jobProgress')).toBe(true);
    const list = await services.listSnapshots(undefined);
    expect(list).toMatchObject({ status: 'ok', snapshots: [{ mode: 'full', ours: true }] });
    expect((await services.getAppState(undefined)).runningJob).toBeNull();

    // Browsing: the tree by title, cached, and a page preview read from the store.
    const snapshotId = end.outcome.status === 'succeeded' ? (end.outcome.snapshotId ?? '') : '';
    const tree = await services.getSnapshotTree({ snapshotId });
    expect(tree.status === 'ok' && tree.entries.map((entry) => entry.id).sort()).toEqual(
      [richWorkspaceFacts.ids.orphanPage, richWorkspaceFacts.ids.orphanChildPage].sort(),
    );
    expect(tree.status === 'ok' && tree.summary?.mode).toBe('full');
    const preview = await services.getPagePreview({ snapshotId, pageId: richWorkspaceFacts.ids.orphanPage });
    expect(preview).toMatchObject({ status: 'ok', title: expect.any(String) });
    expect(await services.getPagePreview({ snapshotId, pageId: richWorkspaceFacts.ids.home })).toMatchObject({ status: 'problem' });
  });

  it('can cancel a running backup: no snapshot is recorded', async () => {
    await onboard();
    const started = await services.startBackup({ full: false });
    if (started.status !== 'started') throw new Error('not started');
    expect(await services.cancelJob({ jobId: started.jobId })).toEqual({ cancelled: true });
    const end = await finished();
    expect(end.outcome.status).toBe('cancelled');
    expect(await services.listSnapshots(undefined)).toMatchObject({ status: 'ok', snapshots: [] });
  });

  it('restores a snapshot into Notion (after a dry run) and into a folder, from the app', async () => {
    await onboard();
    await services.setBackupRoots({ ids: [richWorkspaceFacts.ids.orphanPage] });
    await services.startBackup({ full: false });
    const backup = await finished();
    const snapshotId = backup.outcome.status === 'succeeded' ? (backup.outcome.snapshotId ?? '') : '';
    const run = async (input: Parameters<ContractHandlers['startRestore']>[0]) => {
      events = [];
      expect(await services.startRestore(input)).toMatchObject({ status: 'started' });
      return finished();
    };
    const target = `https://www.notion.so/Home-${richWorkspaceFacts.ids.home.replace(/-/g, '')}`;
    const plan = await run({ snapshotId, selection: [], destination: { kind: 'notion', page: target }, dryRun: true });
    expect(plan.outcome).toMatchObject({ status: 'succeeded', restore: { dryRun: true, created: { pages: 2 } } });
    const restored = await run({ snapshotId, selection: [], destination: { kind: 'notion', page: target }, dryRun: false });
    expect(restored.outcome).toMatchObject({ status: 'succeeded', url: expect.stringMatching(/^https:\/\//), restore: { dryRun: false } });
    const folder = path.join(dataDir, 'export');
    const exported = await run({ snapshotId, selection: [], destination: { kind: 'folder', dir: folder, format: 'markdown', merge: false }, dryRun: false });
    expect(exported.outcome.status).toBe('succeeded');
    const again = await run({ snapshotId, selection: [], destination: { kind: 'folder', dir: folder, format: 'markdown', merge: false }, dryRun: false });
    expect(again.outcome).toMatchObject({ status: 'failed', kind: 'folder-not-empty' });
    expect(await services.startRestore({ snapshotId, selection: [], destination: { kind: 'notion', page: 'not a page' }, dryRun: false })).toMatchObject({ status: 'refused' });
  });

  it('keeps a log of each job, checks the store, and shows the equivalent command without secrets', async () => {
    await onboard();
    await services.setBackupRoots({ ids: [richWorkspaceFacts.ids.orphanPage] });
    await services.startBackup({ full: false });
    await finished();
    let jobs = (await services.listJobHistory(undefined)).jobs;
    for (let attempt = 0; jobs.length === 0 && attempt < 50; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      jobs = (await services.listJobHistory(undefined)).jobs;
    }
    expect(jobs[0]).toMatchObject({ kind: 'backup', outcome: { status: 'succeeded' } });
    expect(jobs[0]?.log.join('\n')).toMatch(/Reading Notion[\s\S]*succeeded/);
    expect(await services.checkStoreIntegrity(undefined)).toMatchObject({ status: 'ok' });
    const { command } = await services.getBackupCommand(undefined);
    expect(command).toContain(`--root ${richWorkspaceFacts.ids.orphanPage}`);
    expect(command).toContain(`--store ${path.join(dataDir, 'store')}`);
    expect(command).not.toContain(PASSPHRASE);
    expect(command).not.toContain(emulator.tokens.full);
    const state = await services.updateAdvancedSettings({ requestsPerSecond: 2, comments: 'all', localCopy: true });
    expect(state.settings.advanced).toEqual({ requestsPerSecond: 2, comments: 'all', localCopy: true });
  });

  it('refuses to start before the store and Notion are set up', async () => {
    expect(await services.startBackup({ full: false })).toMatchObject({ status: 'refused' });
  });
});

describe('the app’s own log', () => {
  it('says when each job started and how it ended, without its secrets', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info', ...REDACTING_LOGGER_OPTIONS }, { write: (line: string) => void lines.push(line) });
    const core = appCore({ logger });
    const ended = new Promise<void>((resolve) => core.events.on('jobFinished', () => resolve()));
    expect(await core.handlers.startBackup({ full: false })).toMatchObject({ status: 'refused' });
    await core.handlers.acceptInsecureSecretStorage(undefined);
    expect(await core.handlers.connectNotion({ token: emulator.tokens.full })).toMatchObject({ status: 'valid' });
    const store = await core.handlers.setupStore({ mode: 'create', location: path.join(dataDir, 'logged-store'), passphrase: PASSPHRASE, plaintext: false });
    expect(store).toMatchObject({ status: 'ready' });
    await core.handlers.setBackupRoots({ ids: [richWorkspaceFacts.ids.orphanPage] });
    expect(await core.handlers.startBackup({ full: false })).toMatchObject({ status: 'started' });
    await ended;
    // The history is written just after the event: let it land before the folder is removed.
    await expect.poll(async () => (await core.handlers.listJobHistory(undefined)).jobs.length).toBe(1);
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; kind?: string; status?: string });
    expect(logged).toEqual(expect.arrayContaining([
      expect.objectContaining({ msg: 'job started', kind: 'backup' }),
      expect.objectContaining({ msg: 'job ended', kind: 'backup', status: 'succeeded' }),
    ]));
    expect(lines.join('\n')).not.toContain(emulator.tokens.full);
    expect(lines.join('\n')).not.toContain(PASSPHRASE);
  });
});
