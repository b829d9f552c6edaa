import path from 'node:path';
import { plakarDirsUnder } from '../engine/plakar/process';
import { PlakarStore } from '../engine/plakar/store';
import type { CliIo } from './cli-io';
import { cliDataDir } from './cli-io';

/**
 * The store named on the command line, with plakar's dirs under the CLI's data dir. An unencrypted
 * store is opened only with the user's consent, given the way plakar itself asks for it
 * (PLAKAR_INSECURE_PLAINTEXT in the environment) or by `init --plaintext` for the store it creates.
 */
export function openStore(io: CliIo, location: string, options: { plaintext?: boolean } = {}): PlakarStore {
  return new PlakarStore({
    bin: io.env.PLAKAR_BIN || 'plakar',
    dirs: plakarDirsUnder(path.join(cliDataDir(io.env), 'plakar')),
    location,
    passphrase: io.env.PLAKAR_PASSPHRASE || undefined,
    allowPlaintext: options.plaintext === true || (io.env.PLAKAR_INSECURE_PLAINTEXT ?? '') !== '',
  });
}
