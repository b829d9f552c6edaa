/**
 * The output parsers against what real plakar releases printed (fixtures/<version>/): every data
 * line is understood (a parser throws on a line it does not know), and the values are the ones
 * plakar meant.
 */
import { describe, expect, it } from 'vitest';
import { loadRecordings, recordedVersions } from './fixtures/recording';
import { findResultLines, parseDirectoryListing, parseInfoSnapshotId, parsePathEvent, parseSnapshotList } from './parse';
import { parsePlakarVersion } from './version';

describe.each(recordedVersions())('parsing what plakar %s printed', (version) => {
  const recordings = loadRecordings(version);
  const get = (name: string) => {
    const recording = recordings.get(name);
    if (!recording) throw new Error(`no recording ${name} for ${version}`);
    return recording;
  };

  it('reads its version, with and without the first-run banner', () => {
    expect(parsePlakarVersion(get('version').stdout)?.text).toBe(version);
    expect(get('version-first-run').stdout).toMatch(/^Welcome to plakar/);
    expect(parsePlakarVersion(get('version-first-run').stdout)?.text).toBe(version);
  });

  it('reads the snapshot list with full ids and tags, newest first', () => {
    expect(parseSnapshotList(get('ls-empty').stdout)).toEqual([]);
    const entries = parseSnapshotList(get('ls-snapshots').stdout);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.directory).toBe('<ROOT>/source');
      expect(entry.sizeBytes).toBeGreaterThan(0);
    }
    expect(entries[0]?.tags).toEqual(['app=notion-plakar', 'source=ws1', 'mode=incremental']);
    expect(entries[1]?.tags).toEqual(['app=notion-plakar', 'source=ws1']);
    expect(Date.parse(entries[0]?.time ?? '')).toBeGreaterThanOrEqual(Date.parse(entries[1]?.time ?? ''));
    expect(parseSnapshotList(get('ls-short').stdout).map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id.slice(0, 8)));
    expect(parseSnapshotList(get('ls-job').stdout).map((entry) => entry.id)).toEqual([entries[1]?.id]);
  });

  it('reads folder listings', () => {
    const top = parseDirectoryListing(get('ls-directory').stdout);
    expect(top.map((entry) => [entry.name, entry.isDirectory])).toEqual([['pages', true]]);
    const pages = parseDirectoryListing(get('ls-directory-path').stdout);
    expect(pages.filter((entry) => !entry.isDirectory)).toHaveLength(6);
    expect(pages.find((entry) => entry.name === 'sub')?.isDirectory).toBe(true);
  });

  it('reads the result lines of backup and check, and the OK lines', () => {
    const [backup] = findResultLines(get('backup').stdout);
    expect(backup).toMatchObject({ workflow: 'backup', errorCount: 0 });
    expect(backup?.outBytes).toBeGreaterThan(0);
    expect(findResultLines(get('backup-quiet').stdout)).toHaveLength(1);
    expect(get('backup-quiet').stdout.trim().split('\n')).toHaveLength(1);
    expect(findResultLines(get('check').stdout)[0]).toMatchObject({ workflow: 'check', errorCount: 0 });
    const okLines = get('backup').stdout.split('\n').filter((line) => parsePathEvent(line)?.ok);
    expect(okLines.length).toBeGreaterThan(12);
  });

  it('reads the full id from info SNAP', () => {
    expect(parseInfoSnapshotId(get('info-snapshot').stdout)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('restore and rm print what the adapter expects', () => {
    expect(get('restore').stdout.split('\n').filter(Boolean).every((line) => parsePathEvent(line)?.ok)).toBe(true);
    expect(get('rm-dry-run').stdout).toMatch(/^rm: would remove these 1 snapshot/m);
    expect(get('rm-apply').stdout).toMatch(/removal of [0-9a-f]{8} completed successfully/);
  });
});
