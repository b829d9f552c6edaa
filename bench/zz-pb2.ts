import { mkdir } from 'node:fs/promises';
import { measurePlakarBackups } from './plakar-backups';
const work = '/work/main/bench/.work'; await mkdir(work, { recursive: true });
const r = await measurePlakarBackups({ root: '/work/main', work, plakar: '/root/.cache/notion-plakar-dev/plakar/v1.1.4/plakar', pages: Number(process.argv[2] ?? 2000) });
for (const k of ['full','incremental'] as const) console.log(k, r[k].wallMs, JSON.stringify(r[k].phases), r[k].apiCalls, JSON.stringify(r[k].io));
