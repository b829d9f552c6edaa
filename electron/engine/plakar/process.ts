import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs the plakar binary as a child process, the one way the engine touches a store.
 *
 * Rules from ../shared/reference/plakar-cli.md §1 and §11:
 * - an argument array, never a shell;
 * - `detached` (setsid) so plakar has no controlling tty and can never block on a prompt;
 * - stdout and stderr both captured: after a command starts, plakar prints its final error on stdout;
 * - an environment that isolates plakar's config/cache/data dirs under the app's own directory and
 *   carries the passphrase, which must never appear in argv (plakar records argv in every snapshot).
 */

export interface PlakarDirs {
  /** Becomes XDG_CONFIG_HOME: plakar keeps stores.yml etc. in `<configHome>/plakar`. */
  configHome: string;
  /** Becomes XDG_CACHE_HOME: plakar's local state cache and the `cached` socket. */
  cacheHome: string;
  /** Becomes XDG_DATA_HOME: plakar's plugin directory. */
  dataHome: string;
}

export function plakarDirsUnder(baseDir: string): PlakarDirs {
  return {
    configHome: path.join(baseDir, 'config'),
    cacheHome: path.join(baseDir, 'cache'),
    dataHome: path.join(baseDir, 'data'),
  };
}

export interface PlakarInvocation {
  bin: string;
  args: readonly string[];
  dirs: PlakarDirs;
  /** Passed as PLAKAR_PASSPHRASE; omitted entirely when undefined or empty. */
  passphrase?: string | undefined;
  /**
   * The user explicitly chose an unencrypted store: sets PLAKAR_INSECURE_PLAINTEXT, without which
   * plakar 1.1.5+ refuses to open one (docs/plakar-compatibility.md). Never set otherwise.
   */
  allowPlaintext?: boolean | undefined;
  cwd?: string;
  signal?: AbortSignal;
  /** Kill the process (SIGTERM, then SIGKILL) after this long. */
  timeoutMs?: number;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
  /** Called once the child runs, with its pid (also its process group id: it is detached). */
  onSpawn?: (pid: number) => void;
}

export interface PlakarProcessResult {
  /** null when the process was ended by a signal or could not be started. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** Set when the binary could not be spawned at all (ENOENT, EACCES, …). */
  spawnError?: NodeJS.ErrnoException;
  cancelled: boolean;
  timedOut: boolean;
}

/** Environment variables passed through from the parent; everything else is dropped. */
const INHERITED_ENV = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'SystemRoot', 'windir'];

export function buildPlakarEnv(
  dirs: PlakarDirs,
  passphrase: string | undefined,
  parentEnv: NodeJS.ProcessEnv = process.env,
  allowPlaintext = false,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of INHERITED_ENV) {
    const value = parentEnv[key];
    if (value !== undefined) env[key] = value;
  }
  env.XDG_CONFIG_HOME = dirs.configHome;
  env.XDG_CACHE_HOME = dirs.cacheHome;
  env.XDG_DATA_HOME = dirs.dataHome;
  // Windows has no XDG: plakar uses %LocalAppData% for all three.
  if (process.platform === 'win32') env.LocalAppData = dirs.configHome;
  env.TERM = 'dumb';
  env.NO_COLOR = '1';
  if (passphrase) env.PLAKAR_PASSPHRASE = passphrase;
  if (allowPlaintext) env.PLAKAR_INSECURE_PLAINTEXT = '1';
  return env;
}

const KILL_GRACE_MS = 5_000;

export function runPlakar(invocation: PlakarInvocation): Promise<PlakarProcessResult> {
  return new Promise((resolve) => {
    const stdoutChunks: Buffer[] = [];
    let stderr = '';
    let cancelled = false;
    let timedOut = false;
    let settled = false;
    const stdoutLines = invocation.onStdoutLine ? lineSplitter(invocation.onStdoutLine) : undefined;
    const stderrLines = lineSplitter((line) => invocation.onStderrLine?.(line));

    const child = spawn(invocation.bin, [...invocation.args], {
      argv0: 'plakar',
      cwd: invocation.cwd,
      env: buildPlakarEnv(invocation.dirs, invocation.passphrase, process.env, invocation.allowPlaintext === true),
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });

    if (child.pid !== undefined) invocation.onSpawn?.(child.pid);
    const timers: NodeJS.Timeout[] = [];
    const terminate = (): void => {
      signalGroup(child.pid, 'SIGTERM');
      timers.push(setTimeout(() => signalGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS));
    };
    const onAbort = (): void => {
      cancelled = true;
      terminate();
    };
    if (invocation.signal?.aborted) onAbort();
    else invocation.signal?.addEventListener('abort', onAbort, { once: true });
    if (invocation.timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          terminate();
        }, invocation.timeoutMs),
      );
    }

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutChunks.push(chunk);
      stdoutLines?.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      stderrLines.push(chunk);
    });

    const finish = (result: Omit<PlakarProcessResult, 'stdout' | 'stderr' | 'cancelled' | 'timedOut'>): void => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      invocation.signal?.removeEventListener('abort', onAbort);
      stdoutLines?.end();
      stderrLines.end();
      resolve({ ...result, stdout: Buffer.concat(stdoutChunks), stderr, cancelled, timedOut });
    };
    child.on('error', (error: NodeJS.ErrnoException) => finish({ exitCode: null, signal: null, spawnError: error }));
    child.on('close', (exitCode, signal) => finish({ exitCode, signal }));
  });
}

/** Signals plakar and every helper it started: its process group, created by `detached`. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    // Negative pid: the whole process group created by `detached`, so helpers die too.
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
  } catch {
    // Already gone.
  }
}

interface LineSplitter {
  push(chunk: Buffer | string): void;
  end(): void;
}

function lineSplitter(onLine: (line: string) => void): LineSplitter {
  let pending = '';
  const decoder = new TextDecoder();
  const emit = (text: string): void => {
    pending += text;
    let index = pending.indexOf('\n');
    while (index !== -1) {
      onLine(pending.slice(0, index).replace(/\r$/, ''));
      pending = pending.slice(index + 1);
      index = pending.indexOf('\n');
    }
  };
  return {
    push: (chunk) => emit(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })),
    end: () => {
      emit(decoder.decode());
      if (pending.length > 0) onLine(pending);
      pending = '';
    },
  };
}
