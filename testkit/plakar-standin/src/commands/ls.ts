/**
 * `ls [-uuid] [-tags] [-recursive] [selectors] [SNAPSHOT[:PATH]]` (plakar subcommands/ls/ls.go).
 * Snapshot list: "%s %10s%10s%10s %s%s" (or "%s %3s%10s%10s %s%s" with -uuid);
 * contents: "%s %s % 8s % 8s % 8s %s%s".
 */
import type { AppContext } from '../context';
import { CommandError } from '../errors';
import { groupName, userName } from '../fsutil';
import { fileModeString, goDuration, iBytes, isDirMode, isSymlinkMode, rfc3339Utc, roundDuration, sanitizeText, SECOND } from '../gofmt';
import { LocateOptions, locateSnapshots, openSnapshotByPath } from '../select';
import { SkipDir, type Snapshot } from '../snapshot';
import type { Command, CommandTarget } from './types';
import { subcommandFlags } from './flags';

const padStart = (text: string, width: number): string => text.padStart(width, ' ');

/** The snapshot line `ls` and the `rm` plan print. */
export function snapshotLine(snap: Snapshot, uuid: boolean, tags: string): string {
  const h = snap.header;
  const size = iBytes(h.summary.size);
  const duration = goDuration(roundDuration(BigInt(h.durationNs), SECOND));
  const id = uuid ? padStart(h.identifier, 3) : padStart(snap.shortId, 10);
  return `${rfc3339Utc(snap.timestampNs)} ${id}${padStart(size, 10)}${padStart(duration, 10)} ${sanitizeText(h.importer.directory)}${tags}`;
}

export class LsCommand implements Command {
  private readonly locate = new LocateOptions();
  private uuid = false;
  private recursive = false;
  private showTags = false;
  private target: string | undefined;

  parse(_ctx: AppContext, args: string[]): void {
    const flags = subcommandFlags('ls', '[OPTIONS] [SNAPSHOT[:PATH]]');
    const uuid = flags.bool('uuid', false, 'display uuid instead of short ID');
    const recursive = flags.bool('recursive', false, 'recursive listing');
    const tags = flags.bool('tags', false, 'show tags');
    this.locate.installLocateFlags(flags);
    flags.parse(args);
    this.locate.bind();
    if (flags.nArg() > 1) throw new Error('too many arguments');
    if (flags.nArg() === 1) this.target = flags.arg(0);
    this.uuid = uuid.value;
    this.recursive = recursive.value;
    this.showTags = tags.value;
  }

  async execute(ctx: AppContext, target: CommandTarget): Promise<number> {
    const store = target.store;
    if (!store) throw new Error('no store');
    if (this.target === undefined) {
      for (const snap of await locateSnapshots(store, this.locate)) {
        const tags = this.showTags && snap.header.tags.length > 0 && snap.header.tags.join(',') !== '' ? ` tags=${snap.header.tags.join(',')}` : '';
        ctx.out.out(snapshotLine(snap, this.uuid, tags));
      }
      return 0;
    }
    const { snap, pathname } = await openSnapshotByPath(store, this.target);
    const vfs = await snap.vfs();
    if (!vfs.get(pathname)) throw new CommandError('file does not exist');
    await vfs.walk(pathname, (entry) => {
      ctx.cancellation.check();
      const isDir = isDirMode(entry.mode);
      if (isDir && entry.path === pathname) return;
      const name = this.recursive ? entry.path : entry.path.slice(entry.path.lastIndexOf('/') + 1) || '/';
      const link = isSymlinkMode(entry.mode) ? ` -> ${sanitizeText(entry.target ?? '')}` : '';
      ctx.out.out(
        `${rfc3339Utc(BigInt(entry.mtimeNs))} ${fileModeString(entry.mode)} ${padStart(userName(entry.uid), 8)} ${padStart(groupName(entry.gid), 8)} ` +
          `${padStart(iBytes(entry.size), 8)} ${sanitizeText(name)}${link}`,
      );
      if (!this.recursive && isDir) throw new SkipDir();
    });
    return 0;
  }
}
