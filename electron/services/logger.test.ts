import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { scratchDir } from '../../testkit/support/crawl';
import { createFileLogger } from './logger';

const TOKEN = 'ntn_5512093847Q9wErTyUiOpAsDfGhJkLzXcVbNm1234567';
const PASSPHRASE = 'logger test passphrase 2026';
let scratch: string;
beforeEach(async () => {
  scratch = await scratchDir('logger-');
});
afterEach(async () => rm(scratch, { recursive: true, force: true }));

async function logged(write: (logger: ReturnType<typeof createFileLogger>) => void): Promise<string> {
  const logger = createFileLogger(scratch, 'main');
  write(logger);
  // The destination opens asynchronously: wait for the five lines.
  for (let attempt = 0; ; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const text = await readFile(path.join(scratch, 'logs', 'main.log'), 'utf8').catch(() => '');
    if (text.split('\n').length > 5 || attempt > 100) return text;
    logger.flush();
  }
}

it('redacts secret keys at any depth and any case, and secrets inside messages, errors and stacks', async () => {
  const text = await logged((logger) => {
    logger.info({ a: { b: { token: TOKEN } }, headers: { Authorization: `Bearer ${TOKEN}` } }, 'deep keys');
    logger.info({ env: { PLAKAR_PASSPHRASE: PASSPHRASE }, list: [{ notionToken: TOKEN }] }, 'env and arrays');
    logger.error({ err: new Error(`Notion refused ${TOKEN}`) }, 'an error object');
    logger.error(new Error(`request with Bearer ${TOKEN.slice(4)} failed`));
    logger.warn(`a message naming ${TOKEN} and PLAKAR_PASSPHRASE=${PASSPHRASE.replace(/ /g, '_')}`);
  });
  expect(text.trim().split('\n')).toHaveLength(5);
  for (const secret of [TOKEN, TOKEN.slice(4), PASSPHRASE, PASSPHRASE.replace(/ /g, '_')]) expect(text).not.toContain(secret);
  expect(text).toContain('[redacted]');
  expect(text).toMatch(/request with Bearer \[redacted\] failed/);
  expect(text).toMatch(/"stack":"Error: Notion refused \[redacted\]/);
  expect((await stat(path.join(scratch, 'logs', 'main.log'))).mode & 0o777).toBe(0o600);
  expect((await stat(path.join(scratch, 'logs'))).mode & 0o777).toBe(0o700);
});
