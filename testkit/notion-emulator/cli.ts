// `npm run emulator -- [--port 4010] [--fixture rich|synthetic] [--pages 1000] [--rate 3 | --no-rate-limit]`
import { parseArgs } from 'node:util';
import { generateSyntheticWorkspace } from './fixtures/synthetic';
import { richWorkspace } from './fixtures/rich-workspace';
import { DEFAULT_RATE_LIMIT } from './rate-limiter';
import { startNotionEmulator } from './server';
import type { RateLimitConfig } from './types';

const USAGE = `Usage: npm run emulator -- [options]
  --port <n>            port on 127.0.0.1 (default: random)
  --fixture <name>      rich (default) or synthetic
  --pages <n>           pages in the synthetic workspace (default 1000)
  --seed <n>            seed for the synthetic workspace and fault injection (default 1)
  --rate <req/s>        rate limit per token (default ${DEFAULT_RATE_LIMIT.requestsPerSecond}, burst ${DEFAULT_RATE_LIMIT.burst})
  --burst <n>           bucket size for the rate limit
  --no-rate-limit       disable rate limiting
  --help                show this help`;

function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} expects a positive number, got "${value}"`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      fixture: { type: 'string', default: 'rich' },
      pages: { type: 'string' },
      seed: { type: 'string' },
      rate: { type: 'string' },
      burst: { type: 'string' },
      'no-rate-limit': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seed = positiveNumber(values.seed, 'seed') ?? 1;
  let workspace;
  if (values.fixture === 'synthetic') {
    const pages = positiveNumber(values.pages, 'pages') ?? 1000;
    const synthetic = generateSyntheticWorkspace({ pages, seed });
    workspace = synthetic.workspace;
    console.log(`Synthetic workspace: ${JSON.stringify(synthetic.counts)}`);
  } else if (values.fixture === 'rich') {
    workspace = richWorkspace();
  } else {
    throw new Error(`--fixture must be "rich" or "synthetic", got "${values.fixture}"`);
  }
  const rate = positiveNumber(values.rate, 'rate');
  const burst = positiveNumber(values.burst, 'burst');
  const rateLimit: RateLimitConfig | false = values['no-rate-limit']
    ? false
    : { requestsPerSecond: rate ?? DEFAULT_RATE_LIMIT.requestsPerSecond, burst: burst ?? DEFAULT_RATE_LIMIT.burst };

  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port expects a port number, got "${values.port}"`);
  const emulator = await startNotionEmulator({ port, workspace, rateLimit, seed });
  console.log(`Notion emulator listening at ${emulator.url}`);
  console.log(`  SDK:   new Client({ auth: <token>, baseUrl: '${emulator.url}', notionVersion: '2026-03-11' })`);
  console.log(`  Admin: ${emulator.url}/__admin/...  (no auth; see docs/notion-emulator.md)`);
  console.log(`  Rate limit: ${rateLimit ? `${rateLimit.requestsPerSecond} req/s, burst ${rateLimit.burst}` : 'off'}`);
  console.log('Tokens:');
  for (const [name, secret] of Object.entries(emulator.tokens)) console.log(`  ${name.padEnd(10)} ${secret}`);
  console.log('For the app or the CLI (notion-plakar), paste into a shell:');
  console.log(`  export NOTION_API_URL=${emulator.url} NOTION_TOKEN=${emulator.tokens.full}`);
  console.log('Press Ctrl-C to stop.');

  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(2);
});
