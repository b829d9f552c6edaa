// npm run check:packaging — validates the installer configuration (run it after `npm run build`):
// 1. loads electron-builder.yml and electron-builder.test.yml with electron-builder's own loader
//    (`extends` resolved) and validates both against its JSON schema: an unknown or misspelled key
//    fails here rather than at release time;
// 2. checks our rules (scripts/packaging-rules.ts): targets, asar, fuses, files, icons (present,
//    right size, same as the generator draws now), package.json "main" and the built entry point;
// 3. where the Electron binary is installed, builds the test configuration unpacked
//    (`electron-builder --dir`) and reads the fuses back out of the built binary.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import type { Configuration } from 'electron-builder';
import { iconFiles, ROOT } from './make-icons';
import type { IconFact } from './packaging-rules';
import {
  checkBuiltFuses,
  checkPackaging,
  MAIN_ENTRY,
  readFuseWire,
  RELEASE_CONFIG_FILE,
  TEST_CONFIG_FILE,
  TEST_OUTPUT_DIR,
} from './packaging-rules';

interface BuilderInternals {
  config: {
    getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>;
    validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
  };
  asar: { listPackage(archive: string, options: { isPack: boolean }): string[] };
}

/** electron-builder's config loader and schema validator: app-builder-lib, the copy it depends on. */
function builderInternals(): BuilderInternals {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));
  return {
    config: fromLib('./out/util/config/config.js') as BuilderInternals['config'],
    asar: fromLib('@electron/asar') as BuilderInternals['asar'],
  };
}

/** The effective configuration of one config file, as `electron-builder --config <file>` sees it. */
export async function loadBuilderConfig(projectDir: string, file: string): Promise<Configuration> {
  const { config } = builderInternals();
  const loaded = await config.getConfig(projectDir, file, null);
  await config.validateConfiguration(loaded, { isEnabled: false, add: () => undefined });
  return loaded;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.toString('hex', 0, 8) !== signature || png.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** IHDR plus the inflated image data: equal for two PNGs with the same pixels and filters. */
function pngImage(png: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IHDR' || type === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  try {
    return Buffer.concat([parts[0] ?? Buffer.alloc(0), inflateSync(Buffer.concat(parts.slice(1)))]);
  } catch {
    return undefined;
  }
}

/**
 * Same bytes as the generator writes now. Failing that, the same pixels: another zlib build (a
 * different Node.js, or CPU-specific zlib code) may compress the same image to different bytes.
 */
function sameIcon(committed: Buffer, drawn: Buffer): boolean {
  if (committed.equals(drawn)) return true;
  const [a, b] = [pngImage(committed), pngImage(drawn)];
  return a !== undefined && b !== undefined && a.equals(b);
}

async function iconFacts(root: string): Promise<IconFact[]> {
  const facts: IconFact[] = [];
  for (const icon of iconFiles()) {
    const committed = await readFile(path.join(root, icon.path)).catch(() => undefined);
    const actual = committed && pngSize(committed);
    facts.push({ path: icon.path, expectedSize: icon.size, actual, upToDate: !!committed && sameIcon(committed, icon.render()) });
  }
  return facts;
}

/** The unpacked Electron distribution of the electron package, when its binary was downloaded. */
export function electronDistDir(): string | undefined {
  try {
    const electronPackage = createRequire(import.meta.url).resolve('electron/package.json');
    const dist = path.join(path.dirname(electronPackage), 'dist');
    return existsSync(path.join(path.dirname(electronPackage), 'path.txt')) && existsSync(dist) ? dist : undefined;
  } catch {
    return undefined;
  }
}

/** The file holding the fuse wire in an unpacked build folder (linux-unpacked, win-unpacked, mac…). */
function fuseBinary(unpacked: string, config: Configuration): string | undefined {
  const product = config.productName ?? 'Electron';
  const candidates = [
    path.join(unpacked, config.linux?.executableName ?? product),
    path.join(unpacked, `${config.win?.executableName ?? product}.exe`),
    path.join(unpacked, `${product}.app`, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework'),
  ];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

function resourcesDir(unpacked: string, config: Configuration): string {
  const mac = path.join(unpacked, `${config.productName ?? 'Electron'}.app`, 'Contents', 'Resources');
  return existsSync(mac) ? mac : path.join(unpacked, 'resources');
}

/** Builds the test configuration unpacked and checks what came out; returns problems. */
export async function buildUnpacked(root: string, dist: string, test: Configuration): Promise<string[]> {
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const args = ['--dir', '--config', TEST_CONFIG_FILE, `--config.electronDist=${dist}`];
  console.log(`\nBuilding the test configuration unpacked: npx electron-builder ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) return [`electron-builder --dir exited with ${run.status ?? run.signal}`];

  const output = path.join(root, TEST_OUTPUT_DIR);
  const unpackedDirs = readdirSync(output, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && (entry.name.endsWith('-unpacked') || entry.name.startsWith('mac')))
    .map((entry) => path.join(output, entry.name));
  if (unpackedDirs.length === 0) return [`no unpacked app under ${TEST_OUTPUT_DIR}/`];
  const problems: string[] = [];
  const { asar } = builderInternals();
  for (const unpacked of unpackedDirs) {
    const label = path.relative(root, unpacked);
    console.log(`Unpacked test build: ${label}`);
    const resources = resourcesDir(unpacked, test);
    const archive = path.join(resources, 'app.asar');
    if (!existsSync(archive)) problems.push(`${label}: no resources/app.asar`);
    else if (!asar.listPackage(archive, { isPack: false }).some((entry) => entry.replace(/\\/g, '/') === `/${MAIN_ENTRY}`)) {
      problems.push(`${label}: app.asar has no ${MAIN_ENTRY}`);
    }
    if (existsSync(path.join(resources, 'app'))) problems.push(`${label}: a loose resources/app folder sits next to app.asar`);
    const binary = fuseBinary(unpacked, test);
    if (!binary) problems.push(`${label}: cannot find the Electron binary to read its fuses`);
    else problems.push(...checkBuiltFuses(label, readFuseWire(await readFile(binary)), test.electronFuses ?? {}));
  }
  return problems;
}

async function main(root = ROOT): Promise<number> {
  let release: Configuration;
  let test: Configuration;
  try {
    release = await loadBuilderConfig(root, RELEASE_CONFIG_FILE);
    test = await loadBuilderConfig(root, TEST_CONFIG_FILE);
  } catch (error) {
    console.error(`\nPackaging check failed: electron-builder refuses the configuration.\n${(error as Error).message}`);
    return 1;
  }
  const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main?: string; productName?: string };
  const problems = checkPackaging({
    release,
    test,
    packageJson,
    mainEntryExists: existsSync(path.join(root, MAIN_ENTRY)),
    icons: await iconFacts(root),
  });
  if (problems.length === 0) {
    console.log(`Packaging configuration OK: ${RELEASE_CONFIG_FILE} and ${TEST_CONFIG_FILE} pass electron-builder's schema and our rules.`);
    const dist = electronDistDir();
    if (dist) problems.push(...(await buildUnpacked(root, dist, test)));
    else console.log('Skipped the --dir build: the Electron binary is not installed (node_modules/electron/dist is missing).');
  }
  if (problems.length > 0) {
    console.error(`\nPackaging check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main();
}
