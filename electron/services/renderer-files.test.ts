import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from './renderer-files';

const dir = path.resolve('/opt/app/out/renderer');

describe('resolveRendererFile', () => {
  it('serves index.html for the root', () => {
    expect(resolveRendererFile(dir, 'app://renderer/')).toBe(path.join(dir, 'index.html'));
  });

  it('serves assets inside the folder', () => {
    expect(resolveRendererFile(dir, 'app://renderer/assets/index-abc.js')).toBe(path.join(dir, 'assets/index-abc.js'));
  });

  it.each(['app://renderer/../main/index.js', 'app://renderer/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps dot segments inside the folder (%s)',
    (url) => {
      const file = resolveRendererFile(dir, url);
      expect(file?.startsWith(dir + path.sep)).toBe(true);
    },
  );

  it.each([
    'app://renderer/..%2f..%2fetc%2fpasswd',
    'app://renderer/%2e%2e%2f%2e%2e%2fmain%2findex.js',
    'app://other-host/index.html',
    'app://renderer/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(dir, url)).toBeUndefined();
  });
});
