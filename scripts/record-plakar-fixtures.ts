// Records what a real plakar prints, for the parser and error-mapping fixture tests and for the
// stand-in's drift test: electron/engine/plakar/fixtures/<version>/<case>.json.
//
//   npx tsx scripts/record-plakar-fixtures.ts [/path/to/plakar]   (default: PLAKAR_BIN)
//
// The scenarios are in testkit/plakar-recorder.ts. Run as root to include the disk-full case.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { recordPlakarScenarios } from '../testkit/plakar-recorder';

const bin = process.argv[2] ?? process.env.PLAKAR_BIN;
if (!bin) {
  console.error('usage: tsx scripts/record-plakar-fixtures.ts /path/to/plakar (or set PLAKAR_BIN)');
  process.exit(2);
}
const recordings = await recordPlakarScenarios(path.resolve(bin), (recording) => console.log(`${recording.name}: exit ${recording.exitCode}`));
const version = [...recordings.values()][0]?.plakarVersion;
if (!version) throw new Error('nothing was recorded');
const outDir = path.resolve('electron/engine/plakar/fixtures', version);
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
for (const recording of recordings.values()) {
  await writeFile(path.join(outDir, `${recording.name}.json`), `${JSON.stringify(recording, null, 2)}\n`);
}
console.log(`recorded ${recordings.size} cases of plakar ${version} into ${path.relative(process.cwd(), outDir)}`);
