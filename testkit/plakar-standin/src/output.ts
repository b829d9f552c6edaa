/**
 * plakar's stdio renderer and logger (`ui/stdio/stdio.go`, kloset `logging`): which line goes to
 * which stream, and what -quiet/-silent hide. No ANSI styling: with a non-tty stdout lipgloss
 * renders plain text.
 */
import { goDuration, iBytes } from './gofmt';

export const CHECK_MARK = '✓';
export const CROSS_MARK = '✘';

export class Output {
  /** -quiet: hides `info:` logs and info-level events (path OK lines). */
  quiet = false;
  /** -silent: hides every event (OK, KO and result lines). */
  silent = false;
  private broken = false;

  constructor() {
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', () => {
        this.broken = true;
      });
    }
  }

  /** Raw bytes on stdout (command output such as `cat`). */
  raw(data: Uint8Array | string): void {
    if (!this.broken) process.stdout.write(data);
  }

  /** A line on stdout (fmt.Fprintln(ctx.Stdout, …) / logger.Printf). */
  out(line: string): void {
    this.raw(`${line}\n`);
  }

  /** A line on stderr. */
  err(line: string): void {
    if (!this.broken) process.stderr.write(`${line}\n`);
  }

  info(message: string): void {
    if (!this.quiet) this.out(`info: ${message}`);
  }

  warn(message: string): void {
    this.err(`warn: ${message}`);
  }

  error(message: string): void {
    this.err(`error: ${message}`);
  }

  /** Event `path.ok` (info level). `id` is the snapshot ID in hex. */
  pathOk(id: string, pathname: string): void {
    if (this.silent || this.quiet) return;
    this.out(`${id.slice(0, 8)}: OK ${CHECK_MARK} ${pathname}`);
  }

  /** Event `path.error` (error level). */
  pathError(id: string, pathname: string, message: string): void {
    if (this.silent) return;
    this.err(`${id.slice(0, 8)}: KO ${CROSS_MARK} ${pathname}: ${message}`);
  }

  /** Events `object.error` / `chunk.error` (error level): both print `object=<mac>`. */
  objectError(id: string, mac: string, message: string): void {
    if (this.silent) return;
    this.err(`${id.slice(0, 8)}: KO ${CROSS_MARK} object=${mac}: ${message}`);
  }

  /** Event `result` ("quiet" level: shown with -quiet, hidden by -silent). */
  result(id: string, workflow: string, errors: number, durationNs: bigint, rbytes: number, wbytes: number): void {
    if (this.silent) return;
    const status = errors > 0 ? `with ${errors} ${errors === 1 ? 'error' : 'errors'}` : 'without errors';
    this.out(
      `${id.slice(0, 8)}: ${workflow} completed ${status} in ${goDuration(durationNs)} (in: ${iBytes(rbytes)}, out: ${iBytes(wbytes)})`,
    );
  }

  /** Resolves once everything written so far has been handed to the OS. */
  async flush(): Promise<void> {
    await Promise.all(
      [process.stdout, process.stderr].map(
        (stream) =>
          new Promise<void>((resolve) => {
            if (this.broken || stream.destroyed) resolve();
            else stream.write('', () => resolve());
          }),
      ),
    );
  }
}
