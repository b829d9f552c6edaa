import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import open from 'open';
import { resolveServiceConfig } from '../services/config';
import { createFileLogger } from '../services/logger';
import { startBrowserMode } from '../web/browser-mode';
import { APP_VERSION } from './about';
import type { CliIo } from './cli-io';
import { CliError, cliDataDir } from './cli-io';

const PRODUCT_NAME = 'Notion Kloset Backup';

/** The built renderer: out/renderer beside the bundled CLI (out/cli), or from a source checkout. */
export function findRendererDir(here: string = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../out/renderer')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

/** Can a browser window open here? Not on a Linux box without a graphical session (a server, SSH). */
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export interface UiOptions {
  port: number;
  open: boolean;
}

/**
 * `notion-plakar ui`: the app in a browser, with its scheduler, until Ctrl-C or SIGTERM. The access
 * link is printed only to a terminal; it is always in <data dir>/ui-address (0600), never in a log.
 */
export async function runUiCommand(io: CliIo, options: UiOptions): Promise<void> {
  const rendererDir = findRendererDir();
  if (!rendererDir) throw new CliError("The app's pages are not built: run `npm run build` first.");
  const config = resolveServiceConfig(io.env, {
    productName: PRODUCT_NAME,
    version: APP_VERSION,
    electronVersion: null,
    chromeVersion: null,
    defaultDataDir: cliDataDir(io.env),
  });
  const logger = createFileLogger(config.dataDir, 'ui');
  let mode;
  try {
    mode = await startBrowserMode({
      config,
      rendererDir,
      port: options.port,
      logger,
      notify: (notification) => io.stdout(`${new Date().toLocaleTimeString()}  ${notification.title}: ${notification.body}\n`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(`Port ${options.port} is already in use: choose another with --port, or --port 0 for any free port.`);
    }
    throw error;
  }
  const { server } = mode;
  const addressFile = path.join(config.dataDir, 'ui-address');
  await writeFile(addressFile, `${server.accessUrl}\n`, { mode: 0o600 });
  logger.info({ origin: server.origin, dataDir: config.dataDir }, 'browser mode started');
  io.stdout(`${PRODUCT_NAME} is running at ${server.origin}\n`);
  io.stdout(
    io.stdoutIsTerminal
      ? `Open this address (it holds this run's access token; do not share it):\n  ${server.accessUrl}\n`
      : `The address to open, with this run's access token, is in ${addressFile} (readable only by you).\n`,
  );
  io.stdout('Scheduled backups run while this keeps running. Ctrl-C stops it.\n');
  if (options.open && hasDisplay(io.env)) {
    await open(server.accessUrl).catch(() => io.stderr('notion-plakar: could not open a browser; open the address yourself.\n'));
  }

  await new Promise<void>((resolve) => {
    if (!io.signal || io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await mode.stop();
  logger.info('browser mode stopped');
  io.stdout('Stopped.\n');
}
