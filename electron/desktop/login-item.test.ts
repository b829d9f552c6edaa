import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scratchDir } from '../../testkit/support/crawl';
import { linuxAutostartEntry, setLinuxAutostart, START_HIDDEN_ARG } from './login-item';

let configHome: string;
beforeEach(async () => {
  configHome = await scratchDir('autostart-');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(configHome, { recursive: true, force: true });
});

/**
 * Reads an Exec value back as the Desktop Entry Specification says a launcher does: the string
 * escapes first (\\ \s \n \t \r), then the quoting (\" \` \$ \\ inside double quotes), then %% → %.
 */
function execArguments(value: string): string[] {
  // GLib refuses a value with an unknown escape (\" or \$ on their own): so does this reader.
  const unescaped = value.replace(/\\(.?)/g, (_match, code: string) => {
    const plain = ({ '\\': '\\', s: ' ', n: '\n', t: '\t', r: '\r' } as Record<string, string>)[code];
    if (plain === undefined) throw new Error(`invalid string escape \\${code} in ${value}`);
    return plain;
  });
  const args: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (let index = 0; index < unescaped.length; index += 1) {
    const char = unescaped[index] ?? '';
    if (quoted && char === '\\') {
      const next = unescaped[index + 1] ?? '';
      if (!'"`$\\'.includes(next)) throw new Error(`invalid escape \\${next} in ${value}`);
      current += next;
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
      started = true;
    } else if (char === ' ' && !quoted) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      if (!quoted && /[\s"'\\><~|&;$*?#()`]/.test(char)) throw new Error(`reserved character ${char} outside quotes in ${value}`);
      current += char;
      started = true;
    }
  }
  if (quoted) throw new Error(`unterminated quote in ${value}`);
  if (started) args.push(current);
  return args.map((arg) => {
    if (arg.replace(/%%/g, '').includes('%')) throw new Error(`field code in ${arg}`);
    return arg.replace(/%%/g, '%');
  });
}

function execLine(entry: string): string {
  const line = entry.split('\n').find((item) => item.startsWith('Exec='));
  if (!line) throw new Error('no Exec line');
  return line.slice('Exec='.length);
}

describe('linuxAutostartEntry', () => {
  it('starts the app hidden in the tray', () => {
    const entry = linuxAutostartEntry({ name: 'Notion Kloset Backup', exec: '/opt/notion-kloset-backup/notion-kloset-backup' });
    expect(entry).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Notion Kloset Backup',
        'Exec=/opt/notion-kloset-backup/notion-kloset-backup --hidden',
        'X-GNOME-Autostart-enabled=true',
        'NoDisplay=false',
        'Terminal=false',
        '',
      ].join('\n'),
    );
    expect(START_HIDDEN_ARG).toBe('--hidden');
  });

  it('quotes a path with spaces', () => {
    const entry = linuxAutostartEntry({ name: 'App', exec: '/home/ann/My Apps/Notion Kloset Backup.AppImage' });
    expect(execLine(entry)).toBe('"/home/ann/My Apps/Notion Kloset Backup.AppImage" --hidden');
  });

  it('writes any path so that a launcher reads back exactly that path', () => {
    const paths = [
      '/opt/app/notion-kloset-backup',
      '/home/ann/My Apps/app.AppImage',
      '/home/ann/100% backups/app.AppImage',
      '/home/ann/$HOME/app',
      '/home/ann/"quoted"/app',
      '/home/ann/back\\slash/app',
      '/home/ann/tick`s/app',
      "/home/ann/it's (mine) & yours/app",
    ];
    for (const exec of paths) {
      expect(execArguments(execLine(linuxAutostartEntry({ name: 'App', exec }))), exec).toEqual([exec, '--hidden']);
    }
  });
});

describe('setLinuxAutostart', () => {
  const options = () => ({ fileName: 'notion-kloset-backup.desktop', name: 'Notion Kloset Backup', exec: '/home/ann/My Apps/app.AppImage', configHome });

  it('writes the entry under <config>/autostart, readable by the session, and removes it when turned off', async () => {
    const file = await setLinuxAutostart(true, options());
    expect(file).toBe(path.join(configHome, 'autostart', 'notion-kloset-backup.desktop'));
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Exec="/home/ann/My Apps/app.AppImage" --hidden\n');
    expect(text.startsWith('[Desktop Entry]\n')).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o644);

    // Turning it on again rewrites it (the AppImage may have moved).
    await setLinuxAutostart(true, { ...options(), exec: '/opt/app/app' });
    expect(await readFile(file, 'utf8')).toContain('Exec=/opt/app/app --hidden\n');

    expect(await setLinuxAutostart(false, options())).toBe(file);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    // Turning it off twice is fine.
    await setLinuxAutostart(false, options());
  });

  it('uses XDG_CONFIG_HOME when no config folder is given', async () => {
    vi.stubEnv('XDG_CONFIG_HOME', configHome);
    const { configHome: _unused, ...rest } = options();
    const file = await setLinuxAutostart(true, rest);
    expect(file).toBe(path.join(configHome, 'autostart', 'notion-kloset-backup.desktop'));
    expect(await readFile(file, 'utf8')).toContain('Name=Notion Kloset Backup\n');
  });
});
