// Whether Electron's binary is installed, without triggering its download: since Electron 42 the
// `electron` package fetches its binary on first require, which fails on machines that cannot reach
// github.com. `npm install` succeeds either way; this says once, in one line, what the desktop window
// needs, and `npm start` uses it to run the window only when it can.
//   node scripts/electron-binary.mjs --notice     prints the line when the binary is missing (exit 0)
//   node scripts/electron-binary.mjs --start ARGS runs Electron with ARGS, or else the browser mode (`notion-plakar ui`)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ELECTRON_MISSING =
  "The desktop window needs Electron's binary, which is not installed here. Get it with `npx install-electron` " +
  'where github.com can be reached; meanwhile `npm start` opens the app in your browser and the CLI works (`npx notion-plakar --help`).';

export const BROWSER_INSTEAD =
  "Electron's binary is not installed here (`npx install-electron` gets it where github.com can be reached): " +
  'starting the app in your browser instead (`notion-plakar ui`).';

/** The installed Electron executable, or null when its binary was never downloaded. */
export function installedElectron() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [mode, ...args] = process.argv.slice(2);
  const electron = installedElectron();
  if (mode === '--notice') {
    if (!electron) console.log(ELECTRON_MISSING);
  } else if (mode === '--start') {
    // Without the binary, the same app in a browser (`notion-plakar ui`), which opens one where it can.
    if (!electron) console.log(BROWSER_INSTEAD);
    const child = electron
      ? spawn(electron, args.length > 0 ? args : [root], { stdio: 'inherit' })
      : spawn(process.execPath, [path.join(root, 'bin/notion-plakar.js'), 'ui'], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  } else {
    console.error('usage: node scripts/electron-binary.mjs --notice | --start [args]');
    process.exit(2);
  }
}
