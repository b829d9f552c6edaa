/**
 * The stand-in cannot drift from the real plakar: every scenario recorded from a real release
 * (electron/engine/plakar/fixtures/<version>/, scripts/record-plakar-fixtures.ts) is replayed
 * against the stand-in, and its exit code and output must match once the values that change from
 * run to run (ids, times, sizes, pids, temp names, key material) are masked. Lines of output whose
 * order plakar does not fix (per-path OK/KO lines from parallel workers) are compared as sets.
 * Where the two legitimately differ, ALLOWED says which lines and why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRecordings, recordedVersions, type PlakarRecording } from '../../electron/engine/plakar/fixtures/recording';
import { recordPlakarScenarios } from '../plakar-recorder';
import { standinBinPath } from './index';

/**
 * Known differences, each with its reason. A case listed here is compared with the listed lines
 * removed from both sides; anything else that differs fails the test.
 */
const ALLOWED: Record<string, { drop?: RegExp; perPath?: 'real-may-lack' | 'ignore'; onlyFinalLine?: true; why: string }> = {
  'info-store': { drop: /^ - KDF: |^ {3}- (Time|Memory|Thread|N|R|P): /, why: 'the stand-in derives keys with scrypt, plakar with Argon2id; the app never reads these lines' },
  'info-snapshot': { drop: /^ - (Directories|MIME\w+): /, why: 'summary statistics the app never reads; plakar also counts the parent folders and sniffs MIME types' },
  restore: { perPath: 'real-may-lack', why: 'plakar can exit before printing its last per-path events (one OK line was missing in a recording)' },
  'backup-interrupted': { perPath: 'ignore', why: 'how many OK lines plakar prints between SIGTERM and stopping depends on timing' },
  'check-damaged': {
    onlyFinalLine: true,
    why: 'what plakar prints before its final line depends on which blob the damage hit: the root KO line and a result line, or nothing',
  },
};

function mask(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<TIME>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC/g, '<TIME>')
    .replace(/\.plakar-\d+/g, '.plakar-<TMP>')
    .replace(/store\/packfiles\/\S+?:/g, 'store/packfiles/<TMP>:')
    .replace(/\b[0-9a-f]{64}\b/g, '<ID64>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<UUID>')
    .replace(/\b[0-9a-f]{32,}\b/g, '<HEX>')
    .replace(/\b[0-9a-f]{8}\b/g, '<ID8>')
    .replace(/\d+(?:\.\d+)? (?:B|[KMGTPE]iB)(?: \(\d+ bytes\))?/g, '<SIZE>')
    .replace(/\b\d+(?:\.\d+)?(?:ns|µs|ms|s|m|h)(?:\d+(?:\.\d+)?(?:ns|µs|ms|s))*\b/g, '<DUR>')
    .replace(/(ProcessID|NumCPU|MachineID): .*/g, '$1: <X>')
    .replace(/(Entropy|HiEntropy|LoEntropy): [\d.]+/g, '$1: <N>');
}

const PER_PATH = /^<ID8>: (OK|KO) /;

function comparable(recording: PlakarRecording, stream: 'stdout' | 'stderr'): { ordered: string[]; perPath: string[] } {
  const drop = ALLOWED[recording.name]?.drop;
  const lines = mask(recording[stream])
    .split('\n')
    .filter((line) => line !== '' && !drop?.test(line));
  return { ordered: lines.filter((line) => !PER_PATH.test(line)), perPath: lines.filter((line) => PER_PATH.test(line)).sort() };
}

const versions = recordedVersions();
let standin: Map<string, PlakarRecording>;

beforeAll(async () => {
  standin = await recordPlakarScenarios(standinBinPath());
}, 120_000);

describe.each(versions)('the stand-in against what plakar %s printed', (version) => {
  const recorded = loadRecordings(version);

  it.each([...recorded.keys()])('%s', (name) => {
    const real = recorded.get(name);
    const ours = standin.get(name);
    if (!real) throw new Error(name);
    if (!ours) {
      // Only disk-full needs root; the recording machine had it.
      expect(name).toBe('backup-disk-full');
      return;
    }
    expect({ name, exitCode: ours.exitCode }).toEqual({ name, exitCode: real.exitCode });
    const allowed = ALLOWED[name];
    if (allowed?.onlyFinalLine) {
      expect(comparable(ours, 'stdout').ordered.at(-1)).toBe(comparable(real, 'stdout').ordered.at(-1));
      return;
    }
    for (const stream of ['stdout', 'stderr'] as const) {
      const [a, b] = [comparable(ours, stream), comparable(real, stream)];
      expect(a.ordered, `${name} ${stream}`).toEqual(b.ordered);
      if (allowed?.perPath === 'real-may-lack') expect(a.perPath, `${name} ${stream}`).toEqual(expect.arrayContaining(b.perPath));
      else if (allowed?.perPath !== 'ignore') expect(a.perPath, `${name} ${stream}`).toEqual(b.perPath);
    }
  });
});
