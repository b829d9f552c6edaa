/**
 * Errors and exit codes (plakar `exitcodes/exitcodes.go`), and Go-style error texts for system
 * errors (`open /p: no such file or directory`), since plakar prints Go's *PathError strings.
 */

export const EXIT = {
  success: 0,
  failure: 1,
  usage: 2,
  integrityFailure: 65,
  repoNotFound: 66,
  authFailure: 77,
  repoIncompatible: 78,
} as const;

/** Unwinds to main and exits with `code`; whatever had to be printed was printed already. */
export class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** An error a command returns: main prints `plakar: <message>` on stdout and exits with `code`. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.failure,
  ) {
    super(message);
  }
}

/** The context was cancelled by SIGINT/SIGTERM: Go's context.Cause is "interrupted". */
export class InterruptedError extends CommandError {
  constructor() {
    super('interrupted');
  }
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'file exists',
  ENOTEMPTY: 'directory not empty',
  ENOSPC: 'no space left on device',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'device or resource busy',
  ENOTTY: 'inappropriate ioctl for device',
  ENXIO: 'no such device or address',
  EINVAL: 'invalid argument',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  EXDEV: 'invalid cross-device link',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EAGAIN: 'resource temporarily unavailable',
};

export function errnoText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && ERRNO_TEXT[code]) return ERRNO_TEXT[code];
  return error instanceof Error ? error.message : String(error);
}

/** Go's *fs.PathError string: `<op> <path>: <errno text>`. */
export function pathErrorText(op: string, file: string, error: unknown): string {
  return `${op} ${file}: ${errnoText(error)}`;
}

/** An Error whose message is already in Go form. */
export class GoError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export function goPathError(op: string, file: string, error: unknown): GoError {
  return new GoError(pathErrorText(op, file, error), (error as NodeJS.ErrnoException | undefined)?.code);
}

export function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
