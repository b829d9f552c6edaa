import os from 'node:os';
import path from 'node:path';
import { wellKnownPlakarLocations } from '../engine/plakar/detect';

/**
 * The native dialogs main opens for decisions a renderer must not make on its own: which program
 * receives the store passphrase, where stores and exports go, and consent to insecure secret storage.
 * Electron's `dialog` in the app (electron/main/dialogs.ts), a fake in tests and the e2e harness.
 */
export interface NativeDialogs {
  /** An existing file; null when the user cancelled. */
  openFile(request: { title: string; buttonLabel: string }): Promise<string | null>;
  /** A folder (may be created in the dialog); null when the user cancelled. */
  openFolder(request: { title: string; buttonLabel: string }): Promise<string | null>;
  /** A yes/no question; true only when the user chose `confirmLabel`. */
  confirm(request: ConfirmRequest): Promise<boolean>;
}

export interface ConfirmRequest {
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
}

/** Without a desktop shell (plain Node without a fake), every question is answered "no". */
export const refusingDialogs: NativeDialogs = {
  openFile: async () => null,
  openFolder: async () => null,
  confirm: async () => false,
};

export type FolderPurpose = 'store' | 'export';

/**
 * Folders handed out by main through a native dialog, per purpose. A path that comes back from the
 * renderer is trusted only if main handed it out (or the user confirms it in a native dialog).
 */
export class HandedOutFolders {
  private readonly folders = new Map<FolderPurpose, Set<string>>();

  add(purpose: FolderPurpose, folder: string): string {
    const resolved = path.resolve(folder);
    const set = this.folders.get(purpose) ?? new Set<string>();
    set.add(resolved);
    this.folders.set(purpose, set);
    return resolved;
  }

  has(purpose: FolderPurpose, folder: string): boolean {
    // Only absolute paths are compared: a relative one would resolve against main's working directory.
    return path.isAbsolute(folder) && (this.folders.get(purpose)?.has(path.resolve(folder)) ?? false);
  }
}

/**
 * Folders plakar is installed in by its installers and package managers (the directories of
 * detect.ts's well-known locations). A binary chosen anywhere else gets an explicit warning.
 */
export function usualPlakarFolders(platform: NodeJS.Platform = process.platform, homeDir: string = os.homedir()): string[] {
  const join = platform === 'win32' ? path.win32 : path.posix;
  return [...new Set(wellKnownPlakarLocations(platform, homeDir).map((file) => join.dirname(file)))];
}

export function isInUsualPlakarFolder(binary: string, platform: NodeJS.Platform = process.platform, homeDir: string = os.homedir()): boolean {
  const join = platform === 'win32' ? path.win32 : path.posix;
  const folder = join.dirname(join.resolve(binary));
  return usualPlakarFolders(platform, homeDir).some((usual) => (platform === 'win32' ? usual.toLowerCase() === folder.toLowerCase() : usual === folder));
}
