import { SUPPORTED_PLAKAR_RANGE } from '../../../shared/plakar-support';
import { outputLines } from './parse';

/**
 * The small set of plakar failures the app distinguishes. Each maps to one user-facing message
 * with the next step, and drives retry policy and notification severity.
 */
export type PlakarErrorKind =
  | 'plakar-missing'
  | 'plakar-too-old'
  | 'store-missing'
  | 'store-not-empty'
  | 'store-incompatible'
  | 'passphrase-wrong'
  | 'passphrase-missing'
  | 'plaintext-refused'
  | 'store-locked'
  | 'integrity'
  | 'disk-full'
  | 'snapshot-not-found'
  | 'snapshot-ambiguous'
  | 'interrupted'
  | 'unrecognised-output'
  | 'unknown';

export class PlakarError extends Error {
  override readonly name = 'PlakarError';
  constructor(
    readonly kind: PlakarErrorKind,
    message: string,
    /** The last lines plakar printed (never contains the passphrase: plakar does not print it). */
    readonly detail: string,
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}

export interface PlakarFailure {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  spawnError?: NodeJS.ErrnoException | undefined;
  /** e.g. "create", "backup": some messages only make sense for one command. */
  command: string;
  store?: string | undefined;
  cancelled?: boolean;
}

interface Rule {
  kind: PlakarErrorKind;
  test: (failure: PlakarFailure, text: string) => boolean;
}

// Order matters: the first rule that matches wins.
const RULES: Rule[] = [
  { kind: 'interrupted', test: (f, text) => f.cancelled === true || /plakar: interrupted\b/.test(text) },
  { kind: 'disk-full', test: (_f, text) => /no space left on device|disk quota exceeded|ENOSPC/i.test(text) },
  { kind: 'store-not-empty', test: (_f, text) => /directory .* is not empty/.test(text) },
  // plakar 1.1.5+ exits 77, the code of a wrong passphrase, when it refuses an unencrypted store.
  { kind: 'plaintext-refused', test: (_f, text) => /refusing to open a plaintext repository/.test(text) },
  { kind: 'passphrase-wrong', test: (f, text) => f.exitCode === 77 && /failed to unlock repository/.test(text) },
  {
    kind: 'passphrase-missing',
    test: (f, text) =>
      /inappropriate ioctl for device|can't encrypt the repository with an empty passphrase|repository passphrase:/.test(
        text,
      ) && (f.exitCode === 77 || f.exitCode === 1),
  },
  { kind: 'passphrase-wrong', test: (_f, text) => /failed to unlock repository|invalid passphrase/.test(text) },
  { kind: 'store-incompatible', test: (f, text) => f.exitCode === 78 || /incompatible repository version/.test(text) },
  {
    kind: 'store-missing',
    test: (f, text) =>
      f.exitCode === 66 ||
      /failed to open the repository|could not resolve repository|backend '.*' does not exist/.test(text),
  },
  {
    kind: 'store-locked',
    test: (_f, text) => /already locked|Can't take repository lock|can't take exclusive lock/i.test(text),
  },
  { kind: 'integrity', test: (f, text) => f.exitCode === 65 || /check failed for \d+ snapshot/.test(text) },
  {
    kind: 'snapshot-not-found',
    test: (_f, text) => /no snapshot has prefix|no snapshots found|file does not exist|error: cat: .*: no such file/.test(text),
  },
  { kind: 'snapshot-ambiguous', test: (_f, text) => /snapshot ID is ambiguous/.test(text) },
];

