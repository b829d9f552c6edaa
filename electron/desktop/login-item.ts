import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The app's XDG autostart entry (in <config home>/autostart). */
export const LINUX_AUTOSTART_FILE = 'notion-kloset-backup.desktop';

/** The argument that makes the app start quietly in the tray (login items pass it). */
export const START_HIDDEN_ARG = '--hidden';

export interface LinuxAutostartOptions {
  /** The desktop entry's file name; LINUX_AUTOSTART_FILE unless given. */
  fileName?: string;
  name: string;
  /** The program to start: the AppImage when running from one, else the installed binary. */
  exec: string;
  configHome?: string;
}

/**
 * Quotes an Exec argument as the Desktop Entry Specification asks: quoting, then the string escape
 * applied on top of it (so a quoted backslash is written \\\\ and a quoted $ is \\$), and a literal % as %%.
 */
function desktopQuote(value: string): string {
  const quoted = /^[A-Za-z0-9_./-]+$/.test(value) ? value : `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

export function linuxAutostartEntry(options: Pick<LinuxAutostartOptions, 'name' | 'exec'>): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${options.name}`,
    `Exec=${desktopQuote(options.exec)} ${START_HIDDEN_ARG}`,
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=false',
    'Terminal=false',
    '',
  ].join('\n');
}

/**
 * Electron's setLoginItemSettings covers macOS and Windows only; on Linux the XDG autostart folder
 * is the standard way (GNOME, KDE, Xfce and others read it).
 */
export async function setLinuxAutostart(enabled: boolean, options: LinuxAutostartOptions): Promise<string> {
  const configHome = options.configHome ?? process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  const file = path.join(configHome, 'autostart', options.fileName ?? LINUX_AUTOSTART_FILE);
  if (enabled) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, linuxAutostartEntry(options), { mode: 0o644 });
  } else {
    await rm(file, { force: true });
  }
  return file;
}
