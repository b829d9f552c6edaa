/** What plakar keeps in its AppContext, plus the cancellation SIGINT/SIGTERM triggers. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createHash } from 'node:crypto';
import type { PlakarConfig, Section } from './config';
import type { StandinControl } from './control';
import { InterruptedError } from './errors';
import type { Output } from './output';

export const PLAKAR_VERSION = 'v1.1.4';

export class Cancellation {
  private cause: Error | undefined;
  private readonly waiters = new Set<(error: Error) => void>();

  get cancelled(): boolean {
    return this.cause !== undefined;
  }

  cancel(cause: Error = new InterruptedError()): void {
    if (this.cause) return;
    this.cause = cause;
    for (const waiter of this.waiters) waiter(cause);
    this.waiters.clear();
  }

  check(): void {
    if (this.cause) throw this.cause;
  }

  /** Sleeps `ms`, or rejects with the cancellation cause as soon as the context is cancelled. */
  sleep(ms: number): Promise<void> {
    if (this.cause) return Promise.reject(this.cause);
    return new Promise((resolve, reject) => {
      const onCancel = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(onCancel);
        resolve();
      }, ms);
      this.waiters.add(onCancel);
    });
  }
}

export interface AppContext {
  /** argv[0] as given (the prefix of every `plakar: …` message). */
  name: string;
  cwd: string;
  out: Output;
  config: PlakarConfig;
  configDir: string;
  cacheDir: string;
  dataDir: string;
  hostname: string;
  username: string;
  machineId: string;
  commandLine: string;
  maxConcurrency: number;
  cpuCount: number;
  /** The passphrase found without prompting (keyfile, store config, passphrase_cmd, env). */
  keyFromFile: string;
  storeConfig: Section;
  control: StandinControl;
  cancellation: Cancellation;
}

export function hostname(): string {
  try {
    return os.hostname();
  } catch {
    return 'localhost';
  }
}

/** denisbrodbeck/machineid on Linux, falling back like plakar to a name-based UUID. */
export function machineId(host: string): string {
  for (const file of ['/var/lib/dbus/machine-id', '/etc/machine-id']) {
    try {
      const id = readFileSync(file, 'utf8').trim();
      if (id !== '') return id.toLowerCase();
    } catch {
      // try the next one
    }
  }
  const h = createHash('sha1').update(Buffer.alloc(16)).update(host).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function currentUsername(): string {
  try {
    return os.userInfo().username;
  } catch {
    return String(process.getuid?.() ?? '');
  }
}

/** Go's runtime.GOOS / GOARCH names. */
export function goOs(): string {
  return process.platform === 'win32' ? 'windows' : process.platform;
}

export function goArch(): string {
  const map: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };
  return map[process.arch] ?? process.arch;
}