export function describePlakarErrorKind(kind: PlakarErrorKind, store?: string): string {
  const where = store ? ` at ${store}` : '';
  switch (kind) {
    case 'plakar-missing':
      return `plakar is not installed or could not be started. Install plakar ${SUPPORTED_PLAKAR_RANGE} from https://plakar.io, or set PLAKAR_BIN to its path.`;
    case 'plakar-too-old':
      return `This plakar is too old. Install plakar ${SUPPORTED_PLAKAR_RANGE} from https://plakar.io.`;
    case 'store-missing':
      return `There is no Kloset store${where}. Check the location, or create the store first (notion-plakar init).`;
    case 'store-not-empty':
      return `The folder${where} already contains files and is not a Kloset store. Choose an empty or new folder, or open the existing store instead.`;
    case 'store-incompatible':
      return `The store${where} was made by a different plakar version that this plakar cannot read. Use a matching plakar version.`;
    case 'passphrase-wrong':
      return `The passphrase does not unlock the store${where}. Check it and try again.`;
    case 'passphrase-missing':
      return `The store${where} is encrypted and no passphrase was given. Provide the store passphrase (PLAKAR_PASSPHRASE for the CLI).`;
    case 'plaintext-refused':
      return `The store${where} is not encrypted, and this plakar (1.1.5 or newer) opens an unencrypted store only with explicit consent. If you meant to use an unencrypted store, say so: choose “Open an existing store” with “not encrypted” in the app, or set PLAKAR_INSECURE_PLAINTEXT=1 for the CLI. Otherwise check the location: an encrypted store never asks for this.`;
    case 'store-locked':
      return `The store${where} is locked by maintenance. Wait until it finishes, then try again.`;
    case 'integrity':
      return `plakar found damaged data in the store${where}. Do not delete anything; run an integrity check and keep the store as it is until it is repaired.`;
    case 'disk-full':
      return 'The disk is full. Free some space, then try again.';
    case 'snapshot-not-found':
      return 'That snapshot (or path inside it) does not exist in the store.';
    case 'snapshot-ambiguous':
      return 'That snapshot id prefix matches several snapshots. Give more characters of the id.';
    case 'interrupted':
      return 'The operation was cancelled.';
    case 'unrecognised-output':
      return 'plakar printed output this app does not understand.';
    case 'unknown':
      return 'plakar failed.';
  }
}

/** The disk is full: a write failed with ENOSPC or EDQUOT, or plakar said there was no space left. */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof PlakarError) return error.kind === 'disk-full';
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Turns a failed plakar run into a PlakarError with a clear message and plakar's last lines. */
export function mapPlakarFailure(failure: PlakarFailure): PlakarError {
  const detail = lastLines(`${failure.stdout}\n${failure.stderr}`, 5);
  if (failure.spawnError) {
    const kind: PlakarErrorKind = failure.spawnError.code === 'ENOSPC' ? 'disk-full' : 'plakar-missing';
    return new PlakarError(kind, describePlakarErrorKind(kind), failure.spawnError.message, null);
  }
  const text = `${failure.stdout}\n${failure.stderr}`;
  const rule = RULES.find((candidate) => candidate.test(failure, text));
  const kind = rule?.kind ?? 'unknown';
  let message = describePlakarErrorKind(kind, failure.store);
  if (kind === 'unknown') {
    const cause = mostTellingLine(`${failure.stdout}\n${failure.stderr}`);
    message = `plakar ${failure.command} failed (exit ${failure.exitCode ?? 'signal'})${cause ? `: ${cause}` : '.'}`;
  }
  return new PlakarError(kind, message, detail, failure.exitCode);
}

/**
 * The line that says what went wrong: plakar's own final error (`plakar: …`), a logged `error: …`
 * or Go's flag error, rather than the last line, which after a usage error is a flag description.
 */
function mostTellingLine(text: string): string {
  const lines = outputLines(text).map((line) => line.trim()).filter((line) => line !== '' && line !== 'EOT');
  const telling = lines.filter((line) => /^plakar: |^error: |^flag provided but not defined|^invalid value /.test(line));
  return (telling.at(-1) ?? lines.at(-1) ?? '').slice(0, 300);
}

function lastLines(text: string, count: number): string {
  return outputLines(text)
    .filter((line) => line.trim() !== 'EOT')
    .slice(-count)
    .join('\n');
}
