/**
 * What main.go does between finding the command and running it: resolve the store location, open
 * CONFIG (exit 66), check its version (exit 78) and unlock it (exit 77). All of it reports on
 * stderr, since the command has not started.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from './context';
import { deriveKey, storeKeys, verifyCanary } from './crypto';
import { EXIT, ExitRequest, messageOf, pathErrorText } from './errors';
import { absolutize, BUILTIN_STORAGE, lookupLocation } from './location';
import { promptPassphrase } from './passphrase';
import { STORAGE_VERSION, Store, type StoreConfigFile } from './store';

/** storage.New: the absolute store directory; mutates `location` to `fs://<abs>` like kloset. */
export function resolveStorage(ctx: AppContext): string {
  const { proto, location } = lookupLocation(ctx.storeConfig.location ?? '', 'fs');
  if (!BUILTIN_STORAGE.has(proto)) throw new Error(`backend '${proto}' does not exist`);
  if (proto !== 'fs') throw new Error(`backend '${proto}' is not implemented by the plakar stand-in`);
  const abs = absolutize(ctx.cwd, location);
  if (abs.endsWith('.ptar')) throw new Error("backend 'ptar' is not implemented by the plakar stand-in");
  ctx.storeConfig.location = `fs://${abs}`;
  return abs;
}

function fail(ctx: AppContext, message: string, code: number): never {
  ctx.out.err(`${ctx.name}: ${message}`);
  throw new ExitRequest(code);
}

export function openStore(ctx: AppContext): Store {
  let root: string;
  try {
    root = resolveStorage(ctx);
  } catch (error) {
    const message = messageOf(error);
    ctx.out.err(`${ctx.name}: ${message}`);
    ctx.out.err(`${ctx.name}: failed to open the repository at ${ctx.storeConfig.location ?? ''}: ${message}`);
    ctx.out.err('To specify an alternative repository, please use "plakar at <location> <command>".');
    throw new ExitRequest(EXIT.repoNotFound);
  }
  const configPath = path.join(root, 'CONFIG');
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (error) {
    ctx.out.err(`${ctx.name}: failed to open the repository at ${ctx.storeConfig.location ?? ''}: ${pathErrorText('open', configPath, error)}`);
    ctx.out.err('To specify an alternative repository, please use "plakar at <location> <command>".');
    throw new ExitRequest(EXIT.repoNotFound);
  }
  let config: StoreConfigFile;
  try {
    config = JSON.parse(text) as StoreConfigFile;
    if (config?.format !== 'plakar-standin-config') throw new Error('msgpack: invalid code in CONFIG (not a plakar stand-in store)');
  } catch (error) {
    return fail(ctx, messageOf(error), EXIT.failure);
  }
  if (config.version !== STORAGE_VERSION) fail(ctx, `incompatible repository version: ${config.version} != ${STORAGE_VERSION}`, EXIT.repoIncompatible);
  const store = new Store(root, config);
  const encryption = config.encryption;
  if (encryption) {
    const tryKey = (passphrase: string): boolean => {
      const key = deriveKey(encryption.kdf, passphrase);
      if (!verifyCanary(encryption.canary, key)) return false;
      store.keys = storeKeys(key);
      return true;
    };
    if (ctx.keyFromFile !== '') {
      if (!tryKey(ctx.keyFromFile)) fail(ctx, 'failed to unlock repository', EXIT.authFailure);
    } else {
      let unlocked = false;
      for (let attempt = 0; attempt < 3 && !unlocked; attempt += 1) {
        let passphrase: string;
        try {
          passphrase = promptPassphrase('repository');
        } catch (error) {
          return fail(ctx, messageOf(error), EXIT.authFailure);
        }
        unlocked = tryKey(passphrase);
      }
      if (!unlocked) fail(ctx, 'failed to unlock repository', EXIT.authFailure);
    }
  }
  return store;
}
