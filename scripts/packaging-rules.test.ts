import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig } from './check-packaging';
import { iconFiles, ROOT } from './make-icons';
import type { PackagingFacts } from './packaging-rules';
import { checkBuiltFuses, checkPackaging, FUSE_SENTINEL, readFuseWire, RELEASE_FUSES, TEST_CONFIG_FILE } from './packaging-rules';

const release = (): Configuration => ({
  appId: 'io.notionkloset.backup',
  productName: 'Notion Kloset Backup',
  directories: { output: 'release', buildResources: 'build' },
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map'],
  asar: true,
  electronFuses: { ...RELEASE_FUSES },
  linux: { target: ['AppImage', 'deb'], icon: 'build/icons' },
  mac: { target: 'dmg', icon: 'build/icon.png' },
  win: { target: [{ target: 'nsis', arch: ['x64'] }], icon: './build/icon.png' },
});

const testBuild = (config = release()): Configuration => ({
  ...structuredClone(config),
  extends: './electron-builder.yml',
  directories: { ...config.directories, output: 'release-test' },
  electronFuses: { ...config.electronFuses, enableNodeCliInspectArguments: true },
});

/** A configuration the test may edit (electron-builder's types are read-only). */
type Editable = { -readonly [K in keyof Configuration]: Configuration[K] };
type EditableFacts = Omit<PackagingFacts, 'release' | 'test'> & { release: Editable; test: Editable };

const goodIcons = (): PackagingFacts['icons'] =>
  iconFiles().map((icon) => ({ path: icon.path, expectedSize: icon.size, actual: { width: icon.size, height: icon.size }, upToDate: true }));

const facts = (change: (facts: EditableFacts) => void = () => undefined): PackagingFacts => {
  const base: EditableFacts = {
    release: release(),
    test: testBuild(),
    packageJson: { main: 'out/main/index.js', productName: 'Notion Kloset Backup' },
    mainEntryExists: true,
    icons: goodIcons(),
  };
  change(base);
  return base;
};

