import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';

export type AppLogger = pino.Logger;

/** Keys whose values must never reach a log line, wherever they appear in a logged object. */
export const SECRET_LOG_PATHS = [
  'token',
  'passphrase',
  'auth',
  'authorization',
  '*.token',
  '*.passphrase',
  '*.auth',
  '*.authorization',
  'headers.authorization',
  'env.PLAKAR_PASSPHRASE',
  'env.NOTION_TOKEN',
];

export function createFileLogger(dataDir: string, name: string): AppLogger {
  const dir = path.join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const destination = pino.destination({ dest: path.join(dir, `${name}.log`), mkdir: true, sync: false, mode: 0o600 });
  return pino({ name, level: 'info', redact: { paths: SECRET_LOG_PATHS, censor: '[redacted]' } }, destination);
}

export function createSilentLogger(): AppLogger {
  return pino({ level: 'silent' });
}
