/**
 * Cookies in `<cachedir>/cookies/1.0.0/` and the first-run banner (plakar `cookies/cookies.go`,
 * main.go `checkUpdate`). The stand-in never contacts the network: the daily release-feed check
 * real plakar does after the first run is not reproduced.
 */
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Output } from './output';

export const COOKIES_VERSION = '1.0.0';

export class Cookies {
  readonly dir: string;

  constructor(cacheDir: string) {
    this.dir = path.join(cacheDir, 'cookies', COOKIES_VERSION);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(this.dir, 0o700);
  }

  isFirstRun(): boolean {
    return !existsSync(path.join(this.dir, '.first-run'));
  }

  setFirstRun(): void {
    writeFileSync(path.join(this.dir, '.first-run'), '', { mode: 0o600 });
  }

  isDisabledSecurityCheck(): boolean {
    return existsSync(path.join(this.dir, '.disabled-security-check'));
  }

  setDisabledSecurityCheck(): void {
    writeFileSync(path.join(this.dir, '.disabled-security-check'), '', { mode: 0o600 });
  }

  removeDisabledSecurityCheck(): void {
    rmSync(path.join(this.dir, '.disabled-security-check'));
  }
}

const BANNER = [
  'Welcome to plakar !',
  '',
  'By default, plakar checks for security updates on the releases feed once every 24h.',
  'It will notify you if there are important updates that you need to install.',
  '',
  'If you prefer to watch yourself, you can disable this permanently by running:',
  '',
  '\tplakar -disable-security-check',
  '',
  'If you change your mind, run:',
  '',
  '\tplakar -enable-security-check',
  '',
  'EOT',
];

/** main.go checkUpdate: the banner on the first run unless the security check is disabled. */
export function checkUpdate(cookies: Cookies, disabled: boolean, out: Output): void {
  if (!cookies.isFirstRun()) return;
  cookies.setFirstRun();
  if (disabled) return;
  for (const line of BANNER) out.out(line);
}
