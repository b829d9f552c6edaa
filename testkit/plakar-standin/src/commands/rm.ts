/**
 * `rm [-apply] [selectors] [ID ...]` (plakar subcommands/rm/rm.go): IDs are PREFIXES and every match
 * goes; without -apply it only prints the plan. Blobs stay until `maintenance` reclaims them.
 */
import type { AppContext } from '../context';
import { CommandError, messageOf } from '../errors';
import { LocateOptions, locateSnapshots } from '../select';
import type { Command, CommandTarget } from './types';
import { subcommandFlags } from './flags';
import { snapshotLine } from './ls';

export class RmCommand implements Command {
  private readonly locate = new LocateOptions();
  private apply = false;

  parse(_ctx: AppContext, args: string[]): void {
    const flags = subcommandFlags('rm', '[OPTIONS] SNAPSHOT...');
    const apply = flags.bool('apply', false, 'do the actual removal');
    this.locate.installDeletionFlags(flags);
    flags.parse(args);
    this.locate.bind();
    if (flags.nArg() === 0 && this.locate.empty()) throw new Error('no filter specified, not going to remove everything');
    this.locate.filters.ids = flags.args();
    this.apply = apply.value;
  }

  async execute(ctx: AppContext, target: CommandTarget): Promise<number> {
    const store = target.store;
    if (!store) throw new Error('no store');
    const matches = await locateSnapshots(store, this.locate);
    if (matches.length === 0) {
      ctx.out.info('rm: no snapshots matched the selection');
      return 0;
    }
    if (!this.apply) {
      ctx.out.out(`rm: would remove these ${matches.length} snapshot(s), run with -apply to proceed`);
      for (const snap of matches) {
        const tags = snap.header.tags.join(',') !== '' ? ` tags=${snap.header.tags.join(',')}` : '';
        ctx.out.out(snapshotLine(snap, false, tags));
      }
      return 0;
    }
    let errors = 0;
    for (const snap of matches) {
      try {
        await store.deleteState(snap.id);
        ctx.out.info(`rm: removal of ${snap.shortId} completed successfully`);
      } catch (error) {
        ctx.out.error(messageOf(error));
        errors += 1;
      }
    }
    if (errors !== 0) throw new CommandError(`failed to remove ${errors} snapshots`);
    return 0;
  }
}
