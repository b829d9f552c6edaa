import { generateSyntheticWorkspace, startNotionEmulator } from '../testkit/notion-emulator';
import { createNotionClient } from '../electron/engine/notion/client';
import { crawlWorkspace } from '../electron/engine/notion/crawler';
import { RateLimiter } from '../electron/engine/notion/rate-limiter';
const synthetic = generateSyntheticWorkspace({ pages: Number(process.argv[3] ?? 2000), seed: 42 });
const emulator = await startNotionEmulator({ workspace: synthetic.workspace, rateLimit: false });
await crawlWorkspace({ client: createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url }), limiter: new RateLimiter({ requestsPerSecond: 5000, burst: 100 }), outputDir: process.argv[2]!, comments: 'pages', concurrency: 16, appVersion: 'bench', sourceKey: 'bench', workspace: { id: null, name: null } });
await emulator.close();
