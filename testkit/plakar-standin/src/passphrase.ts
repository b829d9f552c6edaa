/**
 * Passphrase sources and prompting (plakar main.go `getPassphraseFromEnv`, utils `GetPassphrase*`).
 * Precedence: -keyfile > store config `passphrase` > `passphrase_cmd` > PLAKAR_PASSPHRASE (an empty
 * value of any of them counts as unset). Without one, plakar prompts: on /dev/tty when it can be
 * opened (blocking until a line is typed), else on stderr while reading stdin, which fails at once
 * with ENOTTY when stdin is not a terminal.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { Section } from './config';
import { GoError } from './errors';

export function getPassphraseFromEnv(keyFromFile: string, storeConfig: Section, env: NodeJS.ProcessEnv): string {
  if (keyFromFile !== '') return keyFromFile;
  if ('passphrase' in storeConfig) {
    const value = storeConfig.passphrase ?? '';
    delete storeConfig.passphrase;
    return value;
  }
  if ('passphrase_cmd' in storeConfig) {
    const cmd = storeConfig.passphrase_cmd ?? '';
    delete storeConfig.passphrase_cmd;
    return passphraseFromCommand(cmd);
  }
  return env.PLAKAR_PASSPHRASE ?? '';
}

/** Runs `/bin/sh -c cmd`; its stdout must be exactly one line. */
export function passphraseFromCommand(cmd: string): string {
  const result = spawnSync('/bin/sh', ['-c', cmd], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
  if (result.error) throw new GoError(`fork/exec /bin/sh: ${result.error.message}`);
  if (result.signal) throw new GoError(`signal: ${result.signal === 'SIGKILL' ? 'killed' : result.signal}`);
  if (result.status !== 0) throw new GoError(`exit status ${result.status}`);
  const text = result.stdout;
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  if (lines.length !== 1) throw new GoError('passphrase_cmd returned too many lines');
  return (lines[0] ?? '').replace(/\r$/, '');
}

function tryOpenTty(): number | undefined {
  try {
    return openSync('/dev/tty', 'r+');
  } catch {
    return undefined;
  }
}

function stty(fd: number, arg: string): void {
  spawnSync('stty', [arg], { stdio: [fd, 'ignore', 'ignore'] });
}

/** term.ReadPassword: canonical mode with echo off; ENOTTY when `fd` is not a terminal. */
function readPasswordLine(fd: number): string {
  if (!isatty(fd)) throw new GoError('inappropriate ioctl for device', 'ENOTTY');
  stty(fd, '-echo');
  try {
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(4096);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw error;
      }
      if (n === 0) {
        if (chunks.length === 0) throw new GoError('EOF');
        break;
      }
      const piece = buffer.subarray(0, n);
      const newline = piece.indexOf(0x0a);
      if (newline >= 0) {
        chunks.push(Buffer.from(piece.subarray(0, newline)));
        break;
      }
      chunks.push(Buffer.from(piece));
    }
    return Buffer.concat(chunks).toString('utf8').replace(/\r$/, '');
  } finally {
    stty(fd, 'echo');
  }
}

function withTerminal<T>(fn: (input: number, output: number) => T): T {
  const tty = tryOpenTty();
  try {
    return tty === undefined ? fn(0, 2) : fn(tty, tty);
  } finally {
    if (tty !== undefined) closeSync(tty);
  }
}

function readPassphrase(input: number, output: number, prompt: string): string {
  writeSync(output, prompt);
  try {
    return readPasswordLine(input);
  } finally {
    writeSync(2, '\n');
  }
}

/** utils.GetPassphrase("repository"). */
export function promptPassphrase(prefix: string): string {
  return withTerminal((input, output) => readPassphrase(input, output, `${prefix} passphrase: `));
}

/** A rough port of wagslane/go-password-validator's entropy estimate. */
function passwordEntropy(password: string): number {
  let base = 0;
  if (/[a-z]/.test(password)) base += 26;
  if (/[A-Z]/.test(password)) base += 26;
  if (/[0-9]/.test(password)) base += 10;
  if (/[!@$&*]/.test(password)) base += 5;
  if (/[_\-., ]/.test(password)) base += 5;
  if (/[^a-zA-Z0-9!@$&*_\-., ]/.test(password)) base += 22;
  const length = password.replace(/(.)\1{2,}/g, '$1$1').length;
  return base === 0 ? 0 : length * Math.log2(base);
}

function validatePassword(password: string, minEntropy: number): string | undefined {
  if (passwordEntropy(password) >= minEntropy) return undefined;
  const hints: string[] = [];
  if (!/[!@$&*]/.test(password) || !/[_\-., ]/.test(password) || !/[^a-zA-Z0-9!@$&*_\-., ]/.test(password)) {
    hints.push('including more special characters');
  }
  if (!/[a-z]/.test(password)) hints.push('using lowercase letters');
  if (!/[A-Z]/.test(password)) hints.push('using uppercase letters');
  if (!/[0-9]/.test(password)) hints.push('using numbers');
  return hints.length > 0 ? `insecure password, try ${hints.join(', ')} or using a longer password` : 'insecure password, try using a longer password';
}

/** utils.GetPassphraseConfirm: prompt, strength check, confirmation, `retry` rounds. */
export function promptPassphraseConfirm(prefix: string, minEntropyBits: number, retry: number): string {
  return withTerminal((input, output) => {
    let previous: string | undefined;
    for (let round = 0; round < retry; round += 1) {
      const first = readPassphrase(input, output, `${prefix} passphrase: `);
      if (previous === undefined || first !== previous) {
        previous = first;
        const problem = validatePassword(first, minEntropyBits);
        if (problem) {
          writeSync(2, `${problem}\n`);
          continue;
        }
      }
      previous = undefined;
      const second = readPassphrase(input, output, `${prefix} passphrase (confirm): `);
      if (first !== second) {
        writeSync(2, 'passphrases mismatch\n');
        continue;
      }
      return first;
    }
    throw new GoError('too many failed attempts');
  });
}
