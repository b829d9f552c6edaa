/**
 * plakar stand-in: reproduces the command-line contract of plakar v1.1.x (see
 * docs/plakar-standin.md and ../shared/reference/plakar-cli.md) for tests. This file mirrors
 * plakar's main.go: global flags, config/cache/data dirs, cookies and the first-run banner, `at
 * STORE`, passphrase sources, opening the store, then the subcommand; errors before the command
 * starts go to stderr, the error a running command returns goes to stdout.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listCommands, lookupCommand } from './commands';
import type { CommandTarget } from './commands/types';
import { getRepository, loadConfig } from './config';
import { Cancellation, currentUsername, hostname, machineId, type AppContext } from './context';
import { loadControl } from './control';
import { CommandError, EXIT, ExitRequest, InterruptedError, messageOf, pathErrorText } from './errors';
import { Cookies, checkUpdate } from './firstrun';
import { FlagSet } from './goflag';
import { goDuration, localStamp, sanitizeText } from './gofmt';
import { openStore, resolveStorage } from './open';
import { Output } from './output';
import { getPassphraseFromEnv } from './passphrase';

function xdgDir(variable: string, fallback: string[]): string {
  const base = process.env[variable];
  return base ? path.join(base, 'plakar') : path.join(os.homedir(), ...fallback, 'plakar');
}

async function entryPoint(out: Output): Promise<number> {
  const name = process.argv0 && process.argv0 !== process.execPath && !/(^|\/)node$/.test(process.argv0) ? process.argv0 : 'plakar';
  const argv = process.argv.slice(2);
  const cwd = process.cwd();
  const numCpu = os.availableParallelism();
  const cpuDefault = numCpu !== 1 ? numCpu - 1 : 1;
  const configDefault = xdgDir('XDG_CONFIG_HOME', ['.config']);
  const cacheDefault = xdgDir('XDG_CACHE_HOME', ['.cache']);
  const dataDefault = xdgDir('XDG_DATA_HOME', ['.local', 'share']);

  const flags = new FlagSet(name, (t) => process.stderr.write(t));
  const optConfig = flags.string('config', configDefault, 'configuration directory (deprecated, use -configdir instead)');
  const optConfigDir = flags.string('configdir', configDefault, 'configuration directory');
  const optCacheDir = flags.string('cachedir', cacheDefault, 'cache directory');
  const optDataDir = flags.string('datadir', dataDefault, 'data directory');
  const optCpu = flags.int('cpu', cpuDefault, 'limit the number of usable cores');
  const optConcurrency = flags.int('concurrency', -1, 'limit the number of concurrent operations');
  flags.string('profile-cpu', '', 'profile CPU usage');
  flags.string('profile-mem', '', 'profile MEM usage');
  const optTime = flags.bool('time', false, 'display command execution time');
  flags.string('trace', '', 'display trace logs, comma-separated (all, trace, repository, snapshot, server)');
  flags.bool('json', false, 'output events as JSON lines');
  flags.bool('stdio', false, 'use stdio user interface');
  const optQuiet = flags.bool('quiet', false, 'no output except errors');
  const optSilent = flags.bool('silent', false, 'no output at all');
  const optKeyfile = flags.string('keyfile', '', 'use passphrase from key file when prompted');
  const optEnable = flags.bool('enable-security-check', false, 'enable update check');
  const optDisable = flags.bool('disable-security-check', false, 'disable update check');
  flags.usage = () => {
    flags.output(`Usage: ${name} [OPTIONS] [at REPOSITORY] COMMAND [COMMAND_OPTIONS]...\n`);
    flags.output('\nBy default, the repository is $PLAKAR_REPOSITORY or $HOME/.plakar.\n');
    flags.output('\nOPTIONS:\n');
    flags.printDefaults();
    flags.output('\nCOMMANDS:\n');
    flags.output(listCommands('  '));
    flags.output(`\nFor more information on a command, use '${name} help COMMAND'.\n`);
  };
  flags.parse(argv);
  // JSON/TUI renderers need a terminal on stdout; piped, plakar always uses the stdio renderer.
  out.quiet = optQuiet.value;
  out.silent = optSilent.value;

  let configDir = optConfigDir.value;
  if (optConfig.value !== configDefault) {
    out.err('Option -config is deprecated, please use -configdir instead');
    if (configDir === configDefault) configDir = optConfig.value;
  }
  let config;
  try {
    config = loadConfig(configDir);
  } catch (error) {
    out.err(`${name}: could not load configuration: ${messageOf(error)}`);
    return 1;
  }
  const cacheDir = optCacheDir.value;
  let cookies: Cookies;
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    cookies = new Cookies(cacheDir);
  } catch (error) {
    out.err(`${name}: could not get cookies directory: ${messageOf(error)}`);
    return 1;
  }
  try {
    mkdirSync(optDataDir.value, { recursive: true, mode: 0o700 });
  } catch (error) {
    out.err(`${name}: could not get data directory: ${messageOf(error)}`);
    return 1;
  }
  if (optDisable.value) {
    cookies.setDisabledSecurityCheck();
    out.out('security check disabled');
    return 0;
  }
  if (optEnable.value) {
    try {
      cookies.removeDisabledSecurityCheck();
    } catch (error) {
      out.err(`failed to enable security checks: ${pathErrorText('remove', path.join(cookies.dir, '.disabled-security-check'), error)}`);
      return 1;
    }
    out.out('security check enabled');
    return 0;
  }
  checkUpdate(cookies, cookies.isDisabledSecurityCheck(), out);

  if (optCpu.value <= 0) {
    out.err(`${name}: invalid -cpu value ${optCpu.value}`);
    return 1;
  }
  if (optCpu.value > numCpu) {
    out.err(`${name}: can't use more cores than available: ${numCpu}`);
    return 1;
  }
  if (optConcurrency.value === 0) {
    out.err(`${name}: invalid -concurrency value ${optConcurrency.value}`);
    return 1;
  }
  let keyFromFile = '';
  if (optKeyfile.value !== '') {
    try {
      keyFromFile = readFileSync(optKeyfile.value, 'utf8').replace(/\n$/, '');
    } catch (error) {
      out.err(`${name}: could not read key file: ${pathErrorText('open', optKeyfile.value, error)}`);
      return 1;
    }
  }
  let control;
  try {
    control = loadControl(configDir);
  } catch (error) {
    out.err(`${name}: ${messageOf(error)}`);
    return 1;
  }
  const host = hostname();
  const ctx: AppContext = {
    name,
    cwd,
    out,
    config,
    configDir,
    cacheDir,
    dataDir: optDataDir.value,
    hostname: host,
    username: currentUsername(),
    machineId: machineId(host),
    commandLine: [name, ...argv].join(' '),
    maxConcurrency: optConcurrency.value === -1 ? optCpu.value : optConcurrency.value,
    cpuCount: optCpu.value,
    keyFromFile,
    storeConfig: {},
    control,
    cancellation: new Cancellation(),
  };

  const args = flags.args();
  if (args.length === 0) {
    out.err(`${path.basename(name)}: a subcommand must be provided`);
    process.stderr.write(listCommands('  '));
    return 1;
  }
  let repositoryPath: string;
  let rest: string[];
  if (args[0] === 'at') {
    if (args.length < 2) {
      out.err(`${localStamp(new Date(), 'log')} ${name}: missing plakar repository`);
      return 1;
    }
    if (args.length < 3) {
      out.err(`${localStamp(new Date(), 'log')} ${name}: missing command`);
      return 1;
    }
    repositoryPath = args[1] ?? '';
    rest = args.slice(2);
  } else {
    repositoryPath = process.env.PLAKAR_REPOSITORY ?? '';
    if (repositoryPath === '') {
      repositoryPath = config.defaultRepository !== '' ? `@${config.defaultRepository}` : `fs:${path.join(os.homedir(), '.plakar')}`;
    }
    rest = args;
  }
  try {
    ctx.storeConfig = getRepository(config, repositoryPath);
  } catch (error) {
    out.err(`${name}: ${messageOf(error)}`);
    return 1;
  }
  const found = lookupCommand(rest);
  if (!found) {
    out.err(`command not found: ${rest[0] ?? ''}`);
    return 1;
  }
  try {
    const passphrase = getPassphraseFromEnv(ctx.keyFromFile, ctx.storeConfig, process.env);
    if (passphrase !== '') ctx.keyFromFile = passphrase;
  } catch (error) {
    out.err(`${name}: ${messageOf(error)}`);
    return 1;
  }

  const target: CommandTarget = {};
  if (found.entry.needs === 'storage') {
    try {
      target.location = resolveStorage(ctx);
    } catch (error) {
      out.err(`${name}: ${messageOf(error)}`);
      return 1;
    }
  } else if (found.entry.needs === 'repository') {
    target.store = openStore(ctx);
  }

  const cmd = found.entry.create();
  const t0 = process.hrtime.bigint();
  try {
    await cmd.parse(ctx, found.rest);
  } catch (error) {
    if (error instanceof ExitRequest) throw error;
    out.err(`${name}: ${messageOf(error)}`);
    return 1;
  }

  const onSignal = (): void => {
    if (ctx.cancellation.cancelled) return;
    ctx.cancellation.cancel(new InterruptedError());
    out.err(`${name}: received interrupt signal, stopping gracefully...`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let status: number;
  try {
    status = await cmd.execute(ctx, target);
  } catch (error) {
    if (error instanceof ExitRequest) throw error;
    status = error instanceof CommandError ? error.code : EXIT.failure;
    const message = ctx.cancellation.cancelled && !(error instanceof CommandError) ? 'interrupted' : messageOf(error);
    out.out(`${name}: ${sanitizeText(message)}`);
  }
  if (optTime.value) out.out(`time: ${goDuration(process.hrtime.bigint() - t0)}`);
  return status;
}

async function main(): Promise<void> {
  const out = new Output();
  let code: number;
  try {
    code = await entryPoint(out);
  } catch (error) {
    if (error instanceof ExitRequest) code = error.code;
    else {
      out.err(`plakar stand-in: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      code = 70;
    }
  }
  await out.flush();
  process.exit(code);
}

void main();
