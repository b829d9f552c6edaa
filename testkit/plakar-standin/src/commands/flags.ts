import { FlagSet } from '../goflag';

/**
 * A subcommand's flag set (errors on stderr) whose usage is plakar's: `Usage: NAME SYNOPSIS`, one
 * line for each further synopsis aligned under it, then `OPTIONS:` and the flag defaults.
 */
export function subcommandFlags(name: string, ...synopses: string[]): FlagSet {
  const flags = new FlagSet(name, (t) => process.stderr.write(t));
  flags.usage = () => {
    synopses.forEach((synopsis, index) => flags.output(`${index === 0 ? 'Usage:' : '      '} ${flags.name} ${synopsis}\n`));
    flags.output('\nOPTIONS:\n');
    flags.printDefaults();
  };
  return flags;
}
