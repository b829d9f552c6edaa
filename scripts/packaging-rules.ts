// Our rules for the installer configuration, as pure functions over facts that
// scripts/check-packaging.ts gathers (the effective electron-builder configurations, package.json,
// the icon files). Each broken rule is one readable sentence; no problems = an empty list.
import type { Configuration } from 'electron-builder';

export const RELEASE_CONFIG_FILE = 'electron-builder.yml';
export const TEST_CONFIG_FILE = 'electron-builder.test.yml';
export const RELEASE_OUTPUT_DIR = 'release';
export const TEST_OUTPUT_DIR = 'release-test';
export const MAIN_ENTRY = 'out/main/index.js';
/** What `npm run build` writes and the packaged app needs. */
export const APP_OUTPUT_DIRS = ['out/main', 'out/preload', 'out/renderer'] as const;

export const REQUIRED_TARGETS = { linux: ['AppImage', 'deb'], mac: ['dmg'], win: ['nsis'] } as const;
type Platform = keyof typeof REQUIRED_TARGETS;

/** Fuse values of a release build (see the comments in electron-builder.yml). */
export const RELEASE_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

/** The only differences a test build may have from a release build (dotted paths). */
export const TEST_BUILD_OVERRIDES: Readonly<Record<string, unknown>> = {
  'electronFuses.enableNodeCliInspectArguments': true,
  'directories.output': TEST_OUTPUT_DIR,
};

/** Icons electron-builder resolves: PNG sources, with the minimum size each converter accepts. */
export const ICON_SOURCES = { mac: { path: 'build/icon.png', minSize: 512 }, win: { path: 'build/icon.png', minSize: 256 } } as const;
export const LINUX_ICON_DIR = 'build/icons';

export interface IconFact {
  /** Repository-relative path, forward slashes. */
  path: string;
  expectedSize: number;
  /** Width and height read from the PNG's IHDR; undefined when the file is missing or not a PNG. */
  actual: { width: number; height: number } | undefined;
  /** Same bytes (or at least the same pixels) as the generator draws now. */
  upToDate: boolean;
}

export interface PackagingFacts {
  /** Effective configurations, as electron-builder's loader returns them (after `extends`). */
  release: Configuration;
  test: Configuration;
  packageJson: { main?: string; productName?: string };
  /** Whether out/main/index.js exists (after `npm run build`). */
  mainEntryExists: boolean;
  icons: IconFact[];
}

const MAKE_ICONS = 'run `npx tsx scripts/make-icons.ts` and commit build/';

/** Target names of one platform section, whichever form electron-builder allows them in. */
export function targetNames(target: unknown): string[] {
  const one = (item: unknown): string[] =>
    typeof item === 'string' ? [item] : item && typeof item === 'object' && 'target' in item ? [String(item.target)] : [];
  return Array.isArray(target) ? target.flatMap(one) : one(target);
}

/** File patterns of the `files` option (strings, or FileSets once the loader has normalised them). */
export function filePatterns(files: unknown): string[] {
  const list = Array.isArray(files) ? files : files == null ? [] : [files];
  return list.flatMap((item: unknown) => {
    if (typeof item === 'string') return [item];
    if (item && typeof item === 'object' && !('from' in item && item.from) && 'filter' in item) {
      const filter = item.filter;
      return Array.isArray(filter) ? filter.map(String) : typeof filter === 'string' ? [filter] : [];
    }
    return [];
  });
}

const normalisePath = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') : undefined;

function checkIdentity(facts: PackagingFacts): string[] {
  const problems: string[] = [];
  if (!facts.release.appId?.trim()) problems.push('appId must be set (it names the app to the OS: installer, notifications, keychain)');
  if (!facts.release.productName?.trim() && !facts.packageJson.productName?.trim()) problems.push('productName must be set');
  if (facts.packageJson.main !== MAIN_ENTRY) {
    problems.push(`package.json "main" must be ${MAIN_ENTRY} (found ${JSON.stringify(facts.packageJson.main)})`);
  }
  if (!facts.mainEntryExists) problems.push(`${MAIN_ENTRY} does not exist: run \`npm run build\` first`);
  return problems;
}

function checkTargets(config: Configuration): string[] {
  return (Object.keys(REQUIRED_TARGETS) as Platform[]).flatMap((platform) => {
    const found = targetNames(config[platform]?.target);
    return REQUIRED_TARGETS[platform]
      .filter((target) => !found.includes(target))
      .map((target) => `${platform}.target must include ${target} (found ${found.length ? found.join(', ') : 'none'})`);
  });
}

function checkFuses(config: Configuration, label: string, expected: Record<string, boolean>): string[] {
  const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
  return Object.entries(expected)
    .filter(([fuse, value]) => fuses[fuse] !== value)
    .map(([fuse, value]) => `${label}: electronFuses.${fuse} must be ${value} (found ${fuses[fuse] === undefined ? 'not set' : String(fuses[fuse])})`);
}

function checkContents(config: Configuration): string[] {
  const problems: string[] = [];
  if (config.asar !== true && !(config.asar && typeof config.asar === 'object')) {
    problems.push(`asar must be true (found ${String(config.asar)}): the asar fuses need the app in app.asar`);
  }
  const patterns = filePatterns(config.files);
  for (const dir of APP_OUTPUT_DIRS) {
    const covered = patterns.some((p) => !p.startsWith('!') && (p === dir || p.startsWith(`${dir}/`) || p === 'out/**' || p === '**/*'));
    if (!covered) problems.push(`files must include ${dir}/** (the app is what \`npm run build\` writes there)`);
  }
  if (!patterns.some((p) => p.startsWith('!') && /\.map$/.test(p))) problems.push("files must exclude source maps ('!**/*.map')");
  return problems;
}

