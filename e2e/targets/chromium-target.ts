import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { dispatchInvoke } from '../../shared/ipc/dispatch';
import { createAppCore } from '../../electron/services/app-services';
import { clockFor } from '../../electron/services/clock';
import { setLinuxAutostart } from '../../electron/services/login-item';
import { resolveServiceConfig } from '../../electron/services/config';
import { JobRunner } from '../../electron/services/job-runner';
import { SecretVault, testOnlyCipher } from '../../electron/services/secrets';
import { AppSettings, SETTINGS_STORE_OPTIONS } from '../../electron/services/settings';
import { eventChannels } from '../../shared/ipc/channels';
import Conf from 'conf';
import { FakeDialogs } from '../../testkit/fake-dialogs';
import type { AppEnv, AppUnderTest, ShownNotification } from './app-under-test';
import { serveRenderer } from './static-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Flags for Debian's Chromium on a machine with no network and no GPU (see the README). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

let bridgeScript: Promise<string> | undefined;
function pageBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [path.join(root, 'e2e/targets/bridge-page-script.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bridgeScript;
}

/**
 * The renderer as built for the app, in Debian's Chromium, with window.backupApp provided by a
 * Playwright binding that runs the same service layer and dispatcher as the Electron IPC handlers.
 */
export async function launchChromiumTarget(env: AppEnv): Promise<AppUnderTest> {
  const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    productName: string;
    version: string;
  };
  const server = await serveRenderer(path.join(root, 'out/renderer'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', // also checked up front by scripts/check-chromium.mjs
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1120, height: 780 }, colorScheme: 'light' });
  const page = await context.newPage();
  const config = resolveServiceConfig(
    { ...process.env, ...env },
    {
      productName: packageJson.productName,
      version: packageJson.version,
      electronVersion: null,
      chromeVersion: browser.version(),
      defaultDataDir: env.NOTION_PLAKAR_DATA_DIR,
    },
  );
  const settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: config.dataDir }));
  const shown: Array<ShownNotification & { click(): void }> = [];
  // Main's native dialogs, answered by the spec (answerDialogs) or the stand-in user's defaults.
  const dialogs = new FakeDialogs(true);
  const core = createAppCore({
    config,
    dialogs,
    clock: clockFor(config.testNow),
    // What Electron does on Linux, with notifications recorded rather than shown.
    platform: {
      notify: (notification, onClick) => shown.push({ title: notification.title, body: notification.body, click: onClick }),
      isOnBattery: () => false,
      setLaunchAtLogin: async (enabled) => {
        await setLinuxAutostart(enabled, {
          name: packageJson.productName,
          exec: '/opt/Notion Kloset Backup/notion-plakar',
          configHome: env.XDG_CONFIG_HOME ?? path.join(config.dataDir, 'xdg-config'),
        });
      },
    },
    settings,
    // No keyring in the harness (as on a Linux CI machine): a cipher that says it is not secure.
    vault: new SecretVault(config.dataDir, testOnlyCipher(), () => settings.get().acceptInsecureSecretStorage),
    jobs: new JobRunner(),
    emit: (event, payload) => {
      void page
        .evaluate(([channel, data]) => (window as unknown as { __backupAppDeliverEvent?: (c: string, p: unknown) => void }).__backupAppDeliverEvent?.(channel as string, data), [eventChannels[event], payload] as const)
        .catch(() => undefined);
    },
  });
  await page.exposeBinding('__backupAppInvoke', async (source, channel: unknown, input: unknown) => {
    // The harness's equivalent of main's sender check: only our page's top frame may call.
    if (source.frame !== page.mainFrame() || !source.frame.url().startsWith(`${server.origin}/`)) {
      return { ok: false, error: { code: 'untrusted-sender', message: 'Refused: unknown sender.' } };
    }
    return dispatchInvoke(core.handlers, String(channel), input);
  });
  await page.addInitScript({ content: await pageBridgeScript() });
  await page.goto(`${server.origin}/index.html`);
  await core.start();
  return {
    target: 'chromium',
    page,
    notifications: async () => shown.map(({ title, body }) => ({ title, body })),
    clickNotification: async (index) => shown[index]?.click(),
    answerDialogs: async (...answers) => void dialogs.answer(...answers),
    askedDialogs: async () => [...dialogs.asked],
    async close() {
      core.stop();
      await browser.close();
      await server.close();
    },
  };
}
