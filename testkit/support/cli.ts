import path from 'node:path';
import { runCli } from '../../electron/cli/program';
import type { RunningEmulator } from '../notion-emulator';
import { plakarBinUnderTest } from '../plakar-standin';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in process against the emulator and the plakar under test, with everything it writes
 * (HOME, data dir) under the test's scratch folder. Getters, because tests create both in hooks.
 */
export function cliRunner(context: { scratch: () => string; emulator: () => RunningEmulator; passphrase: string }) {
  const env = (overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: context.scratch(),
    NOTION_PLAKAR_DATA_DIR: path.join(context.scratch(), 'data'),
    PLAKAR_BIN: plakarBinUnderTest(),
    PLAKAR_PASSPHRASE: context.passphrase,
    NOTION_TOKEN: context.emulator().tokens.full,
    NOTION_API_URL: context.emulator().url,
    ...overrides,
  });
  const cli = async (args: string[], overrides: Record<string, string | undefined> = {}): Promise<CliRun> => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: env(overrides) });
    return { code, stdout, stderr };
  };
  return { env, cli };
}

/** Polls `probe` until it returns a value (every 20 ms), or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
