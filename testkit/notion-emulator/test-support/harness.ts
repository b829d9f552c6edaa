import { APIResponseError, Client } from '@notionhq/client';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ApiVersion, EmulatorOptions, RunningEmulator } from '../types';
import { startNotionEmulator } from '../server';

type ClientOptions = NonNullable<ConstructorParameters<typeof Client>[0]>;

export type TokenName = 'full' | 'readOnly' | 'noAccess' | 'personal';

/** A real SDK client pointed at the emulator (quiet logger; retries as configured). */
export function sdkClient(
  emulator: RunningEmulator,
  token: TokenName | { secret: string } = 'full',
  version: ApiVersion | string = '2026-03-11',
  extra: Partial<ClientOptions> = {},
): Client {
  const auth = typeof token === 'string' ? emulator.tokens[token] : token.secret;
  return new Client({ auth, baseUrl: emulator.url, notionVersion: version, logger: () => undefined, ...extra });
}

/** Starts an emulator with the rate limit off unless the test asks for it. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startNotionEmulator({ rateLimit: false, ...options });
}

/**
 * One emulator for the whole test file: started before the first test, closed after the last, and
 * (unless `reset` is 'none') reset after each test, its clock too with 'data-and-clock'.
 */
export function useTestEmulator(
  started: (emulator: RunningEmulator) => void,
  reset: 'none' | 'data' | 'data-and-clock' = 'data',
): void {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startTestEmulator();
    started(running);
  });
  afterEach(() => {
    if (reset === 'data-and-clock') running?.admin.setClockOffsetMs(0);
    if (reset !== 'none') running?.admin.reset();
  });
  afterAll(() => running?.close());
}

/** Captures a rejected promise's error for assertions. */
export async function failure(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected the call to fail');
}

export function richTextOf(content: string): { type: 'text'; text: { content: string } }[] {
  return [{ type: 'text', text: { content } }];
}

/** Asserts that the SDK call was refused with this status and code, and that the message contains `fragment`. */
export async function expectRefused(
  promise: Promise<unknown>,
  fragment: string,
  status = 400,
  code = status === 404 ? 'object_not_found' : 'validation_error',
): Promise<Record<string, unknown> & Error> {
  const error = await failure(promise);
  expect(APIResponseError.isAPIResponseError(error), error.message).toBe(true);
  expect(error, error.message).toMatchObject({ status, code });
  expect(error.message).toContain(fragment);
  return error;
}
