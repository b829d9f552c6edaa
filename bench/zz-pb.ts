import { mkdir } from 'node:fs/promises';
import { measurePlakarBackups } from './plakar-backups';
const work = '/work/main/bench/.work'; await mkdir(work, { recursive: true });
const pages = Number(process.argv[2] ?? 2000);
const r = await measurePlakarBackups({ root: '/work/main', work, plakar: '/root/.cache/notion-plakar-dev/plakar/v1.1.4/plakar', pages });
console.log(JSON.stringify(r, null, 1));
