// Bundles the Node-only entry points that electron-vite does not build: the headless CLI and the
// test-only plakar stand-in. Dependencies stay external (they are in node_modules at run time).
import { build } from 'esbuild';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

export const entries = {
  cli: { in: 'electron/cli/main.ts', out: 'out/cli/notion-plakar.js' },
  plakarStandin: { in: 'testkit/plakar-standin/src/main.ts', out: 'out/testkit/plakar-standin.js' },
};

export async function buildEntry(name) {
  const entry = entries[name];
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const outfile = path.join(root, entry.out);
  await mkdir(path.dirname(outfile), { recursive: true });
  await build({ ...common, entryPoints: [path.join(root, entry.in)], outfile,
    banner: { js: '#!/usr/bin/env node' },
    define: { __APP_VERSION__: JSON.stringify(version) },
  });
  await chmod(outfile, 0o755);
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2);
  for (const name of names.length > 0 ? names : Object.keys(entries)) {
    try {
      await buildEntry(name);
    } catch (error) {
      console.error(`build-node: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
