import { describe, expect, it } from 'vitest';
import { HandedOutFolders, isInUsualPlakarFolder, usualPlakarFolders } from './native-dialogs';

describe('usual plakar folders', () => {
  it('are the install folders of plakar’s installers and package managers', () => {
    expect(usualPlakarFolders('linux', '/home/ann')).toEqual(['/usr/local/bin', '/usr/bin', '/opt/homebrew/bin', '/home/ann/go/bin', '/home/ann/.local/bin']);
  });

  it('accept a program directly in one of them, and nothing else', () => {
    expect(isInUsualPlakarFolder('/usr/bin/plakar', 'linux', '/home/ann')).toBe(true);
    expect(isInUsualPlakarFolder('/home/ann/go/bin/plakar', 'linux', '/home/ann')).toBe(true);
    expect(isInUsualPlakarFolder('/home/ann/Downloads/plakar', 'linux', '/home/ann')).toBe(false);
    expect(isInUsualPlakarFolder('/usr/bin/sub/plakar', 'linux', '/home/ann')).toBe(false);
    expect(isInUsualPlakarFolder('/usr/bin/../../tmp/plakar', 'linux', '/home/ann')).toBe(false);
    expect(isInUsualPlakarFolder('/home/bob/go/bin/plakar', 'linux', '/home/ann')).toBe(false);
  });

  it('compare Windows folders without regard to case', () => {
    expect(isInUsualPlakarFolder('c:\\program files\\plakar\\plakar.exe', 'win32', 'C:\\Users\\ann')).toBe(true);
    expect(isInUsualPlakarFolder('C:\\Users\\ann\\Downloads\\plakar.exe', 'win32', 'C:\\Users\\ann')).toBe(false);
  });
});

describe('handed-out folders', () => {
  it('remember absolute folders per purpose', () => {
    const folders = new HandedOutFolders();
    folders.add('store', '/data/store/');
    expect(folders.has('store', '/data/store')).toBe(true);
    expect(folders.has('store', '/data/x/../store')).toBe(true);
    expect(folders.has('export', '/data/store')).toBe(false);
    expect(folders.has('store', 'data/store')).toBe(false);
  });
});
