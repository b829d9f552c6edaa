#!/usr/bin/env node
// Entry point of the headless CLI (package.json "bin"). The CLI itself is bundled by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/notion-plakar.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('notion-plakar: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
await import(bundle);
