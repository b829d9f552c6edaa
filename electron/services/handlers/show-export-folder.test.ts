import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../shared/ipc/channels';
import { dispatchInvoke } from '../../../shared/ipc/dispatch';
import { FakeDialogs } from '../../../testkit/fake-dialogs';
import { scratchDir } from '../../../testkit/support/crawl';
import { createAppCore } from '../app-services';
import type { AppCore } from '../app-services';
import { JobRunner } from '../background/job-runner';
import { resolveServiceConfig } from '../config';
import { SecretVault, testOnlyCipher } from '../secrets';
import { AppSettings, SETTINGS_STORE_OPTIONS } from '../settings';

let dataDir: string;
let opened: string[];

function core(openFolder: ((folder: string) => Promise<string>) | undefined): AppCore {
  const config = resolveServiceConfig(
    { NOTION_PLAKAR_DATA_DIR: dataDir, PATH: process.env.PATH },
    { productName: 'Test', version: '0.0.0', electronVersion: null, chromeVersion: null, defaultDataDir: dataDir },
  );
  const settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dataDir }));
  const vault = new SecretVault(dataDir, testOnlyCipher(), () => false);
  return createAppCore({ config, settings, vault, dialogs: new FakeDialogs(false), jobs: new JobRunner(), platform: openFolder ? { openFolder } : {} });
}

const record = (jobId: string, kind: 'export' | 'restore', target: Record<string, unknown>) =>
  JSON.stringify({
    jobId,
    kind,
    trigger: 'manual',
    startedAt: '2026-12-05T04:00:00.000Z',
    finishedAt: '2026-12-05T04:01:00.000Z',
    outcome: { status: 'succeeded', snapshotId: 'a'.repeat(64), summary: 'done', warnings: [] },
    subject: { snapshotId: 'a'.repeat(64), snapshotTime: null, target, dryRun: false },
    log: [],
  });

const show = (app: AppCore, input: unknown) => dispatchInvoke(app.handlers, invokeChannels.showExportFolder, input);

beforeEach(async () => {
  dataDir = await scratchDir('show-folder-');
  opened = [];
  await writeFile(
    path.join(dataDir, 'history.jsonl'),
    `${record('export-1', 'export', { kind: 'folder', dir: '/home/me/Notion export', format: 'markdown' })}\n` +
      `${record('restore-1', 'restore', { kind: 'notion', pageId: 'p', title: 'Home' })}\n`,
  );
});
afterEach(async () => rm(dataDir, { recursive: true, force: true }));

describe('showExportFolder', () => {
  const openFolder = (folder: string) => {
    opened.push(folder);
    return Promise.resolve('');
  };

  it('opens the folder main recorded for that export job', async () => {
    expect(await show(core(openFolder), { jobId: 'export-1' })).toEqual({ ok: true, value: { status: 'opened' } });
    expect(opened).toEqual(['/home/me/Notion export']);
  });

  it('takes no path from the renderer, and opens nothing for other jobs or unknown ids', async () => {
    const app = core(openFolder);
    expect(await show(app, { jobId: 'export-1', path: '/etc' })).toMatchObject({ ok: false });
    expect(await show(app, { jobId: 'restore-1' })).toMatchObject({ ok: true, value: { status: 'problem' } });
    expect(await show(app, { jobId: '../../etc' })).toMatchObject({ ok: true, value: { status: 'problem' } });
    expect(opened).toEqual([]);
  });

  it('says the file manager is unavailable where there is none (browser mode), and says why opening failed', async () => {
    expect(await show(core(undefined), { jobId: 'export-1' })).toEqual({ ok: true, value: { status: 'unavailable' } });
    const failing = core(() => Promise.resolve('Failed to open path'));
    expect(await show(failing, { jobId: 'export-1' })).toEqual({ ok: true, value: { status: 'problem', message: 'Failed to open path' } });
  });
});