describe('checkPackaging', () => {
  it('accepts a configuration that follows every rule', () => {
    expect(checkPackaging(facts())).toEqual([]);
  });

  it('refuses a release fuse flipped the wrong way, naming the fuse and both values', () => {
    const problems = checkPackaging(
      facts((f) => {
        f.release.electronFuses = { ...RELEASE_FUSES, runAsNode: true };
        f.test = testBuild(f.release);
      }),
    );
    expect(problems).toEqual([
      'electron-builder.yml: electronFuses.runAsNode must be false (found true)',
      'electron-builder.test.yml: electronFuses.runAsNode must be false (found true)',
    ]);
  });

  it('refuses a fuse left out, and a test build without the inspect fuse', () => {
    const problems = checkPackaging(
      facts((f) => {
        const { onlyLoadAppFromAsar: _dropped, ...rest } = RELEASE_FUSES;
        f.release.electronFuses = rest;
        f.test = { ...testBuild(f.release), electronFuses: { ...rest } };
      }),
    );
    expect(problems).toContain('electron-builder.yml: electronFuses.onlyLoadAppFromAsar must be true (found not set)');
    expect(problems).toContain('electron-builder.test.yml: electronFuses.enableNodeCliInspectArguments must be true (found false)');
  });

  it('refuses a missing target on each platform', () => {
    const problems = checkPackaging(
      facts((f) => {
        f.release.linux = { ...f.release.linux, target: 'AppImage' };
        f.release.mac = { ...f.release.mac, target: ['zip'] };
        f.release.win = undefined;
        f.test = testBuild(f.release);
      }),
    );
    expect(problems).toContain('linux.target must include deb (found AppImage)');
    expect(problems).toContain('mac.target must include dmg (found zip)');
    expect(problems).toContain('win.target must include nsis (found none)');
  });

  it('refuses missing, wrongly sized and outdated icons, and icon paths electron-builder would not use', () => {
    const problems = checkPackaging(
      facts((f) => {
        f.icons = f.icons.map((icon) => {
          if (icon.path === 'build/icons/64x64.png') return { ...icon, actual: undefined, upToDate: false };
          if (icon.path === 'build/icon.png') return { ...icon, actual: { width: 256, height: 256 } };
          if (icon.path === 'build/icons/16x16.png') return { ...icon, upToDate: false };
          return icon;
        });
        f.release.mac = { ...f.release.mac, icon: 'build/icon.icns' };
        f.release.linux = { ...f.release.linux, icon: undefined };
        f.test = testBuild(f.release);
      }),
    );
    expect(problems).toEqual([
      'build/icon.png is 256×256, expected 1024×1024: run `npx tsx scripts/make-icons.ts` and commit build/',
      'build/icons/16x16.png is not what the icon generator draws now: run `npx tsx scripts/make-icons.ts` and commit build/',
      'build/icons/64x64.png is missing or not a PNG: run `npx tsx scripts/make-icons.ts` and commit build/',
      'mac.icon must be build/icon.png (found build/icon.icns)',
      'build/icon.png must be at least 512 px for mac (found 256)',
      'linux.icon must be the build/icons folder (found not set)',
    ]);
  });

  it('refuses asar off, app folders left out of files and source maps let in', () => {
    const problems = checkPackaging(
      facts((f) => {
        f.release.asar = false;
        f.release.files = ['out/main/**', 'out/renderer/**'];
        f.test = testBuild(f.release);
      }),
    );
    expect(problems).toEqual([
      'asar must be true (found false): the asar fuses need the app in app.asar',
      'files must include out/preload/** (the app is what `npm run build` writes there)',
      "files must exclude source maps ('!**/*.map')",
    ]);
  });

  it('reads files the way electron-builder normalises them (FileSets with filters)', () => {
    const normalised = facts((f) => {
      f.release.files = [{ filter: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map'] }];
      f.test = testBuild(f.release);
    });
    expect(checkPackaging(normalised)).toEqual([]);
  });

  it('refuses a test build that differs from the release in anything but the inspect fuse and the output folder', () => {
    const problems = checkPackaging(
      facts((f) => {
        f.test = { ...testBuild(), asar: false, directories: { output: 'release', buildResources: 'build' } };
      }),
    );
    expect(problems).toEqual([
      `${TEST_CONFIG_FILE}: directories.output must be "release-test" (found "release")`,
      `${TEST_CONFIG_FILE} differs from electron-builder.yml at asar: a test build may only turn on the inspect fuse and use release-test/`,
    ]);
  });

  it('refuses a package.json whose main is not the built entry point, and a missing build', () => {
    const problems = checkPackaging(
      facts((f) => {
        f.packageJson.main = 'dist/main.js';
        f.mainEntryExists = false;
        f.release.appId = '';
      }),
    );
    expect(problems).toEqual([
      'appId must be set (it names the app to the OS: installer, notifications, keychain)',
      'package.json "main" must be out/main/index.js (found "dist/main.js")',
      'out/main/index.js does not exist: run `npm run build` first',
      `${TEST_CONFIG_FILE} differs from electron-builder.yml at appId: a test build may only turn on the inspect fuse and use release-test/`,
    ]);
  });
});

describe('fuses in a built binary', () => {
  const binary = (states: string): Buffer =>
    Buffer.concat([Buffer.from('\0ELF…'), Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, states.length]), Buffer.from(states, 'latin1'), Buffer.from('…')]);

  it('reads the fuse wire, leaving out removed fuses', () => {
    expect(readFuseWire(binary('010001r0'))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(readFuseWire(Buffer.from('no wire here'))).toBe('no fuse wire found (not an Electron binary?)');
  });

  it('reports a built fuse that differs from the configuration', () => {
    const configured = { ...RELEASE_FUSES, enableNodeCliInspectArguments: true };
    expect(checkBuiltFuses('release-test/linux-unpacked', readFuseWire(binary('01011110')), configured)).toEqual([]);
    expect(checkBuiltFuses('release-test/linux-unpacked', readFuseWire(binary('11001110')), configured)).toEqual([
      'release-test/linux-unpacked: fuse runAsNode is on in the built binary, configured off',
      'release-test/linux-unpacked: fuse enableNodeCliInspectArguments is off in the built binary, configured on',
    ]);
  });
});

describe('the repository configuration, through electron-builder’s loader', () => {
  it('passes electron-builder’s schema and every rule', async () => {
    const problems = checkPackaging({
      release: await loadBuilderConfig(ROOT, 'electron-builder.yml'),
      test: await loadBuilderConfig(ROOT, TEST_CONFIG_FILE),
      packageJson: { main: 'out/main/index.js' },
      mainEntryExists: true, // the build is checked by `npm run check:packaging`, not here
      icons: goodIcons(), // so are the icon files
    });
    expect(problems).toEqual([]);
  });

  it('fails on a misspelled key, through `extends` as well', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'packaging-'));
    try {
      await writeFile(path.join(dir, 'base.yml'), 'appId: x.y\nelectronFuses:\n  runAsNod: false\n');
      await writeFile(path.join(dir, 'test.yml'), 'extends: ./base.yml\ndirectories:\n  output: out-test\n');
      await writeFile(path.join(dir, 'top.yml'), 'appId: x.y\nelectronFusez:\n  runAsNode: false\n');
      // ajv's message for a bad key inside an object names the object, not the key.
      await expect(loadBuilderConfig(dir, 'base.yml')).rejects.toThrow(/configuration\.electronFuses should be/);
      await expect(loadBuilderConfig(dir, 'test.yml')).rejects.toThrow(/configuration\.electronFuses should be/);
      await expect(loadBuilderConfig(dir, 'top.yml')).rejects.toThrow(/electronFusez/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
