// `npm run demo`: the app against the Notion emulator with the rich demo workspace, so every flow can
// be tried without a Notion account. Uses plakar from PLAKAR_BIN or PATH, else the test stand-in.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNotionEmulator } from '../testkit/notion-emulator';
import { standinBinPath } from '../testkit/plakar-standin';
import { detectPlakar } from '../electron/engine/plakar/detect';
import { plakarDirsUnder } from '../electron/engine/plakar/process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.NOTION_PLAKAR_DATA_DIR ?? (await mkdtemp(path.join(os.tmpdir(), 'notion-plakar-demo-')));

const emulator = await startNotionEmulator({ port: Number(process.env.DEMO_PORT ?? 0) });
const detection = await detectPlakar({ explicitPath: process.env.PLAKAR_BIN || undefined, dirs: plakarDirsUnder(path.join(dataDir, 'plakar')) });
let plakar = detection.status === 'found' ? detection.path : undefined;
if (!plakar) {
  // @ts-expect-error plain ESM build script without type declarations
  const { buildEntry } = (await import('./build-node.mjs')) as { buildEntry: (name: string) => Promise<string> };
  await buildEntry('plakarStandin');
  plakar = standinBinPath();
}

console.log(`Demo workspace: ${emulator.url} (token ${emulator.tokens.full})`);
console.log(`plakar: ${plakar}${plakar === standinBinPath() ? ' (the test stand-in: no real plakar was found)' : ''}`);
console.log(`App data: ${dataDir}`);

// @ts-expect-error plain ESM script without type declarations
const { installedElectron, BROWSER_INSTEAD } = (await import('./electron-binary.mjs')) as { installedElectron: () => string | null; BROWSER_INSTEAD: string };
const electron = installedElectron();
// Without Electron's binary, the same app in a browser (`notion-plakar ui`).
if (!electron) console.log(BROWSER_INSTEAD);
const app = spawn(electron ?? process.execPath, electron ? [root] : [path.join(root, 'bin/notion-plakar.js'), 'ui'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NOTION_API_URL: emulator.url,
    NOTION_PLAKAR_DEMO: '1',
    NOTION_PLAKAR_DEMO_TOKEN: emulator.tokens.full,
    NOTION_PLAKAR_DATA_DIR: dataDir,
    PLAKAR_BIN: plakar,
  },
});
// Ctrl-C reaches the app too (same process group); wait for it to stop, then stop the emulator.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => undefined);
app.on('exit', (code) => {
  void emulator.close().then(() => process.exit(code ?? 0));
});
