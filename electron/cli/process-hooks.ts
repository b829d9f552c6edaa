import { removeOwnStagingSync } from '../engine/jobs/staging';

/** Exit codes after a signal, as shells report them (128 + signal number). */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** How long a cancelled job may take to clean up before the process exits anyway. */
export const CANCEL_GRACE_MS = 4_000;

/**
 * A writer for stdout or stderr that goes quiet once the reader is gone (`… | head -1`): EPIPE is
 * expected there, not a crash, and the command finishes as it would have.
 */
export function pipeWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
  return (text) => {
    if (closed) return;
    try {
      stream.write(text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
      closed = true;
    }
  };
}

export interface SignalHandling {
  /** The signal that cancelled the job, if one did. */
  received: () => keyof typeof SIGNAL_EXIT_CODES | null;
}

/**
 * SIGINT and SIGTERM cancel the running job (plakar stopped, staging removed). Whatever the job is
 * waiting for, the process exits within CANCEL_GRACE_MS: its own staging folders are then removed
 * here, and anything that could not be removed is named (it stays private, 0700, and the next run
 * removes it). A second Ctrl-C exits at once.
 */
export function handleTerminationSignals(options: {
  controller: AbortController;
  workDir: string;
  stderr: (text: string) => void;
  /** What the first signal prints; `ui` says it stops the app rather than a job. */
  stoppingMessage?: string;
  exit?: (code: number) => void;
}): SignalHandling {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let received: keyof typeof SIGNAL_EXIT_CODES | null = null;
  const forceExit = (signal: keyof typeof SIGNAL_EXIT_CODES): void => {
    const left = removeOwnStagingSync(options.workDir);
    for (const dir of left) {
      options.stderr(`notion-plakar: left ${dir} (private to you); the next run removes it.\n`);
    }
    exit(SIGNAL_EXIT_CODES[signal]);
  };
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES): void => {
    if (received) {
      forceExit(signal);
      return;
    }
    received = signal;
    options.stderr(`notion-plakar: ${options.stoppingMessage ?? 'cancelling…'}\n`);
    options.controller.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    // Unref'd: a job that cleans up in time lets the process end on its own, sooner.
    setTimeout(() => {
      options.stderr('notion-plakar: the job did not stop in time; exiting.\n');
      forceExit(signal);
    }, CANCEL_GRACE_MS).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // This process decides what a signal does. when-exit (conf → atomically, loaded for `ui`) sends
    // the signal again at once, which would end the process before the job has cleaned up; its
    // cleanup still runs on 'exit'.
    process.removeAllListeners(signal);
    process.on(signal, () => onSignal(signal));
  }
  return { received: () => received };
}
