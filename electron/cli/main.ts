import { limitHeapGrowth } from '../engine/heap-growth';
import { cliDataDir } from './cli-io';
import { handleTerminationSignals, pipeWriter, SIGNAL_EXIT_CODES } from './process-hooks';
import { runCli } from './program';

limitHeapGrowth();
const stdout = pipeWriter(process.stdout);
const stderr = pipeWriter(process.stderr);

// Ctrl-C or SIGTERM cancels the running job cleanly (plakar stopped, staging removed), and the
// process exits within a few seconds whatever the job was waiting for; a second Ctrl-C exits at once.
const cancel = new AbortController();
const stoppingMessage = process.argv[2] === 'ui' ? 'stopping (a running job is cancelled first)…' : undefined;
const signals = handleTerminationSignals({ controller: cancel, workDir: cliDataDir(process.env), stderr, stoppingMessage });

const code = await runCli(process.argv.slice(2), {
  stdout,
  stderr,
  env: process.env,
  signal: cancel.signal,
  showProgress: process.stderr.isTTY === true,
  stdoutIsTerminal: process.stdout.isTTY === true,
});
const signal = signals.received();
process.exitCode = signal && code !== 0 ? SIGNAL_EXIT_CODES[signal] : code;
