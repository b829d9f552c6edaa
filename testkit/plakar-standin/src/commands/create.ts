/** `plakar [at STORE] create [-plaintext] [-no-compression] [-hashing ALGO] [-weak-passphrase]` */
import { mkdir, readdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AppContext } from '../context';
import { deriveKey, makeCanary, newKdfParams } from '../crypto';
import { goPathError, isErrno } from '../errors';
import { FlagSet } from '../goflag';
import { nowNs, rfc3339NanoUtc } from '../gofmt';
import { promptPassphraseConfirm } from '../passphrase';
import { STANDIN_CHUNK_SIZE, STORAGE_VERSION, Store, type StoreConfigFile } from '../store';
import type { Command, CommandTarget } from './types';

export class CreateCommand implements Command {
  private hashing = 'BLAKE3';
  private plaintext = false;
  private noCompression = false;
  private passphrase = '';

  parse(ctx: AppContext, args: string[]): void {
    const flags = new FlagSet('create', (t) => process.stderr.write(t));
    flags.usage = () => {
      flags.output(`Usage: plakar [at /path/to/repository] ${flags.name} [OPTIONS]\n`);
      flags.output(`       plakar [at @REPOSITORY] ${flags.name} [OPTIONS]\n`);
      flags.output('\nOPTIONS:\n');
      flags.printDefaults();
    };
    const weak = flags.bool('weak-passphrase', false, 'allow weak passphrase to protect the repository');
    const hashing = flags.string('hashing', 'BLAKE3', 'hashing algorithm to use for digests');
    const plaintext = flags.bool('plaintext', false, 'disable transparent encryption');
    const noCompression = flags.bool('no-compression', false, 'disable transparent compression');
    flags.parse(args);
    if (flags.nArg() !== 0) throw new Error(`${ctx.name}: too many parameters`);
    this.hashing = hashing.value.toUpperCase();
    if (this.hashing !== 'SHA256' && this.hashing !== 'BLAKE3') throw new Error(`${ctx.name}: unknown hashing algorithm`);
    this.plaintext = plaintext.value;
    this.noCompression = noCompression.value;
    if (!this.plaintext) {
      const passphrase = ctx.keyFromFile !== '' ? ctx.keyFromFile : promptPassphraseConfirm('repository', weak.value ? 0 : 80, 3);
      if (passphrase.length === 0) throw new Error("can't encrypt the repository with an empty passphrase");
      this.passphrase = passphrase;
    }
  }

  async execute(_ctx: AppContext, target: CommandTarget): Promise<number> {
    const root = path.resolve(target.location ?? '');
    const kdf = newKdfParams();
    const config: StoreConfigFile = {
      format: 'plakar-standin-config',
      version: STORAGE_VERSION,
      timestamp: rfc3339NanoUtc(nowNs()),
      repositoryId: randomUUID(),
      encrypted: !this.plaintext,
      packfile: { maxSize: 64 << 20 },
      chunking: { algorithm: 'fastcdc-v1.0.0', minSize: 512 << 10, normalSize: 1 << 20, maxSize: 8 << 20 },
      hashing: { algorithm: this.hashing, bits: 256 },
      compression: this.noCompression ? null : { algorithm: 'LZ4', level: 131072 },
      encryption: this.plaintext
        ? null
        : {
            subkeyAlgorithm: 'AES256-KW',
            dataAlgorithm: 'AES256-GCM-SIV',
            chunkSize: 65536,
            kdf,
            canary: makeCanary(deriveKey(kdf, this.passphrase)),
          },
      standin: {
        chunkSize: STANDIN_CHUNK_SIZE,
        mac: this.plaintext ? 'SHA256' : 'HMAC-SHA256',
        compression: this.noCompression ? null : 'deflate-raw',
        cipher: this.plaintext ? null : 'AES-256-GCM',
      },
    };
    let entries: string[] | undefined;
    try {
      entries = await readdir(root);
    } catch (error) {
      if (isErrno(error, 'ENOTDIR')) throw goPathError('readdirent', root, error);
      if (!isErrno(error, 'ENOENT')) throw goPathError('open', root, error);
    }
    if (entries === undefined) {
      try {
        await mkdir(root, { recursive: true, mode: 0o700 });
      } catch (error) {
        throw goPathError('mkdir', root, error);
      }
    } else if (entries.length > 0) {
      throw new Error(`directory ${root} is not empty`);
    }
    await Store.initialize(root, config);
    return 0;
  }
}
