import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseNotionId } from '../../shared/notion-ids';
import { checkNotionToken } from '../engine/notion/token-check';
import { detectPlakar } from '../engine/plakar/detect';
import { plakarDirsUnder } from '../engine/plakar/process';
import { describePlakarDetection } from './describe';
import { addHelpEpilogues, APP_VERSION } from './about';
import { runBackupCommand, runInitCommand, runSnapshotsCommand } from './commands';
import { runExportCommand, runRestoreCommand } from './restore-commands';
import { runPruneCommand } from './prune-command';
import { runLsCommand } from './ls-command';
import { runUiCommand } from './ui-command';
import type { CliIo } from './cli-io';
import { redactString } from '../../shared/redact';
import { CliError, cliDataDir, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './cli-io';
import { NOTION_REQUEST_RATE } from '../../shared/notion-rate';

function notionIdOption(value: string, previous: string[] = []): string[] {
  const id = parseNotionId(value);
  if (!id) throw new InvalidArgumentError(`"${value}" is not a Notion page or database id or URL.`);
  return [...previous, id];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const RATE_HELP = `Notion request rate, ${NOTION_REQUEST_RATE.min} to ${NOTION_REQUEST_RATE.max} (default ${NOTION_REQUEST_RATE.default})`;

function rateOption(value: string): number {
  const number = Number(value.trim() === '' ? Number.NaN : value);
  if (!Number.isFinite(number) || number < NOTION_REQUEST_RATE.min || number > NOTION_REQUEST_RATE.max) {
    throw new InvalidArgumentError(`must be a number of requests per second from ${NOTION_REQUEST_RATE.min} to ${NOTION_REQUEST_RATE.max} (Notion allows about ${NOTION_REQUEST_RATE.default}).`);
  }
  return number;
}

function portOption(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new InvalidArgumentError('must be a port number from 1 to 65535 (0 for any free port).');
  return number;
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 1000) throw new InvalidArgumentError('must be a whole number from 0 to 1000.');
  return number;
}

/**
 * Options a command cannot run without. Commander checks its own mandatory options before unknown
 * ones, so `--stor x` would be reported as a missing `--store`: these are checked in a preAction
 * hook instead, after commander has refused unknown options and missing arguments.
 */
const requiredOptions = new WeakSet<Option>();

function required(flags: string, description: string, parse?: (value: string) => unknown): Option {
  const option = new Option(flags, `${description} (required)`);
  if (parse) option.argParser(parse);
  requiredOptions.add(option);
  return option;
}

function checkRequiredOptions(command: Command): void {
  for (const option of command.options) {
    if (requiredOptions.has(option) && command.getOptionValue(option.attributeName()) === undefined) {
      command.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: EXIT_USAGE });
    }
  }
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('notion-plakar')
    .description('Back up a Notion workspace into a Plakar Kloset store.')
    .version(APP_VERSION, '-V, --version', 'print the version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .hook('preAction', (_program, command) => checkRequiredOptions(command));

  program
    .command('init')
    .description('create a Kloset store (encrypted with PLAKAR_PASSPHRASE unless --plaintext)')
    .addOption(required('--store <location>', 'a folder, or any plakar location (s3://…, sftp://…, @alias)'))
    .option('--plaintext', 'create the store without encryption')
    .action((options: { store: string; plaintext?: boolean }) => runInitCommand(io, options));

  program
    .command('backup')
    .description('back up the pages and databases NOTION_TOKEN can see (or only --root ones)')
    .addOption(required('--store <location>', 'the Kloset store'))
    .option('--root <page-or-db-id>', 'back up only this page or database and what is inside it (repeatable; id or Notion URL)', notionIdOption)
    .option('--full', 'crawl everything again instead of reusing unchanged pages')
    .option('--tag <tag>', 'add a tag to the snapshot (repeatable)', collect)
    .addOption(new Option('--comments <scope>', 'which comments to back up').choices(['pages', 'all', 'off']).default('pages'))
    .option('--rate <requests-per-second>', RATE_HELP, rateOption)
    .option('--no-local-copy', 'keep no local copy of the backed-up pages (next backups restore the previous snapshot from the store; removes the copies kept so far)')
    .option('--json', 'progress as JSON lines on stderr, the result as one JSON object on stdout')
    .action((options) => runBackupCommand(io, options));

  program
    .command('snapshots')
    .description('list the snapshots in a store, newest first')
    .addOption(required('--store <location>', 'the Kloset store'))
    .option('--json', 'print a JSON array')
    .action((options: { store: string; json?: boolean }) => runSnapshotsCommand(io, options));

  program
    .command('ls')
    .description('list the pages and databases in a snapshot, with the ids restore --page and export --page take')
    .argument('<snapshot>', 'snapshot id, or an unambiguous prefix of it')
    .addOption(required('--store <location>', 'the Kloset store'))
    .option('--page <id>', 'list only this page or database and what is inside it (repeatable; id or URL)', notionIdOption)
    .option('--json', 'print a JSON array of {id, object, title, parentId, isRow, depth}')
    .action((snapshot: string, options) => runLsCommand(io, snapshot, options));

  program
    .command('restore')
    .description('restore a snapshot (or some of its pages) under an existing Notion page')
    .argument('<snapshot>', 'snapshot id, or an unambiguous prefix of it')
    .addOption(required('--store <location>', 'the Kloset store'))
    .addOption(
      required('--to-notion <page id or URL>', 'the page to restore under (shared with the integration)', (value: string) => {
        const id = parseNotionId(value);
        if (!id) throw new InvalidArgumentError(`"${value}" is not a Notion page id or URL.`);
        return id;
      }),
    )
    .option('--page <id>', 'restore only this page or database and its sub-pages (repeatable; id or URL)', notionIdOption)
    .option('--dry-run', 'show what would be created and what cannot be restored, without writing anything')
    .option('--rate <requests-per-second>', RATE_HELP, rateOption)
    .option('--json', 'print the result as one JSON object')
    .action((snapshot: string, options) => runRestoreCommand(io, snapshot, options));

  program
    .command('export')
    .description('write a snapshot (or some of its pages) into a folder as Markdown, HTML or JSON')
    .argument('<snapshot>', 'snapshot id, or an unambiguous prefix of it')
    .addOption(required('--store <location>', 'the Kloset store'))
    .addOption(required('--to-dir <dir>', 'an empty (or new) folder'))
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'html', 'json']).default('markdown'))
    .option('--page <id>', 'export only this page or database and its sub-pages (repeatable; id or URL)', notionIdOption)
    .option('--merge', 'write into a folder that already has files (nothing is deleted)')
    .action((snapshot: string, options) => runExportCommand(io, snapshot, options));

  program
    .command('prune')
    .description("apply a retention policy to this tool's snapshots of one source (a preview unless --apply)")
    .addOption(required('--store <location>', 'the Kloset store'))
    .option('--root <page-or-db-id>', 'the roots the backups were made with, as for `backup` (repeatable)', notionIdOption)
    .option('--source <key>', 'the source key shown by `snapshots` (instead of NOTION_TOKEN and --root)')
    .option('--keep-last <n>', 'keep the newest n snapshots (at least 1)', wholeNumber, 10)
    .option('--keep-daily <n>', 'keep the newest snapshot of each of the last n days', wholeNumber, 7)
    .option('--keep-weekly <n>', 'keep the newest snapshot of each of the last n weeks', wholeNumber, 4)
    .option('--keep-monthly <n>', 'keep the newest snapshot of each of the last n months', wholeNumber, 12)
    .option('--apply', 'remove the snapshots the policy does not keep (by full id)')
    .option('--json', 'print the plan (and what was removed) as one JSON object')
    .action((options) => runPruneCommand(io, options));

  program
    .command('doctor')
    .description('check that plakar is installed and that NOTION_TOKEN (if set) is accepted by Notion')
    .option('--json', 'print the result as one JSON object')
    .action(async (options: { json?: boolean }) => {
      const dirs = plakarDirsUnder(path.join(cliDataDir(io.env), 'plakar'));
      const plakar = await detectPlakar({ explicitPath: io.env.PLAKAR_BIN || undefined, dirs });
      const token = io.env.NOTION_TOKEN;
      const notion = token ? await checkNotionToken({ token, baseUrl: io.env.NOTION_API_URL }) : null;
      if (options.json) {
        io.stdout(`${JSON.stringify({ plakar, notion })}\n`);
      } else {
        io.stdout(`plakar: ${describePlakarDetection(plakar)}\n`);
        if (!notion) io.stdout('notion: NOTION_TOKEN is not set, token not checked\n');
        else if (notion.status === 'valid') {
          io.stdout(`notion: connected to ${notion.workspaceName ?? 'the workspace'}${notion.botName ? ` as ${notion.botName}` : ''}\n`);
        } else io.stdout(`notion: ${notion.message}\n`);
      }
      const healthy = plakar.status === 'found' && (notion === null || notion.status === 'valid');
      if (!healthy) throw new CliError('', EXIT_FAILURE);
    });

  program
    .command('ui')
    .description('open the app in a browser (no Electron needed); scheduled backups run while it does')
    .option('--port <number>', 'listen on this port of 127.0.0.1 (0: any free port)', portOption, 0)
    .option('--no-open', 'do not open a browser; print the address only')
    .action((options: { port: number; open: boolean }) => runUiCommand(io, options));

  addHelpEpilogues(program);
  return program;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Error messages may quote what Notion or plakar said: never echo a secret to a terminal or a log.
  const secrets = [io.env.NOTION_TOKEN, io.env.PLAKAR_PASSPHRASE];
  const stderr = io.stderr;
  io = { ...io, stderr: (text) => stderr(redactString(text, { secrets })) };
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof CliError) {
      if (error.message) io.stderr(`notion-plakar: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`notion-plakar: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
