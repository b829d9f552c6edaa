/**
 * `restore [-to DIR|@dest] [-name|-category|-environment|-perimeter|-job|-tag X] [-o k=v]
 *  [-skip-permissions] [SNAPSHOT[:PATH]]` with the v1.1 layout (kloset snapshot/export.go, fs
 * exporter): the selected directory's CONTENTS land directly in the target (a selected file lands
 * in it by name); -to defaults to <cwd>/plakar-YYYYMMDDhhmmss; the target is created with mkdir
 * (its parent must exist); files are written to `.plakar-*` temp files and renamed over whatever
 * exists; nothing is deleted; permissions and mtimes are restored afterwards.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, lutimes, mkdir, open, rename, rm, symlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { getDestination } from '../config';
import type { AppContext } from '../context';
import { CommandError, errnoText, isErrno, messageOf, pathErrorText } from '../errors';
import { chmodBits } from '../fsutil';
import { isDirMode, isRegularMode, isSymlinkMode, localStamp, MODE, nowNs } from '../gofmt';
import { BUILTIN_EXPORTERS, lookupLocation } from '../location';
import type { HeaderFilters } from '../select';
import { headerFilterFlags, LocateOptions, locateSnapshots, openSnapshotByPath, parseSnapshotPath } from '../select';
import type { Snapshot, VfsEntry } from '../snapshot';
import type { Store } from '../store';
import type { Command, CommandTarget } from './types';
import { subcommandFlags } from './flags';

/** Seconds as a float with microsecond precision (what utimes takes). */
const toSeconds = (ns: bigint): number => Number(ns / 1_000n) / 1e6;

export class RestoreCommand implements Command {
  private filters: HeaderFilters & { tag: string } = { name: '', category: '', environment: '', perimeter: '', job: '', tag: '' };
  private opts: Record<string, string> = {};
  private target = '';
  private snapshots: string[] = [];

  parse(ctx: AppContext, args: string[]): void {
    const flags = subcommandFlags('restore', '[OPTIONS] [SNAPSHOT[:PATH]]...');
    const headers = headerFilterFlags(flags);
    const tag = flags.string('tag', '', 'filter by tag');
    flags.func('o', 'specify extra exporter options', (v) => {
      const index = v.indexOf('=');
      if (index === -1) this.opts[v] = 'true';
      else this.opts[v.slice(0, index)] = v.slice(index + 1);
    });
    const to = flags.string('to', '', 'base directory where pull will restore');
    flags.bool('skip-permissions', false, 'do not restore file permissions');
    flags.parse(args);
    this.filters = { ...headers(), tag: tag.value };
    if (flags.nArg() !== 0 && Object.values(this.filters).some((v) => v !== '')) ctx.out.warn('snapshot specified, filters will be ignored');
    this.target = to.value === '' ? `${ctx.cwd}/plakar-${localStamp(new Date(), 'compact')}` : to.value;
    this.snapshots = flags.args();
  }

  private locateOptions(): LocateOptions {
    const opts = new LocateOptions();
    const f = opts.filters;
    f.latest = true;
    const { tag, ...headers } = this.filters;
    Object.assign(f, headers);
    f.tags = [tag];
    return opts;
  }

  async execute(ctx: AppContext, target: CommandTarget): Promise<number> {
    const store = target.store;
    if (!store) throw new Error('no store');
    const selected: string[] = [];
    if (this.snapshots.length === 0) {
      for (const snap of await locateSnapshots(store, this.locateOptions())) selected.push(`${snap.id}:`);
    } else {
      for (const arg of this.snapshots) {
        const [prefix, pathname] = parseSnapshotPath(arg);
        const opts = this.locateOptions();
        opts.filters.ids = [prefix];
        for (const snap of await locateSnapshots(store, opts)) selected.push(`${snap.id}:${pathname}`);
      }
    }
    if (selected.length === 0) throw new CommandError('no snapshots found');
    if (selected.length > 1) throw new CommandError('multiple snapshots found, please specify one');

    let location = this.target;
    if (location.startsWith('@')) {
      const remote = getDestination(ctx.config, location.slice(1));
      if (!remote) throw new CommandError(`could not resolve exporter: ${location}`);
      if (remote.location === undefined) throw new CommandError(`could not resolve exporter location: ${location}`);
      location = remote.location;
    }
    location = this.opts.location ?? location;
    const { proto, location: loc } = lookupLocation(location, 'fs');
    if (proto !== 'fs') {
      throw new CommandError(BUILTIN_EXPORTERS.has(proto) ? `the plakar stand-in only implements fs exporters, not ${proto}` : 'unsupported exporter protocol');
    }
    const rootDir = path.resolve(ctx.cwd, loc);
    const { snap, pathname } = await openSnapshotByPath(store, selected[0] ?? '');
    await exportSnapshot(ctx, store, snap, pathname, rootDir);
    return 0;
  }
}

