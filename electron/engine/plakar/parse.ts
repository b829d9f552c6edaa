/**
 * Pure parsers for plakar v1.1.x's plain-text output (its `-json` mode is ignored when stdout is a
 * pipe, see ../shared/reference/plakar-cli.md §1). Each takes text and returns data, and has fixture
 * tests in parse.test.ts.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * A line of plakar's output that matches none of the forms a parser knows. The adapter turns it into
 * an error that quotes the line and the plakar version rather than guessing (docs/plakar-compatibility.md).
 */
export class UnrecognisedOutputError extends Error {
  override readonly name = 'UnrecognisedOutputError';
  constructor(
    readonly line: string,
    readonly what: string,
  ) {
    super(`Unrecognised line in ${what}: ${line}`);
  }
}

/**
 * Lines of data output that are not data: plakar's first-run banner (up to its `EOT` line) and its
 * `info:`/`warn:` log lines, which it may print on stdout next to any command's output.
 */
function dataLines(stdout: string): string[] {
  const all = outputLines(stdout);
  const eot = all[0]?.startsWith('Welcome to plakar') ? all.indexOf('EOT') : -1;
  return all.slice(eot + 1).filter((line) => !/^(info|warn): /.test(line));
}

export function outputLines(text: string): string[] {
  return stripAnsi(text)
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => line.length > 0);
}

const UNITS: Record<string, number> = { B: 0, KiB: 1, MiB: 2, GiB: 3, TiB: 4, PiB: 5, EiB: 6 };

/** Go humanize.IBytes text ("0 B", "1.2 KiB", "15 MiB") → bytes (approximate above 1 KiB). */
export function parseIBytes(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?) ?(B|[KMGTPE]iB)$/.exec(text.trim());
  if (!match) return undefined;
  const exponent = UNITS[match[2] ?? ''];
  if (exponent === undefined) return undefined;
  return Math.round(Number(match[1]) * 1024 ** exponent);
}

/** Go time.Duration text ("0s", "1.234s", "1m5s", "2h3m4.5s", "350ms", "12µs") → milliseconds. */
export function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, µs: 0.001, us: 0.001, ns: 0.000001 };
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const pattern = /(\d+(?:\.\d+)?)(h|ms|m|s|µs|us|ns)/gy;
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(pattern)) {
    total += Number(match[1]) * (units[match[2] ?? ''] ?? 0);
    consumed += match[0].length;
  }
  return consumed === trimmed.length && consumed > 0 ? Math.round(total * 1e6) / 1e6 : undefined;
}

export interface SnapshotListEntry {
  /** RFC 3339 UTC timestamp as printed. */
  time: string;
  /** 64-hex with `ls -uuid`, else the 8-hex short id. */
  id: string;
  sizeBytes: number;
  durationMs: number;
  /** The absolute source directory the snapshot was taken of. */
  directory: string;
  /** Present only with `ls -tags`. */
  tags: string[];
}

const SNAPSHOT_LINE =
  /^(\S+)\s+([0-9a-f]{8}|[0-9a-f]{64})\s+(\d+(?:\.\d+)? (?:B|[KMGTPE]iB))\s+(\S+) (.*?)(?: tags=(\S*))?$/;

/** `plakar ls [-uuid] [-tags]`: one snapshot per line, newest first. Any other line throws. */
export function parseSnapshotList(stdout: string): SnapshotListEntry[] {
  const entries: SnapshotListEntry[] = [];
  for (const line of dataLines(stdout)) {
    const match = SNAPSHOT_LINE.exec(line);
    if (!match) throw new UnrecognisedOutputError(line, 'the snapshot list');
    const [, time, id, size, duration, directory, tags] = match;
    entries.push({
      time: time ?? '',
      id: id ?? '',
      sizeBytes: parseIBytes(size ?? '') ?? 0,
      durationMs: parseGoDuration(duration ?? '') ?? 0,
      directory: directory ?? '',
      tags: tags ? tags.split(',').filter(Boolean) : [],
    });
  }
  return entries;
}

