import { describe, expect, it } from 'vitest';
import {
  parseDirectoryListing,
  parseGoDuration,
  parseIBytes,
  parseInfoSnapshotId,
  parsePathEvent,
  parseResultLine,
  parseSnapshotList,
  stripAnsi,
  UnrecognisedOutputError,
} from './parse';

const ID = '8f442fbf' + 'a1'.repeat(28);

describe('parseIBytes', () => {
  it.each([
    ['0 B', 0],
    ['512 B', 512],
    ['1.2 KiB', 1229],
    ['15 MiB', 15 * 1024 ** 2],
    ['1.5 GiB', 1.5 * 1024 ** 3],
  ])('%s → %d', (text, bytes) => expect(parseIBytes(text)).toBe(bytes));

  it('rejects SI units and garbage', () => {
    expect(parseIBytes('1.2 KB')).toBeUndefined();
    expect(parseIBytes('lots')).toBeUndefined();
  });
});

describe('parseGoDuration', () => {
  it.each([
    ['0s', 0],
    ['0', 0],
    ['1.234s', 1234],
    ['1m5s', 65_000],
    ['2h3m4.5s', 7_384_500],
    ['350ms', 350],
  ])('%s → %d ms', (text, ms) => expect(parseGoDuration(text)).toBeCloseTo(ms, 6));

  it('rejects partial matches', () => {
    expect(parseGoDuration('5 s')).toBeUndefined();
    expect(parseGoDuration('soon')).toBeUndefined();
  });
});

describe('parseSnapshotList', () => {
  it('reads the default short-id format (reference example)', () => {
    const [entry] = parseSnapshotList('2026-02-04T21:44:24Z   8f442fbf   100 MiB        0s /home/benoit/tmp/plakar/bigfile\n');
    expect(entry).toEqual({
      time: '2026-02-04T21:44:24Z',
      id: '8f442fbf',
      sizeBytes: 100 * 1024 ** 2,
      durationMs: 0,
      directory: '/home/benoit/tmp/plakar/bigfile',
      tags: [],
    });
  });

  it('reads -uuid -tags lines, with spaces in the directory', () => {
    const stdout = [
      `2026-11-24T10:00:00Z ${ID}   1.2 KiB      1m5s /tmp/staging dir/notion tags=app=notion-plakar,mode=full`,
      `2026-11-23T10:00:00Z ${ID.replace('8f', '7e')}    512 B        0s /tmp/x`,
      '',
    ].join('\n');
    const entries = parseSnapshotList(stdout);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      id: ID,
      sizeBytes: 1229,
      durationMs: 65_000,
      directory: '/tmp/staging dir/notion',
      tags: ['app=notion-plakar', 'mode=full'],
    });
    expect(entries[1]).toMatchObject({ sizeBytes: 512, directory: '/tmp/x', tags: [] });
  });

  it('skips the first-run banner and log lines', () => {
    const stdout = `Welcome to plakar !\n\nEOT\ninfo: something\n2026-02-04T21:44:24Z   8f442fbf      0 B        0s /a\n`;
    expect(parseSnapshotList(stdout).map((entry) => entry.id)).toEqual(['8f442fbf']);
  });

  it('throws on a line it does not recognise, quoting it, instead of dropping it', () => {
    const stdout = '2026-02-04T21:44:24Z   8f442fbf      0 B        0s /a\n2026-02-04 8f442fbf something new\n';
    expect(() => parseSnapshotList(stdout)).toThrow(UnrecognisedOutputError);
    expect(() => parseSnapshotList(stdout)).toThrow('2026-02-04 8f442fbf something new');
  });

  it('returns nothing for an empty store', () => {
    expect(parseSnapshotList('')).toEqual([]);
  });
});

describe('parseResultLine', () => {
  it('reads a clean backup result', () => {
    expect(parseResultLine('8f442fbf: backup completed without errors in 2.01s (in: 1.2 MiB, out: 350 KiB)')).toEqual({
      shortId: '8f442fbf',
      workflow: 'backup',
      errorCount: 0,
      durationMs: 2010,
      inBytes: Math.round(1.2 * 1024 ** 2),
      outBytes: 350 * 1024,
    });
  });

  it('reads error counts (singular and plural)', () => {
    expect(parseResultLine('8f442fbf: backup completed with 3 errors in 1s (in: 0 B, out: 0 B)')?.errorCount).toBe(3);
    expect(parseResultLine('8f442fbf: check completed with 1 error in 1s (in: 0 B, out: 0 B)')?.errorCount).toBe(1);
  });

  it('ignores other lines', () => {
    expect(parseResultLine('8f442fbf: OK ✓ /a')).toBeUndefined();
  });
});

describe('parsePathEvent', () => {
  it('reads OK and KO lines', () => {
    expect(parsePathEvent('8f442fbf: OK ✓ /home/u/a b.txt')).toEqual({ shortId: '8f442fbf', ok: true, path: '/home/u/a b.txt' });
    expect(parsePathEvent('8f442fbf: KO ✘ /home/u/secret: open /home/u/secret: permission denied')).toEqual({
      shortId: '8f442fbf',
      ok: false,
      path: '/home/u/secret',
      error: 'open /home/u/secret: permission denied',
    });
  });

  it('copes with ANSI colour codes', () => {
    expect(parsePathEvent('8f442fbf: \u001b[32mOK ✓\u001b[0m /a')?.path).toBe('/a');
  });
});

describe('parseDirectoryListing', () => {
  it('reads files, directories and symlinks', () => {
    const stdout = [
      '2026-02-04T21:44:24Z drwxr-xr-x     root     root    4.0 KiB 1df812ff-a7bf-80b8-b4f1-dcb8e8a53de8',
      '2026-02-04T21:44:24Z -rw-r--r--     1000     1000    1.2 KiB page.json',
      '2026-02-04T21:44:24Z Lrwxrwxrwx verylongname    staff       9 B link -> target',
    ].join('\n');
    const entries = parseDirectoryListing(stdout);
    expect(entries.map((entry) => [entry.name, entry.isDirectory, entry.sizeBytes])).toEqual([
      ['1df812ff-a7bf-80b8-b4f1-dcb8e8a53de8', true, 4096],
      ['page.json', false, 1229],
      ['link', false, 9],
    ]);
    expect(entries[2]).toMatchObject({ user: 'verylongname', symlinkTarget: 'target' });
  });
});

describe('parseInfoSnapshotId', () => {
  it('finds the SnapshotID line', () => {
    expect(parseInfoSnapshotId(`Version: 1.0.0\nSnapshotID: ${ID}\nTimestamp: x\n`)).toBe(ID);
    expect(parseInfoSnapshotId('Version: 1.0.0\n')).toBeUndefined();
  });
});

describe('stripAnsi', () => {
  it('removes colour codes', () => expect(stripAnsi('\u001b[1;31merror\u001b[0m')).toBe('error'));
});
