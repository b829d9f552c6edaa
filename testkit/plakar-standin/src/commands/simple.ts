/** `version`, `locate`, and the commands the stand-in knows by name but does not implement. */
import path from 'node:path';
import type { AppContext } from '../context';
import { PLAKAR_VERSION } from '../context';
import { CommandError } from '../errors';
import { FlagSet } from '../goflag';
import { sanitizeText } from '../gofmt';
import { LocateOptions, locateSnapshots, lookupSnapshotsByPrefix } from '../select';
import { Snapshot } from '../snapshot';
import type { Command, CommandTarget } from './types';
import { subcommandFlags } from './flags';

export class VersionCommand implements Command {
  parse(_ctx: AppContext, args: string[]): void {
    const flags = new FlagSet('version', (t) => process.stderr.write(t));
    flags.usage = () => {
      flags.output(`Usage: ${flags.name}\n`);
      flags.printDefaults();
    };
    flags.parse(args);
    if (flags.nArg() > 0) throw new Error('Too many arguments');
  }

  async execute(ctx: AppContext): Promise<number> {
    ctx.out.out(`plakar/${PLAKAR_VERSION}`);
    return 0;
  }
}

/** Go's path.Match for one path element. */
export function goPathMatch(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] ?? '';
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\' && i + 1 < pattern.length) {
      i += 1;
      re += (pattern[i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) throw new Error('syntax error in pattern');
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`${re}$`).test(name);
}

export class LocateCommand implements Command {
  private readonly locate = new LocateOptions();
  private snapshot = '';
  private patterns: string[] = [];

  parse(ctx: AppContext, args: string[]): void {
    const flags = subcommandFlags('locate', '[OPTIONS] PATTERN...');
    const snapshot = flags.string('snapshot', '', 'snapshot to locate in');
    this.locate.installLocateFlags(flags);
    flags.parse(args);
    this.locate.bind();
    this.snapshot = snapshot.value;
    if (this.snapshot !== '' && !this.locate.empty()) ctx.out.warn('snapshot specified, filters will be ignored');
    this.patterns = flags.args();
  }

  async execute(ctx: AppContext, target: CommandTarget): Promise<number> {
    const store = target.store;
    if (!store) throw new Error('no store');
    const snaps =
      this.snapshot === ''
        ? await locateSnapshots(store, this.locate)
        : await Promise.all((await lookupSnapshotsByPrefix(store, this.snapshot)).map((id) => Snapshot.load(store, id)));
    for (const snap of snaps) {
      const vfs = await snap.vfs();
      for (const pathname of vfs.pathnames()) {
        ctx.cancellation.check();
        const base = pathname === '/' ? '/' : path.posix.basename(pathname);
        for (const pattern of this.patterns) {
          let matched = base === pattern;
          if (!matched) {
            try {
              matched = goPathMatch(pattern, base);
            } catch (error) {
              throw new CommandError(`locate: could not match pattern: ${(error as Error).message}`);
            }
          }
          if (matched) ctx.out.out(`${snap.shortId}:${sanitizeText(pathname)}`);
        }
      }
    }
    return 0;
  }
}

/** Real plakar v1.1 commands the stand-in does not reproduce. */
export const UNIMPLEMENTED = [
  'archive',
  'diff',
  'digest',
  'dup',
  'help',
  'login',
  'logout',
  'mount',
  'pkg',
  'policy',
  'prune',
  'ptar',
  'repair',
  'server',
  'service',
  'sync',
  'token',
  'ui',
  'cached',
  'diag',
];

export class UnimplementedCommand implements Command {
  constructor(private readonly name: string) {}

  parse(): void {
    throw new Error(`${this.name}: not implemented by the plakar stand-in`);
  }

  async execute(): Promise<number> {
    return 1;
  }
}
