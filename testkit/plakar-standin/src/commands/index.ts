/** The subcommand table (plakar `subcommands.Register` / `Lookup`). */
import { BackupCommand } from './backup';
import { CatCommand } from './cat';
import { CheckCommand } from './check';
import { CreateCommand } from './create';
import { InfoCommand } from './info';
import { LsCommand } from './ls';
import { MaintenanceCommand } from './maintenance';
import { RestoreCommand } from './restore';
import { RmCommand } from './rm';
import { LocateCommand, UNIMPLEMENTED, UnimplementedCommand, VersionCommand } from './simple';
import { ConfigCommand } from './storecfg';
import type { CommandEntry } from './types';

export const COMMANDS: readonly CommandEntry[] = [
  { names: ['backup'], needs: 'repository', create: () => new BackupCommand() },
  { names: ['cat'], needs: 'repository', create: () => new CatCommand() },
  { names: ['check'], needs: 'repository', create: () => new CheckCommand() },
  { names: ['create'], needs: 'storage', create: () => new CreateCommand() },
  { names: ['info'], needs: 'repository', create: () => new InfoCommand() },
  { names: ['locate'], needs: 'repository', create: () => new LocateCommand() },
  { names: ['ls'], needs: 'repository', create: () => new LsCommand() },
  { names: ['maintenance'], needs: 'repository', create: () => new MaintenanceCommand() },
  { names: ['restore'], needs: 'repository', create: () => new RestoreCommand() },
  { names: ['rm'], needs: 'repository', create: () => new RmCommand() },
  { names: ['version'], needs: 'nothing', create: () => new VersionCommand() },
  { names: ['store'], needs: 'nothing', create: () => new ConfigCommand('store') },
  { names: ['source'], needs: 'nothing', create: () => new ConfigCommand('source') },
  { names: ['destination'], needs: 'nothing', create: () => new ConfigCommand('destination') },
  ...UNIMPLEMENTED.map((name): CommandEntry => ({ names: [name], needs: 'nothing', create: () => new UnimplementedCommand(name) })),
];

export function lookupCommand(args: readonly string[]): { entry: CommandEntry; rest: string[] } | undefined {
  for (const entry of COMMANDS) {
    if (args.length < entry.names.length) continue;
    if (entry.names.every((word, i) => args[i] === word)) return { entry, rest: args.slice(entry.names.length) };
  }
  return undefined;
}

/** main.go listCmds, as shown by the global usage and "a subcommand must be provided". */
export function listCommands(prefix: string): string {
  const names = COMMANDS.map((c) => c.names.join(' '))
    .filter((n) => n !== 'cached' && n !== 'diag')
    .sort();
  return names.map((n) => `${prefix}${n} \n`).join('');
}
