import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { checkNotionToken } from '../engine/notion/token-check';
import { detectPlakar } from '../engine/plakar/detect';
import { plakarDirsUnder } from '../engine/plakar/process';
import { describePlakarDetection } from './describe';

/** Exit codes of the public CLI: 0 success, 1 failure, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

function defaultDataDir(env: NodeJS.ProcessEnv): string {
  if (env.NOTION_PLAKAR_DATA_DIR) return path.resolve(env.NOTION_PLAKAR_DATA_DIR);
  const base = env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'notion-plakar');
}

export function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('notion-plakar')
    .description('Back up a Notion workspace into a Plakar Kloset store.')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('doctor')
    .description('check that plakar is installed and that NOTION_TOKEN (if set) is accepted by Notion')
    .option('--json', 'print the result as one JSON object')
    .action(async (options: { json?: boolean }) => {
      const dirs = plakarDirsUnder(path.join(defaultDataDir(io.env), 'plakar'));
      const plakar = await detectPlakar({ explicitPath: io.env.PLAKAR_BIN || undefined, dirs });
      const token = io.env.NOTION_TOKEN;
      const notion = token ? await checkNotionToken({ token, baseUrl: io.env.NOTION_API_URL }) : null;
      const healthy = plakar.status === 'found' && (notion === null || notion.status === 'valid');
      if (options.json) {
        io.stdout(`${JSON.stringify({ plakar, notion })}\n`);
      } else {
        io.stdout(`plakar: ${describePlakarDetection(plakar)}\n`);
        if (!notion) io.stdout('notion: NOTION_TOKEN is not set, token not checked\n');
        else if (notion.status === 'valid') {
          io.stdout(`notion: connected to ${notion.workspaceName ?? 'the workspace'}${notion.botName ? ` as ${notion.botName}` : ''}\n`);
        } else io.stdout(`notion: ${notion.message}\n`);
      }
      if (!healthy) setExitCode(EXIT_FAILURE);
    });

  return program;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK; // --help, --version
      return EXIT_USAGE;
    }
    io.stderr(`notion-plakar: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
  return exitCode;
}
