import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from '@playwright/test';
import type { AppEnv, AppUnderTest, AskedDialog } from './app-under-test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The real app: the built main process in the Electron binary (under xvfb-run on Linux CI). */
export async function launchElectronTarget(env: AppEnv): Promise<AppUnderTest> {
  const app = await electron.launch({
    args: [path.join(root, 'out/main/index.js')],
    cwd: root,
    env: { ...(process.env as Record<string, string>), ...env },
  });
  // Record notifications in the main process instead of showing them (xvfb has no notification daemon).
  await app.evaluate(({ Notification }) => {
    const shown: Electron.Notification[] = [];
    (globalThis as unknown as { __shownNotifications: Electron.Notification[] }).__shownNotifications = shown;
    Notification.isSupported = () => true;
    Notification.prototype.show = function show(this: Electron.Notification) {
      shown.push(this);
    };
  });
  // Main's native dialogs answered like the Chromium harness's FakeDialogs: queued answers per kind,
  // else file/folder dialogs cancelled and confirmations accepted. Every dialog shown is recorded.
  await app.evaluate(({ dialog }) => {
    type Answer = { kind: 'file' | 'folder'; path: string | null } | { kind: 'confirm'; confirmed: boolean };
    const state = { queued: [] as Answer[], asked: [] as Array<Record<string, unknown>> };
    (globalThis as unknown as { __dialogs: typeof state }).__dialogs = state;
    const take = (kind: Answer['kind']): Answer | undefined => {
      const index = state.queued.findIndex((answer) => answer.kind === kind);
      return index < 0 ? undefined : state.queued.splice(index, 1)[0];
    };
    const showOpen = async (...args: unknown[]) => {
      const options = args[args.length - 1] as Electron.OpenDialogOptions;
      const kind = options.properties?.includes('openDirectory') ? 'folder' : 'file';
      state.asked.push({ kind, title: options.title ?? '' });
      const answer = take(kind);
      const chosen = answer && 'path' in answer ? answer.path : null;
      return { canceled: chosen === null, filePaths: chosen === null ? [] : [chosen] };
    };
    const showMessage = async (...args: unknown[]) => {
      const options = args[args.length - 1] as Electron.MessageBoxOptions;
      state.asked.push({ kind: 'confirm', message: options.message, detail: options.detail ?? '', confirmLabel: options.buttons?.[1] ?? '', cancelLabel: options.buttons?.[0] ?? '' });
      const answer = take('confirm');
      return { response: !answer || ('confirmed' in answer && answer.confirmed) ? 1 : 0, checkboxChecked: false };
    };
    Object.assign(dialog, { showOpenDialog: showOpen, showMessageBox: showMessage });
  });
  const page = await app.firstWindow();
  await page.setViewportSize({ width: 1120, height: 780 });
  return {
    target: 'electron',
    page,
    notifications: () =>
      app.evaluate(() =>
        (globalThis as unknown as { __shownNotifications: Electron.Notification[] }).__shownNotifications.map((item) => ({ title: item.title, body: item.body })),
      ),
    clickNotification: (index) =>
      app.evaluate((_electron, at) => {
        (globalThis as unknown as { __shownNotifications: Electron.Notification[] }).__shownNotifications[at]?.emit('click');
      }, index),
    answerDialogs: (...answers) =>
      app.evaluate((_electron, queued) => {
        (globalThis as unknown as { __dialogs: { queued: unknown[] } }).__dialogs.queued.push(...queued);
      }, answers),
    askedDialogs: () => app.evaluate(() => (globalThis as unknown as { __dialogs: { asked: AskedDialog[] } }).__dialogs.asked),
    // The window's close button only hides it now: quit the app itself.
    close: () => app.close(),
  };
}
