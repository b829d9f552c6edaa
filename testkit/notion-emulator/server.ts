import type { ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdmin } from './admin';
import { handleAdminHttp } from './admin-http';
import { Clock } from './clock';
import type { EmulatorEnv } from './context';
import { RequestCounter } from './counters';
import { allRoutes } from './endpoints';
import { FaultInjector } from './faults';
import { FileSigner } from './files';
import { richWorkspace } from './fixtures/rich-workspace';
import { SeededRandom } from './ids';
import { handleRequest } from './pipeline';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limiter';
import { Router } from './router';
import { Store } from './store';
import type { EmulatorOptions, EmulatorTokens, RunningEmulator } from './types';

export const DEFAULT_QUERY_ROW_CAP = 10_000;
const DEFAULT_SEED = 20260311;
const STANDARD_TOKEN_NAMES = ['full', 'readOnly', 'noAccess', 'personal'] as const;

/** Starts the emulator on 127.0.0.1; pass `url` as the SDK's `baseUrl`. */
export async function startNotionEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  // The store loads a copy, so the caller's fixture stays the pristine baseline for reset().
  const initialWorkspace = options.workspace ?? richWorkspace();
  const store = Store.fromFixture(initialWorkspace);
  const clock = new Clock();
  const seed = options.seed ?? DEFAULT_SEED;
  let baseUrl = '';
  let queryRowCap = options.queryRowCap ?? DEFAULT_QUERY_ROW_CAP;
  const env: EmulatorEnv = {
    store,
    clock,
    signer: new FileSigner(clock, () => baseUrl),
    ids: new SeededRandom(seed),
    baseUrl: () => baseUrl,
    queryRowCap: () => queryRowCap,
  };
  const limiter = new RateLimiter(options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit);
  const faults = new FaultInjector(seed);
  faults.configure(options.faults);
  const counter = new RequestCounter();
  const admin = createAdmin({
    env,
    initialWorkspace,
    limiter,
    faults,
    counter,
    setQueryRowCap: (rows) => {
      queryRowCap = rows;
    },
  });
  const timers = new Set<NodeJS.Timeout>();
  const deps = {
    env,
    router: new Router(allRoutes),
    limiter,
    faults,
    counter,
    timers,
    handleAdmin: (method: string, url: URL, body: Buffer, res: ServerResponse) => handleAdminHttp(admin, method, url, body, res),
  };

  const server = createServer((req, res) => {
    handleRequest(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`emulator failure: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    port,
    get tokens(): EmulatorTokens {
      const byName = admin.tokens();
      for (const name of STANDARD_TOKEN_NAMES) byName[name] ??= '';
      return byName as EmulatorTokens;
    },
    admin,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
