import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TargetName } from './app-under-test';

/** Path of the Electron binary when it was downloaded (npm's electron package), else undefined. */
export function electronBinaryPath(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined; // "Electron failed to install correctly": no binary on this machine
  }
}

/** E2E_TARGET=electron|chromium forces a target; otherwise the real app wherever Electron exists. */
export function selectTarget(env: NodeJS.ProcessEnv = process.env): TargetName {
  const forced = env.E2E_TARGET;
  if (forced === 'electron' || forced === 'chromium') return forced;
  return electronBinaryPath() ? 'electron' : 'chromium';
}
