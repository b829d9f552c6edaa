import type { Command } from 'commander';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './cli-io';
import { SIGNAL_EXIT_CODES } from './process-hooks';

declare const __APP_VERSION__: string | undefined;
/** package.json's version, put in by the build (scripts/build-node.mjs); unbuilt runs say 0.0.0-dev. */
export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

/** Every environment variable the CLI reads, and what for. */
const ENVIRONMENT = {
  NOTION_TOKEN: 'the Notion integration secret or access token',
  PLAKAR_PASSPHRASE: "the store's passphrase",
  PLAKAR_INSECURE_PLAINTEXT: 'set (to anything) to open an unencrypted store',
  NOTION_API_URL: 'Notion API base URL (default https://api.notion.com)',
  NOTION_API_VERSION: 'Notion API version: 2026-03-11 (default) or 2026-12-01',
  PLAKAR_BIN: 'the plakar binary (default: plakar on PATH)',
  NOTION_PLAKAR_DATA_DIR: "the CLI's data folder (default ~/.local/share/notion-plakar)",
} as const;

type EnvName = keyof typeof ENVIRONMENT;

const STORE_ENV: EnvName[] = ['PLAKAR_PASSPHRASE', 'PLAKAR_INSECURE_PLAINTEXT', 'PLAKAR_BIN', 'NOTION_PLAKAR_DATA_DIR'];
const NOTION_ENV: EnvName[] = ['NOTION_TOKEN', 'NOTION_API_URL', 'NOTION_API_VERSION'];

/** Which command reads which variables (grep `io.env.` in electron/cli when adding one). */
export const COMMAND_ENV: Record<string, EnvName[]> = {
  init: STORE_ENV,
  backup: [...NOTION_ENV, ...STORE_ENV],
  snapshots: STORE_ENV,
  ls: STORE_ENV,
  restore: [...NOTION_ENV, ...STORE_ENV],
  export: STORE_ENV,
  prune: [...NOTION_ENV, ...STORE_ENV],
  doctor: ['PLAKAR_BIN', 'NOTION_PLAKAR_DATA_DIR', 'NOTION_TOKEN', 'NOTION_API_URL'],
  ui: ['NOTION_API_URL', 'PLAKAR_BIN', 'NOTION_PLAKAR_DATA_DIR'],
};

function environmentHelp(names: readonly EnvName[]): string {
  const width = Math.max(...names.map((name) => name.length));
  return ['Environment:', ...names.map((name) => `  ${name.padEnd(width)}  ${ENVIRONMENT[name]}`)].join('\n');
}

export const EXIT_CODES_HELP = [
  'Exit codes:',
  `  ${EXIT_OK}    success`,
  `  ${EXIT_FAILURE}    failure (one line on stderr says why)`,
  `  ${EXIT_USAGE}    usage error (unknown option, missing or invalid argument, missing secret)`,
  `  ${SIGNAL_EXIT_CODES.SIGINT}  cancelled by Ctrl-C (SIGINT)`,
  `  ${SIGNAL_EXIT_CODES.SIGTERM}  cancelled by SIGTERM`,
].join('\n');

/** `ui` runs until stopped: a stop is its normal end. */
const UI_EXIT_CODES_HELP = [
  'Exit codes:',
  `  ${EXIT_OK}    stopped by Ctrl-C or SIGTERM (a running job is cancelled cleanly first)`,
  `  ${EXIT_FAILURE}    could not start (one line on stderr says why)`,
  `  ${EXIT_USAGE}    usage error`,
].join('\n');

/** Adds each command's environment variables, and the exit codes, after its --help. */
export function addHelpEpilogues(program: Command): void {
  const all = Object.keys(ENVIRONMENT) as EnvName[];
  program.addHelpText('after', `\n${environmentHelp(all)}\n\n${EXIT_CODES_HELP}\n`);
  for (const command of program.commands) {
    const names = COMMAND_ENV[command.name()];
    if (!names) throw new Error(`the environment of \`${command.name()}\` is not described`);
    const exitCodes = command.name() === 'ui' ? UI_EXIT_CODES_HELP : EXIT_CODES_HELP;
    command.addHelpText('after', `\n${environmentHelp(names)}\n\n${exitCodes}\n`);
  }
}