async function writeFileAtomic(ctx: AppContext, store: Store, entry: VfsEntry, destination: string): Promise<void> {
  const tmp = path.join(path.dirname(destination), `.plakar-${randomBytes(6).readUIntBE(0, 6)}`);
  let handle;
  try {
    handle = await open(tmp, 'wx', 0o600);
  } catch (error) {
    throw new Error(pathErrorText('open', tmp, error));
  }
  let done = false;
  try {
    for (const chunk of entry.object?.chunks ?? []) {
      ctx.cancellation.check();
      await handle.write(await store.getBlob(chunk.mac));
    }
    await handle.close();
    try {
      await rename(tmp, destination);
    } catch (error) {
      throw new Error(`rename ${tmp} ${destination}: ${messageOf(error)}`);
    }
    done = true;
  } finally {
    if (!done) {
      await handle.close().catch(() => undefined);
      await rm(tmp, { force: true });
    }
  }
  try {
    await chmod(destination, chmodBits(entry.mode));
  } catch (error) {
    throw new Error(pathErrorText('chmod', destination, error));
  }
  const mtime = toSeconds(BigInt(entry.mtimeNs));
  await utimes(destination, mtime, mtime);
}

/** snapshot.Export into the fs exporter rooted at `rootDir`. */
async function exportSnapshot(ctx: AppContext, store: Store, snap: Snapshot, pathname: string, rootDir: string): Promise<void> {
  const vfs = await snap.vfs();
  const start = vfs.get(pathname);
  if (!start) throw new CommandError('file does not exist');
  let tostrip = start.path;
  const records: { rel: string; entry: VfsEntry }[] = [];
  if (!isDirMode(start.mode)) {
    tostrip = path.posix.dirname(tostrip);
    if (tostrip === '/') tostrip = '';
    const now = nowNs().toString();
    records.push({ rel: '/', entry: { path: '/', mode: MODE.dir + 0o700, uid: 0, gid: 0, size: 0, mtimeNs: now, nlink: 1, dev: 0, ino: 0 } });
  }
  await vfs.walk(start.path, (entry) => {
    let rel = entry.path.startsWith(tostrip) ? entry.path.slice(tostrip.length) : entry.path;
    if (!rel.startsWith('/')) rel = `/${rel}`;
    records.push({ rel, entry });
  });

  const dirPerms: { dest: string; entry: VfsEntry }[] = [];
  const hardlinks = new Map<string, string>();
  for (const { rel, entry } of records) {
    ctx.cancellation.check();
    const dest = rel === '/' ? rootDir : path.join(rootDir, rel);
    if (dest !== rootDir && !dest.startsWith(`${rootDir}/`)) {
      ctx.out.pathError(snap.id, rel, `path ${JSON.stringify(rel)} escapes restore root`);
      continue;
    }
    if (isDirMode(entry.mode)) {
      try {
        await mkdir(dest, { mode: 0o700 });
        ctx.out.pathOk(snap.id, rel);
      } catch (error) {
        if (isErrno(error, 'EEXIST')) {
          await chmod(dest, 0o700).catch(() => undefined);
          ctx.out.pathOk(snap.id, rel);
        } else ctx.out.pathError(snap.id, rel, pathErrorText('mkdir', dest, error));
      }
      dirPerms.push({ dest, entry });
      continue;
    }
    try {
      if (isSymlinkMode(entry.mode)) {
        try {
          await symlink(entry.target ?? '', dest);
        } catch (error) {
          throw new Error(`symlink ${entry.target ?? ''} ${dest}: ${errnoText(error)}`);
        }
        const mtime = toSeconds(BigInt(entry.mtimeNs));
        await lutimes(dest, mtime, mtime);
      } else if (isRegularMode(entry.mode)) {
        if (ctx.control.restoreDelayPerFileMs) await ctx.cancellation.sleep(ctx.control.restoreDelayPerFileMs);
        const key = `${entry.dev}:${entry.ino}`;
        const canonical = entry.nlink > 1 ? hardlinks.get(key) : undefined;
        if (canonical !== undefined) await link(canonical, dest);
        else {
          await writeFileAtomic(ctx, store, entry, dest);
          if (entry.nlink > 1) hardlinks.set(key, dest);
        }
      }
      ctx.out.pathOk(snap.id, rel);
    } catch (error) {
      if (error instanceof CommandError) throw error;
      ctx.out.pathError(snap.id, rel, messageOf(error));
    }
  }
  for (const { dest, entry } of dirPerms.reverse()) {
    try {
      await chmod(dest, chmodBits(entry.mode));
    } catch (error) {
      throw new CommandError(`failed to set permission: chmod(${dest}): ${pathErrorText('chmod', dest, error)}`);
    }
    const mtime = toSeconds(BigInt(entry.mtimeNs));
    try {
      await utimes(dest, mtime, mtime);
    } catch (error) {
      throw new CommandError(`failed to set permission: lutimes(${dest}): ${pathErrorText('lutimes', dest, error)}`);
    }
  }
}
