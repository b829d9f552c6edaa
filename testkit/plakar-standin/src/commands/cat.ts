/** `cat [-decompress] [-highlight] SNAPSHOT[:PATH] ...`: raw file bytes on stdout (binary safe). */
import { gunzipSync } from 'node:zlib';
import type { AppContext } from '../context';
import { CommandError, messageOf } from '../errors';
import { isRegularMode } from '../gofmt';
import { openSnapshotByPath } from '../select';
import type { Command, CommandTarget } from './types';
import { subcommandFlags } from './flags';

export class CatCommand implements Command {
  private paths: string[] = [];
  private decompress = false;

  parse(_ctx: AppContext, args: string[]): void {
    const flags = subcommandFlags('cat', '[OPTIONS] [SNAPSHOT[:PATH]]...');
    const decompress = flags.bool('decompress', false, 'decompress output');
    flags.bool('highlight', false, 'highlight output');
    flags.parse(args);
    if (flags.nArg() === 0) throw new Error('at least one parameter is required');
    this.paths = flags.args();
    this.decompress = decompress.value;
  }

  async execute(ctx: AppContext, target: CommandTarget): Promise<number> {
    const store = target.store;
    if (!store) throw new Error('no store');
    let errors = 0;
    for (const arg of this.paths) {
      let opened;
      try {
        opened = await openSnapshotByPath(store, arg);
      } catch (error) {
        ctx.out.error(`cat: ${arg}: ${messageOf(error)}`);
        errors += 1;
        continue;
      }
      const { snap, pathname } = opened;
      const entry = (await snap.vfs()).get(pathname);
      if (!entry) {
        ctx.out.error(`cat: ${pathname}: no such file`);
        errors += 1;
        continue;
      }
      if (!isRegularMode(entry.mode)) {
        ctx.out.error(`cat: ${pathname}: not a regular file`);
        errors += 1;
        continue;
      }
      try {
        const chunks = entry.object?.chunks ?? [];
        if (this.decompress && entry.object?.contentType === 'application/gzip') {
          const parts: Buffer[] = [];
          for (const chunk of chunks) parts.push(await store.getBlob(chunk.mac));
          ctx.out.raw(gunzipSync(Buffer.concat(parts)));
        } else {
          for (const chunk of chunks) {
            ctx.cancellation.check();
            ctx.out.raw(await store.getBlob(chunk.mac));
          }
        }
      } catch (error) {
        if (error instanceof CommandError) throw error;
        ctx.out.error(`cat: ${pathname}: ${messageOf(error)}`);
        errors += 1;
      }
    }
    if (errors !== 0) throw new CommandError('errors occurred');
    return 0;
  }
}
