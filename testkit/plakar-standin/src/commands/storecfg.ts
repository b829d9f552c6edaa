/**
 * `store|source|destination add|set|unset|rm|show|check|ping …` (plakar subcommands/config):
 * edits stores.yml / sources.yml / destinations.yml in the config dir.
 */
import { saveConfig, type Section } from '../config';
import type { AppContext } from '../context';
import { CommandError } from '../errors';
import { FlagSet } from '../goflag';
import { lookupLocation } from '../location';
import { stringifyYaml } from '../yaml';
import type { Command, CommandTarget } from './types';

type Kind = 'store' | 'source' | 'destination';

const SENSITIVE = ['access_key', 'secret_access_key', 'passphrase', 'password', 'pass', 'private_key', 'token', 'client_id', 'client_secret', 'auth_token'];

const normalizeName = (name: string): string => name.replace(/^@/, '');

export class ConfigCommand implements Command {
  private args: string[] = [];

  constructor(private readonly kind: Kind) {}

  parse(_ctx: AppContext, args: string[]): void {
    const flags = new FlagSet(this.kind, (t) => process.stderr.write(t));
    flags.usage = () => {
      const n = flags.name;
      flags.output(`Usage: ${n}\n`);
      flags.output(`       ${n} add <name> <location> [<option>=<value>]...\n`);
      flags.output(`       ${n} check <name>\n`);
      flags.output(`       ${n} import [-config <location>] [-overwrite] [-rclone] [<section>...]\n`);
      flags.output(`       ${n} ping <name>\n`);
      flags.output(`       ${n} rm <name>\n`);
      flags.output(`       ${n} set <name> [<option>=<value>...]\n`);
      flags.output(`       ${n} show [<name>...]\n`);
      flags.output(`       ${n} unset <name> <option>...\n`);
      flags.printDefaults();
    };
    flags.parse(args);
    if (flags.nArg() === 0) throw new Error('no action specified');
    this.args = flags.args();
  }

  private sections(ctx: AppContext): Record<string, Section> {
    return this.kind === 'store' ? ctx.config.stores : this.kind === 'source' ? ctx.config.sources : ctx.config.destinations;
  }

  async execute(ctx: AppContext, _target: CommandTarget): Promise<number> {
    const [verb = '', ...args] = this.args;
    const map = this.sections(ctx);
    const cmd = this.kind;
    const subflags = (name: string, usage: string): FlagSet => {
      const flags = new FlagSet(name, (t) => process.stdout.write(t));
      flags.usage = () => {
        flags.output(`${usage}\n`);
        flags.printDefaults();
      };
      return flags;
    };
    const mustExist = (name: string): Section => {
      const section = map[name];
      if (!section) throw new CommandError(`${cmd} ${JSON.stringify(name)} does not exist`);
      return section;
    };
    const save = (): number => {
      saveConfig(ctx.configDir, ctx.config);
      return 0;
    };
    switch (verb) {
      case 'add': {
        const usage = `Usage: plakar ${cmd} add <name> <location> [<key>=<value>...]`;
        subflags('add', usage).parse(args);
        if (args.length < 2) throw new CommandError(usage);
        const name = normalizeName(args[0] ?? '');
        if (map[name]) throw new CommandError(`${cmd} ${JSON.stringify(name)} already exists`);
        const section: Section = { location: (args[1] ?? '').replace(/^location=/, '') };
        for (const kv of args.slice(2)) {
          const index = kv.indexOf('=');
          if (index <= 0) throw new CommandError(usage);
          section[kv.slice(0, index)] = kv.slice(index + 1);
        }
        map[name] = section;
        return save();
      }
      case 'set': {
        const usage = `Usage: plakar ${cmd} set <name> <key>=<value>...`;
        subflags('set', usage).parse(args);
        if (args.length < 2) throw new CommandError(usage);
        const section = mustExist(normalizeName(args[0] ?? ''));
        for (const kv of args.slice(1)) {
          const index = kv.indexOf('=');
          if (index <= 0) throw new CommandError(`usage: plakar ${cmd} set <name> [<key>=<value>, ...]`);
          section[kv.slice(0, index)] = kv.slice(index + 1);
        }
        return save();
      }
      case 'unset': {
        const usage = `Usage: plakar ${cmd} unset <name> <key>...`;
        subflags('unset', usage).parse(args);
        if (args.length < 2) throw new CommandError(usage);
        const section = mustExist(normalizeName(args[0] ?? ''));
        for (const key of args.slice(1)) {
          if (key === 'location') throw new CommandError('cannot unset location');
          delete section[key];
        }
        return save();
      }
      case 'rm': {
        const usage = `Usage: plakar ${cmd} rm <name>`;
        subflags('rm', usage).parse(args);
        if (args.length !== 1) throw new CommandError(usage);
        const name = normalizeName(args[0] ?? '');
        mustExist(name);
        delete map[name];
        return save();
      }
      case 'check':
      case 'ping': {
        subflags(verb, `Usage: plakar ${cmd} ${verb} <name>`).parse(args);
        if (args.length !== 1) throw new CommandError(`usage: plakar ${cmd} ${verb} <name>`);
        const section = mustExist(normalizeName(args[0] ?? ''));
        const proto = lookupLocation(section.location ?? '', 'fs').proto;
        if (proto !== 'fs') throw new CommandError(`backend '${proto}' does not exist`);
        if (verb === 'ping') ctx.out.out('configuration OK');
        return 0;
      }
      case 'show': {
        const flags = subflags('show', `Usage: plakar ${cmd} show [<name>...]`);
        const json = flags.bool('json', false, 'output in JSON format');
        const ini = flags.bool('ini', false, 'output in INI format');
        flags.bool('yaml', false, 'output in YAML format (default)');
        const secrets = flags.bool('secrets', false, 'show secret values instead of ********');
        flags.parse(args);
        const names = flags.nArg() === 0 ? Object.keys(map).sort() : flags.args();
        let failed = false;
        for (const raw of names) {
          const name = normalizeName(raw);
          const section = map[name];
          if (!section) {
            ctx.out.err(`${cmd} ${JSON.stringify(name)} does not exist`);
            failed = true;
            continue;
          }
          const shown: Section = { ...section };
          if (!secrets.value) {
            for (const key of Object.keys(shown)) {
              if (SENSITIVE.some((s) => key.toLowerCase() === s || key.endsWith(`_${s}`))) shown[key] = '********';
            }
          }
          if (json.value) ctx.out.out(JSON.stringify({ [name]: Object.fromEntries(Object.entries(shown).sort()) }));
          else if (ini.value) {
            ctx.out.out(`[${name}]`);
            for (const [k, v] of Object.entries(shown)) ctx.out.out(`${k} = ${v}`);
            ctx.out.out('');
          } else ctx.out.raw(stringifyYaml({ [name]: shown }));
        }
        return failed ? 1 : 0;
      }
      default:
        throw new CommandError(verb === 'import' ? `${cmd} import: not implemented by the plakar stand-in` : `unknown subcommand ${verb}`);
    }
  }
}
