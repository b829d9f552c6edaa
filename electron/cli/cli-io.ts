import type { NotionApiVersion } from '../engine/notion/client';
import { parseNotionApiVersion } from '../engine/notion/client';
import os from 'node:os';
import path from 'node:path';

/** Exit codes of the public CLI: 0 success, 1 failure, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Human-readable progress lines on stderr (only on a terminal, so failures stay one line in logs). */
  showProgress?: boolean;
  /** stdout is a terminal (a person reads it), not a pipe or a service's journal. */
  stdoutIsTerminal?: boolean;
}

/** A failure the CLI reports as one line on stderr, with exit code 1 (or 2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}

/** NOTION_API_VERSION, checked: an unknown version is a usage error before anything runs. */
export function notionApiVersionOf(env: NodeJS.ProcessEnv): NotionApiVersion {
  try {
    return parseNotionApiVersion(env.NOTION_API_VERSION);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), EXIT_USAGE);
  }
}

export function cliDataDir(env: NodeJS.ProcessEnv): string {
  if (env.NOTION_PLAKAR_DATA_DIR) return path.resolve(env.NOTION_PLAKAR_DATA_DIR);
  const base = env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'notion-plakar');
}

