#!/usr/bin/env node
// Runs every plakar-facing suite (the Vitest files that drive the plakar under test, and the e2e
// specs) against each plakar release of shared/plakar-versions.json that is built in the cache,
// one release after another. `npm test` already ran everything against the newest one, so CI
// passes --skip-newest; without it every built release runs.
//
// A "plakar-facing" Vitest file is one whose suite title names the plakar under test
// (plakarUnderTestLabel()), which every suite that drives it must: the list is found, not kept.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtVersion, pinnedVersions, plakarBinaryPath } from './install-plakar.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function plakarFacingTestFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'out' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.ts') && readFileSync(full, 'utf8').includes('plakarUnderTestLabel()')) out.push(path.relative(root, full));
    }
  };
  for (const dir of ['electron', 'testkit', 'bench', 'scripts']) walk(path.join(root, dir));
  return out.sort();
}

const skipNewest = process.argv.includes('--skip-newest');
const { ci } = await pinnedVersions();
const built = [];
for (const version of ci) {
  if ((await builtVersion(plakarBinaryPath(version))) === version) built.push(version);
  else console.log(`plakar ${version}: not built (see node scripts/install-plakar.mjs), its suites do not run`);
}
const versions = skipNewest ? built.slice(0, -1) : built;
if (skipNewest && built.length > 0) console.log(`plakar ${built.at(-1)}: already run by npm test`);
const files = plakarFacingTestFiles();
let failed = false;
for (const version of versions) {
  const env = { ...process.env, PLAKAR_BIN: plakarBinaryPath(version) };
  console.log(`\n=== plakar-facing suites against real plakar ${version}: ${files.length} Vitest files and the e2e specs ===`);
  const unit = spawnSync('npx', ['vitest', 'run', ...files], { cwd: root, env, stdio: 'inherit' });
  const e2e = spawnSync('npm', ['run', 'e2e'], { cwd: root, env, stdio: 'inherit' });
  if (unit.status !== 0 || e2e.status !== 0) {
    failed = true;
    console.log(`plakar ${version}: FAILED`);
  }
}
process.exit(failed ? 1 : 0);
