import type { BrowserWindow, MessageBoxOptions, OpenDialogOptions } from 'electron';
import { dialog } from 'electron';
import type { NativeDialogs } from '../services/native-dialogs';

/**
 * Electron's native dialogs behind the services' NativeDialogs interface: opened by main, attached to
 * the app's window, answered by the user (never by the renderer). The decisions built on them live in
 * electron/services/handlers/choices.ts and are unit-tested with a fake.
 */
export function electronDialogs(window: () => BrowserWindow | undefined): NativeDialogs {
  const parent = (): BrowserWindow | undefined => {
    const target = window();
    return target && !target.isDestroyed() ? target : undefined;
  };
  const open = async (options: OpenDialogOptions): Promise<string | null> => {
    const target = parent();
    const result = target ? await dialog.showOpenDialog(target, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    openFile: ({ title, buttonLabel }) => open({ title, buttonLabel, properties: ['openFile', 'dontAddToRecent'] }),
    openFolder: ({ title, buttonLabel }) => open({ title, buttonLabel, properties: ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent'] }),
    async confirm({ message, detail, confirmLabel, cancelLabel }) {
      const options: MessageBoxOptions = {
        type: 'warning',
        buttons: [cancelLabel, confirmLabel],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        message,
        detail,
      };
      const target = parent();
      const { response } = target ? await dialog.showMessageBox(target, options) : await dialog.showMessageBox(options);
      return response === 1;
    },
  };
}
