// `npm test` runs this first: the e2e specs need Debian's Chromium (or CHROMIUM_PATH), and finding
// out it is missing after six minutes of other tests helps no one.
import { accessSync, constants } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

try {
  accessSync(CHROMIUM, constants.X_OK);
} catch {
  console.error(
    `The e2e tests need Chromium at ${CHROMIUM}: install it (Debian: \`sudo apt-get install chromium\`) or set CHROMIUM_PATH to a Chromium executable.`,
  );
  process.exit(1);
}