export interface ResultLine {
  shortId: string;
  workflow: string;
  errorCount: number;
  durationMs: number;
  inBytes: number;
  outBytes: number;
}

const RESULT_LINE =
  /^([0-9a-f]{8}): (\w+) completed (?:without errors|with (\d+) errors?) in (\S+) \(in: ([^,]+), out: ([^)]+)\)$/;

/** The `result` event line printed at the end of backup and check. */
export function parseResultLine(line: string): ResultLine | undefined {
  const match = RESULT_LINE.exec(stripAnsi(line).trim());
  if (!match) return undefined;
  return {
    shortId: match[1] ?? '',
    workflow: match[2] ?? '',
    errorCount: match[3] ? Number(match[3]) : 0,
    durationMs: parseGoDuration(match[4] ?? '') ?? 0,
    inBytes: parseIBytes(match[5] ?? '') ?? 0,
    outBytes: parseIBytes(match[6] ?? '') ?? 0,
  };
}

export function findResultLines(stdout: string): ResultLine[] {
  return outputLines(stdout)
    .map(parseResultLine)
    .filter((result): result is ResultLine => result !== undefined);
}

export interface PathEvent {
  shortId: string;
  ok: boolean;
  path: string;
  /** Present on KO lines. */
  error?: string;
}

const PATH_OK = /^([0-9a-f]{8}): OK \S+ (.+)$/;
const PATH_KO = /^([0-9a-f]{8}): KO \S+ (.+?): (.+)$/;

/** Per-path `OK ✓ /p` (stdout) and `KO ✘ /p: err` (stderr) event lines. */
export function parsePathEvent(line: string): PathEvent | undefined {
  const clean = stripAnsi(line).trim();
  const ko = PATH_KO.exec(clean);
  if (ko) return { shortId: ko[1] ?? '', ok: false, path: ko[2] ?? '', error: ko[3] ?? '' };
  const ok = PATH_OK.exec(clean);
  if (ok) return { shortId: ok[1] ?? '', ok: true, path: ok[2] ?? '' };
  return undefined;
}

export interface DirectoryEntry {
  mtime: string;
  mode: string;
  isDirectory: boolean;
  user: string;
  group: string;
  sizeBytes: number;
  /** Base name, or the absolute path with `ls -recursive`. */
  name: string;
  symlinkTarget?: string;
}

const ENTRY_LINE = /^(\S+) (\S+)\s+(\S+)\s+(\S+)\s+(\d+(?:\.\d+)? (?:B|[KMGTPE]iB)) (.+)$/;

/** `plakar ls SNAP:PATH`: `<mtime> <mode> <user> <group> <size> <name>[ -> target]`. */
export function parseDirectoryListing(stdout: string): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  for (const line of dataLines(stdout)) {
    const match = ENTRY_LINE.exec(line);
    if (!match) throw new UnrecognisedOutputError(line, 'a snapshot folder listing');
    const [, mtime, mode, user, group, size, rest] = match;
    const arrow = (rest ?? '').indexOf(' -> ');
    const entry: DirectoryEntry = {
      mtime: mtime ?? '',
      mode: mode ?? '',
      isDirectory: (mode ?? '').startsWith('d'),
      user: user ?? '',
      group: group ?? '',
      sizeBytes: parseIBytes(size ?? '') ?? 0,
      name: arrow >= 0 && (mode ?? '').startsWith('L') ? (rest ?? '').slice(0, arrow) : (rest ?? ''),
    };
    if (arrow >= 0 && entry.mode.startsWith('L')) entry.symlinkTarget = (rest ?? '').slice(arrow + 4);
    entries.push(entry);
  }
  return entries;
}

/** `plakar info SNAP`: the full 64-hex id from its `SnapshotID:` line. */
export function parseInfoSnapshotId(stdout: string): string | undefined {
  return /^SnapshotID: ([0-9a-f]{64})$/m.exec(stripAnsi(stdout))?.[1];
}
