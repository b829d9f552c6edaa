import { readdir, readFile } from 'node:fs/promises';

/** A process still tied to a directory: its pid and command line. */
export interface LingeringProcess {
  pid: number;
  command: string;
}

/**
 * Processes (other than this one) whose command line or environment names `dir`: on Linux, what can
 * still write under it. That is the app under test and the plakar processes it spawned (their
 * XDG_CACHE_HOME and store are under the test's data dir; a snapshot list's `plakar ls` can outlive
 * the harness's close by several seconds), and above all plakar's `cached` helper,
 * which a plakar command starts as a daemon in its own session (`plakar -cachedir <dir> cached`, with
 * the caller's environment); it keeps writing its state cache under <data dir>/plakar and exits on
 * its own about five seconds after its last request, whether or not the app is still running.
 * Returns [] where /proc does not exist.
 */
export async function processesUsing(dir: string): Promise<LingeringProcess[]> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return [];
  }
  const found: LingeringProcess[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const [cmdline, environ] = await Promise.all([
      readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => ''),
      readFile(`/proc/${entry}/environ`, 'utf8').catch(() => ''),
    ]);
    // A zombie (or a process that just ended) has neither: it writes nothing any more.
    if (cmdline.includes(dir) || environ.includes(dir)) found.push({ pid: Number(entry), command: cmdline.split('\0').join(' ').trim() });
  }
  return found;
}

/**
 * Waits until no process uses `dir` (see {@link processesUsing}), so removing it cannot race a
 * writer. Processes still there after `timeoutMs` are a leak: they are killed and reported.
 */
export async function waitForProcessesToLeave(dir: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let left = await processesUsing(dir);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    left = await processesUsing(dir);
  }
  if (left.length === 0) return;
  for (const { pid } of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (let tries = 0; tries < 25 && (await processesUsing(dir)).length > 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 200));
  throw new Error(`processes still using ${dir} ${timeoutMs} ms after the test (killed): ${left.map(({ pid, command }) => `${pid} ${command}`).join('; ')}`);
}
