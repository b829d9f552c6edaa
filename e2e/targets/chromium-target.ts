import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { clockFor } from '../../electron/services/clock';
import { resolveServiceConfig } from '../../electron/services/config';
import { createSilentLogger } from '../../electron/services/logger';
import type { ConfirmRequest } from '../../electron/services/native-dialogs';
import { BrowserDialogs } from '../../electron/web/browser-dialogs';
import type { OpenDialogInfo } from '../../electron/web/browser-dialogs';
import { startBrowserMode } from '../../electron/web/browser-mode';
import type { AppEnv, AppUnderTest, AskedDialog, DialogAnswer, ShownNotification } from './app-under-test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Flags for Debian's Chromium on a machine with no network and no GPU (see the README). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/**
 * Browser mode's dialogs, recording what they asked so a spec can check it. The questions are still
 * served and answered as pages on the dialogs origin (see answerInBrowser).
 */
class RecordingDialogs extends BrowserDialogs {
  readonly asked: AskedDialog[] = [];
  /** What each newly pending dialog is, in the order they were asked. */
  readonly unmatched: AskedDialog[] = [];

  private record(asked: AskedDialog): void {
    this.asked.push(asked);
    this.unmatched.push(asked);
  }

  override openFile(request: { title: string; buttonLabel: string }): Promise<string | null> {
    this.record({ kind: 'file', title: request.title });
    return super.openFile(request);
  }

  override openFolder(request: { title: string; buttonLabel: string }): Promise<string | null> {
    this.record({ kind: 'folder', title: request.title });
    return super.openFolder(request);
  }

  override confirm(request: ConfirmRequest): Promise<boolean> {
    this.record({ kind: 'confirm', ...request });
    return super.confirm(request);
  }
}

/**
 * The app as `notion-plakar ui` serves it (electron/web/browser-mode.ts), in Debian's Chromium: the
 * same server, access token, WebSocket bridge and dialog pages a user gets. Only the platform's edges
 * are the harness's: notifications are recorded, the clock may start at NOTION_PLAKAR_TEST_NOW, the
 * login item goes to a scratch XDG folder, and a stand-in user answers the dialogs in their own tab.
 */
export async function launchChromiumTarget(env: AppEnv): Promise<AppUnderTest> {
  const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string; version: string };
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
  const shown: Array<ShownNotification & { click(): void }> = [];
  const dialogs = new RecordingDialogs();
  const queued: DialogAnswer[] = [];
  const mode = await startBrowserMode({
    config,
    rendererDir: path.join(root, 'out/renderer'),
    port: 0,
    logger: createSilentLogger(),
    clock: clockFor(config.testNow),
    dialogs,
    notify: (notification, onClick) => shown.push({ title: notification.title, body: notification.body, click: onClick }),
  });
  const answering = new Set<string>();
  let leftToSpec = false;
  const answered: Promise<void>[] = [];
  dialogs.onChange((pending) => {
    if (leftToSpec) return;
    for (const info of pending) {
      if (answering.has(info.id)) continue;
      answering.add(info.id);
      const asked = dialogs.unmatched.shift();
      if (!asked) continue;
      const index = queued.findIndex((answer) => answer.kind === asked.kind);
      const answer = index < 0 ? undefined : queued.splice(index, 1)[0];
      answered.push(answerInBrowser(browser, mode.server.port, info, asked, answer).catch((error: unknown) => console.error('e2e: answering a dialog failed', error)));
    }
  });
  await page.goto(mode.server.accessUrl);
  return {
    target: 'chromium',
    page,
    notifications: async () => shown.map(({ title, body }) => ({ title, body })),
    clickNotification: async (index) => shown[index]?.click(),
    answerDialogs: async (...answers) => void queued.push(...answers),
    askedDialogs: async () => [...dialogs.asked],
    leaveDialogsToSpec: () => {
      leftToSpec = true;
    },
    async close() {
      await Promise.allSettled(answered);
      await mode.stop();
      await browser.close();
    },
  };
}

/**
 * What the user does: opens the question in a new tab (as the app's "Open the question" link does)
 * and answers it there. Without a queued answer, file and folder dialogs are cancelled and
 * confirmations accepted, as the user setting the app up would.
 */
async function answerInBrowser(browser: Browser, port: number, info: OpenDialogInfo, asked: AskedDialog, answer: DialogAnswer | undefined): Promise<void> {
  // A fresh context, as the link opens with rel=noopener: the dialog tab shares nothing with the app's.
  const context = await browser.newContext();
  const tab = await context.newPage();
  try {
    const url = `http://localhost:${port}${info.path}`;
    if (asked.kind === 'confirm') {
      await tab.goto(url);
      const confirmed = answer?.kind === 'confirm' ? answer.confirmed : true;
      await tab.getByRole('button', { name: confirmed ? asked.confirmLabel : asked.cancelLabel, exact: true }).click();
    } else {
      const chosen = answer && answer.kind !== 'confirm' ? answer.path : null;
      if (chosen === null) {
        await tab.goto(url);
        await tab.getByRole('button', { name: 'Cancel', exact: true }).click();
      } else if (asked.kind === 'file') {
        await tab.goto(`${url}?dir=${encodeURIComponent(path.dirname(chosen))}`);
        await tab.getByRole('button', { name: `Choose ${path.basename(chosen)}`, exact: true }).click();
      } else {
        await chooseFolder(tab, url, chosen);
      }
    }
    await tab.getByText('you can close this tab').waitFor();
  } finally {
    await context.close();
  }
}

async function chooseFolder(tab: Page, url: string, folder: string): Promise<void> {
  if (existsSync(folder)) {
    await tab.goto(`${url}?dir=${encodeURIComponent(folder)}`);
  } else {
    // A new folder, made in the dialog as a user would.
    await tab.goto(`${url}?dir=${encodeURIComponent(path.dirname(folder))}`);
    await tab.getByLabel('New folder').fill(path.basename(folder));
    await tab.getByRole('button', { name: 'Create', exact: true }).click();
    await tab.getByText(folder, { exact: true }).waitFor();
  }
  const form = tab.locator('form.actions');
  await form.locator('button[value="choose"]').click();
}
