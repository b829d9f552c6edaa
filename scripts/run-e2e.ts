// Runs the Playwright specs against the real Electron app where its binary exists, otherwise
// against the renderer in Debian's Chromium (see docs/architecture.md, "Two e2e targets").
import { spawnSync } from 'node:child_process';
import { selectTarget } from '../e2e/targets/select-target';

const target = selectTarget();
const playwright = ['playwright', 'test', ...process.argv.slice(2)];
const needsDisplay = target === 'electron' && process.platform === 'linux' && !process.env.DISPLAY;
const [command, args] = needsDisplay
  ? ['xvfb-run', ['--auto-servernum', '--server-args=-screen 0 1280x960x24', '--', 'npx', ...playwright]]
  : ['npx', playwright];

console.log(`e2e target: ${target}${needsDisplay ? ' (under xvfb-run)' : ''}`);
const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, E2E_TARGET: target } });
process.exit(result.status ?? 1);
