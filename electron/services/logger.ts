import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { redact, redactString } from '../../shared/redact';

export type AppLogger = pino.Logger;

/**
 * Every logged object is redacted deeply (secret-named keys at any depth, any case; tokens, Bearer
 * values and NAME=secret inside any string, error messages and stacks included: shared/redact.ts),
 * and so is the message itself.
 */
export const REDACTING_LOGGER_OPTIONS: pino.LoggerOptions = {
  formatters: { log: (object) => redact(object) },
  hooks: {
    logMethod(args, method) {
      const [first, ...rest] = args as unknown[];
      // logger.error(err) takes its message from err.message: keep that, redacted.
      const head = first instanceof Error ? [{ err: first }, ...(typeof rest[0] === 'string' ? [] : [first.message])] : [first];
      const redacted = [...head, ...rest].map((arg) => (typeof arg === 'string' ? redactString(arg) : arg));
      method.apply(this, redacted as Parameters<typeof method>);
    },
  },
};

export function createFileLogger(dataDir: string, name: string): AppLogger {
  const dir = path.join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const destination = pino.destination({ dest: path.join(dir, `${name}.log`), mkdir: true, sync: false, mode: 0o600 });
  return pino({ name, level: 'info', ...REDACTING_LOGGER_OPTIONS }, destination);
}

export function createSilentLogger(): AppLogger {
  return pino({ level: 'silent' });
}