function checkIcons(config: Configuration, icons: readonly IconFact[]): string[] {
  const problems: string[] = [];
  for (const icon of icons) {
    if (!icon.actual) {
      problems.push(`${icon.path} is missing or not a PNG: ${MAKE_ICONS}`);
      continue;
    }
    const { width, height } = icon.actual;
    if (width !== icon.expectedSize || height !== icon.expectedSize) {
      problems.push(`${icon.path} is ${width}×${height}, expected ${icon.expectedSize}×${icon.expectedSize}: ${MAKE_ICONS}`);
    } else if (!icon.upToDate) {
      problems.push(`${icon.path} is not what the icon generator draws now: ${MAKE_ICONS}`);
    }
  }
  for (const platform of ['mac', 'win'] as const) {
    const { path, minSize } = ICON_SOURCES[platform];
    const configured = normalisePath(config[platform]?.icon);
    if (configured !== path) problems.push(`${platform}.icon must be ${path} (found ${configured ?? 'not set'})`);
    const fact = icons.find((icon) => icon.path === path);
    if (fact?.actual && fact.actual.width < minSize) problems.push(`${path} must be at least ${minSize} px for ${platform} (found ${fact.actual.width})`);
  }
  const linuxIcon = normalisePath(config.linux?.icon);
  if (linuxIcon !== LINUX_ICON_DIR) problems.push(`linux.icon must be the ${LINUX_ICON_DIR} folder (found ${linuxIcon ?? 'not set'})`);
  if (!icons.some((icon) => icon.path.startsWith(`${LINUX_ICON_DIR}/`))) problems.push(`${LINUX_ICON_DIR} holds no icons: ${MAKE_ICONS}`);
  return problems;
}

/** Dotted paths where two configuration values differ (arrays compared whole). */
export function differences(a: unknown, b: unknown, at = ''): string[] {
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => differences(a[key], b[key], at ? `${at}.${key}` : key));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [at];
}

function checkTestBuild(release: Configuration, test: Configuration): string[] {
  const problems: string[] = [];
  const output = release.directories?.output;
  if (output !== RELEASE_OUTPUT_DIR) problems.push(`directories.output must be ${RELEASE_OUTPUT_DIR} (found ${String(output)})`);
  for (const [path, value] of Object.entries(TEST_BUILD_OVERRIDES)) {
    const found = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], test);
    if (found !== value) problems.push(`${TEST_CONFIG_FILE}: ${path} must be ${JSON.stringify(value)} (found ${JSON.stringify(found)})`);
  }
  // `extends` is how the test file pulls in the release one, not a difference in the build.
  const { extends: _releaseExtends, ...releaseRest } = release;
  const { extends: _testExtends, ...testRest } = test;
  const reportedAsFuse = (path: string): boolean => path.startsWith('electronFuses.') && path.slice('electronFuses.'.length) in RELEASE_FUSES;
  const unexpected = differences(releaseRest, testRest).filter((path) => !(path in TEST_BUILD_OVERRIDES) && !reportedAsFuse(path));
  for (const path of unexpected) {
    problems.push(`${TEST_CONFIG_FILE} differs from ${RELEASE_CONFIG_FILE} at ${path}: a test build may only turn on the inspect fuse and use ${TEST_OUTPUT_DIR}/`);
  }
  return problems;
}

/** Every broken rule, as sentences; an empty list when the packaging configuration is right. */
export function checkPackaging(facts: PackagingFacts): string[] {
  const { release, test } = facts;
  return [
    ...checkIdentity(facts),
    ...checkTargets(release),
    ...checkContents(release),
    ...checkFuses(release, RELEASE_CONFIG_FILE, RELEASE_FUSES),
    ...checkFuses(test, TEST_CONFIG_FILE, { ...RELEASE_FUSES, enableNodeCliInspectArguments: true }),
    ...checkTestBuild(release, test),
    ...checkIcons(release, facts.icons),
  ];
}

// ---------------------------------------------------------------------------------------------
// A built app (after `electron-builder --dir`): the fuses really flipped in the Electron binary.

/** @electron/fuses marks the fuse wire with this string; then a version byte, a length, the states. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse names in wire order (fuse wire version 1). */
export const FUSE_WIRE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

/** The fuses of an Electron binary ('0' off, '1' on; 'r' removed fuses are left out), or why not. */
export function readFuseWire(binary: Buffer): Record<string, boolean> | string {
  const at = binary.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at === -1) return 'no fuse wire found (not an Electron binary?)';
  const wire = at + FUSE_SENTINEL.length;
  if (binary[wire] !== 1) return `unknown fuse wire version ${binary[wire]}`;
  const fuses: Record<string, boolean> = {};
  const length = binary[wire + 1] ?? 0;
  for (let i = 0; i < length && i < FUSE_WIRE_ORDER.length; i++) {
    const state = binary[wire + 2 + i];
    if (state === 0x30 || state === 0x31) fuses[FUSE_WIRE_ORDER[i] as string] = state === 0x31;
  }
  return fuses;
}

/** Compares the fuses found in a built binary with the configured ones. */
export function checkBuiltFuses(label: string, wire: Record<string, boolean> | string, configured: object): string[] {
  if (typeof wire === 'string') return [`${label}: ${wire}`];
  return Object.entries(configured)
    .filter(([fuse, value]) => typeof value === 'boolean' && fuse in wire && wire[fuse] !== value)
    .map(([fuse, value]) => `${label}: fuse ${fuse} is ${wire[fuse] ? 'on' : 'off'} in the built binary, configured ${value ? 'on' : 'off'}`);
}
