import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import { replacePrivateFile } from './private-file';

let dir = '';
useScratchDir('private-file-', (scratch) => (dir = scratch));

describe('replacePrivateFile', () => {
  it('writes contents given in pieces, multi-byte characters and chunk edges included, privately and with nothing left aside', async () => {
    const file = path.join(dir, 'nested', 'record.json');
    const pieces = Array.from({ length: 20_000 }, (_, n) => `{"n":${n},"title":"Café ✓ ${n}"},`);
    await replacePrivateFile(file, pieces);
    expect(await readFile(file, 'utf8')).toBe(pieces.join(''));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(await readdir(path.dirname(file))).toEqual(['record.json']);

    await replacePrivateFile(file, 'replaced');
    expect(await readFile(file, 'utf8')).toBe('replaced');
  });
});
