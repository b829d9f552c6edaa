import { runCli } from './program';

// Ctrl-C cancels the running job cleanly (plakar stopped, staging removed); a second one exits at once.
const cancel = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('notion-plakar: cancelling…\n');
  cancel.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
  process.once('SIGINT', () => process.exit(130));
});
process.once('SIGTERM', () => cancel.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' })));

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  signal: cancel.signal,
  showProgress: process.stderr.isTTY === true,
});
