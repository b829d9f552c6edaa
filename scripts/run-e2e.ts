// Runs the Playwright specs against the real Electron app where its binary exists, otherwise
// against the renderer in Debian's Chromium (see docs/architecture.md, "Two e2e targets").
import { spawnSync } from 'node:child_process';
import { selectTarget } from '../e2e/targets/select-target';
// @ts-expect-error plain ESM script without type declarations
import { plakarForTests } from './install-plakar.mjs';

const target = selectTarget();
const playwright = ['playwright', 'test', ...process.argv.slice(2)];
const needsDisplay = target === 'electron' && process.platform === 'linux' && !process.env.DISPLAY;
const [command, args] = needsDisplay
  ? ['xvfb-run', ['--auto-servernum', '--server-args=-screen 0 1280x960x24', '--', 'npx', ...playwright]]
  : ['npx', playwright];

const underTest = (await plakarForTests()) as { bin: string | null; label: string };
const env: NodeJS.ProcessEnv = { ...process.env, E2E_TARGET: target };
if (underTest.bin) env.PLAKAR_BIN = underTest.bin;
else delete env.PLAKAR_BIN;
console.log(`e2e target: ${target}${needsDisplay ? ' (under xvfb-run)' : ''}; plakar under test: ${underTest.label}`);
const result = spawnSync(command, args, { stdio: 'inherit', env });
process.exit(result.status ?? 1);
