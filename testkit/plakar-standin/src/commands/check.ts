/**
 * `check [-fast] [-no-verify] [selectors] [SNAPSHOT[:PATH] ...]` (plakar check.go + kloset
 * snapshot/check.go): walks the snapshot from PATH (default: its source directory), re-reads every
 * chunk, verifies its MAC and each file's object MAC. OK lines per path, `KO ✘ object=<mac>` lines
 * for corrupted or missing chunks/objects, one result line per snapshot, exit 65 on any failure.
 * Verdicts are cached for the run, so a snapshot identical to one already checked only prints its
 * result line.
 */
import type { AppContext } from '../context';
import { CommandError, EXIT } from '../errors';
import { isDirMode, isRegularMode } from '../gofmt';
import { LocateOptions, locateSnapshots, openSnapshotByPath, parseSnapshotPath } from '../select';
import type { Snapshot, VfsEntry } from '../snapshot';
import { BlobError, type Store } from '../store';
import { macHasher } from '../crypto';
import type { Command, CommandTarget } from './types';
import { subcommandFlags } from './flags';

export class CheckCache {
  readonly vfs = new Map<string, string>();
  readonly objects = new Map<string, string>();
  readonly chunks = new Map<string, string>();
}

const ERR_CHUNK_MISSING = 'chunk is missing';
const ERR_CHUNK_CORRUPTED = 'chunk corrupted';
const ERR_OBJECT_CORRUPTED = 'object corrupted';

async function checkObject(ctx: AppContext, store: Store, snap: Snapshot, entry: VfsEntry, fast: boolean, cache: CheckCache): Promise<boolean> {
  const object = entry.object;
  if (!object) return true;
  const known = cache.objects.get(object.mac);
  if (known !== undefined) return known === '';
  const hasher = macHasher(store.keys?.mac);
  let failed = false;
  for (const chunk of object.chunks) {
    ctx.cancellation.check();
    const status = cache.chunks.get(chunk.mac);
    if (status !== undefined && (status !== '' || fast)) {
      if (status !== '') failed = true;
      continue;
    }
    if (fast) {
      const ok = store.hasBlob(chunk.mac);
      if (!ok) ctx.out.objectError(snap.id, chunk.mac, ERR_CHUNK_MISSING);
      cache.chunks.set(chunk.mac, ok ? '' : ERR_CHUNK_MISSING);
      failed ||= !ok;
      continue;
    }
    try {
      hasher.update(await store.getBlob(chunk.mac));
      cache.chunks.set(chunk.mac, '');
    } catch (error) {
      if (!(error instanceof BlobError)) throw error;
      const message = error.kind === 'missing' ? ERR_CHUNK_MISSING : ERR_CHUNK_CORRUPTED;
      ctx.out.objectError(snap.id, chunk.mac, message);
      cache.chunks.set(chunk.mac, message);
      failed = true;
    }
  }
  if (!failed && !fast && hasher.digest() !== object.mac) failed = true;
  if (failed) ctx.out.objectError(snap.id, object.mac, ERR_OBJECT_CORRUPTED);
  cache.objects.set(object.mac, failed ? ERR_OBJECT_CORRUPTED : '');
  return !failed;
}

/** snapshot.Check: true when the snapshot (below `pathname`) is intact. */
export async function checkSnapshot(ctx: AppContext, store: Store, snap: Snapshot, pathname: string, fast: boolean, cache: CheckCache): Promise<boolean> {
  const t0 = process.hrtime.bigint();
  const r0 = store.rbytes;
  const w0 = store.wbytes;
  const root = snap.header.vfs.root;
  const known = cache.vfs.get(root);
  if (known !== undefined) {
    ctx.out.result(snap.id, 'check', 0, process.hrtime.bigint() - t0, r0, w0);
    if (known !== '') throw new Error(known);
    return true;
  }
  let errors = 0;
  let failed = false;
  let vfs;
  try {
    vfs = await snap.vfs();
  } catch (error) {
    if (!(error instanceof BlobError)) throw error;
    // As plakar v1.1.4 prints it (fixtures/v1.1.4/check-damaged.json): the root, then its error.
    const directory = snap.header.importer.directory;
    ctx.out.pathOk(snap.id, directory);
    ctx.out.pathError(snap.id, directory, error.kind === 'missing' ? 'blob not found' : 'EOF');
    cache.vfs.set(root, 'root corrupted');
    ctx.out.result(snap.id, 'check', 1, process.hrtime.bigint() - t0, store.rbytes - r0, store.wbytes - w0);
    return false;
  }
  try {
    await vfs.walk(pathname, async (entry) => {
      ctx.cancellation.check();
      ctx.out.pathOk(snap.id, entry.path);
      if (isDirMode(entry.mode) || !isRegularMode(entry.mode)) return;
      if (!(await checkObject(ctx, store, snap, entry, fast, cache))) {
        errors += 1;
        failed = true;
      }
    });
  } catch (error) {
    ctx.out.result(snap.id, 'check', errors, process.hrtime.bigint() - t0, store.rbytes - r0, store.wbytes - w0);
    throw error;
  }
  cache.vfs.set(root, failed ? 'root corrupted' : '');
  ctx.out.result(snap.id, 'check', errors, process.hrtime.bigint() - t0, store.rbytes - r0, store.wbytes - w0);
  return !failed;
}

export class CheckCommand implements Command {
  private readonly locate = new LocateOptions();
  private fast = false;
  private snapshots: string[] = [];

  parse(ctx: AppContext, args: string[]): void {
    const flags = subcommandFlags('check', '[OPTIONS] [SNAPSHOT[:PATH]]...');
    flags.bool('no-verify', false, 'disable signature verification');
    const fast = flags.bool('fast', false, 'enable fast checking (no digest verification)');
    this.locate.installLocateFlags(flags);
    flags.parse(args);
    this.locate.bind();
    if (flags.nArg() !== 0 && !this.locate.empty()) ctx.out.warn('snapshot specified, filters will be ignored');
    this.fast = fast.value;
    this.snapshots = flags.args();
  }

  async execute(ctx: AppContext, target: CommandTarget): Promise<number> {
    const store = target.store;
    if (!store) throw new Error('no store');
    const selected: string[] = [];
    if (this.snapshots.length === 0) {
      for (const snap of await locateSnapshots(store, this.locate)) selected.push(`${snap.id}:`);
    } else {
      for (const arg of this.snapshots) {
        const [prefix, pathname] = parseSnapshotPath(arg);
        if (prefix !== '' && (prefix.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(prefix))) {
          throw new CommandError(`invalid snapshot prefix: ${prefix}`);
        }
        this.locate.filters.ids = [prefix];
        for (const snap of await locateSnapshots(store, this.locate)) selected.push(`${snap.id}:${pathname}`);
      }
    }
    const cache = new CheckCache();
    let failures = 0;
    for (const arg of selected) {
      const { snap, pathname } = await openSnapshotByPath(store, arg);
      let ok: boolean;
      try {
        ok = await checkSnapshot(ctx, store, snap, pathname, this.fast, cache);
      } catch (error) {
        if (error instanceof CommandError) throw error;
        ok = false;
      }
      if (!ok) failures += 1;
    }
    if (failures !== 0) {
      throw new CommandError(`check failed for ${failures} ${failures === 1 ? 'snapshot' : 'snapshots'}`, EXIT.integrityFailure);
    }
    return 0;
  }
}
