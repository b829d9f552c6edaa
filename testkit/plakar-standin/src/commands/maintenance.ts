/**
 * `maintenance` (plakar subcommands/maintenance): takes the EXCLUSIVE lock (so backups refuse to
 * start meanwhile), colours blobs no snapshot references, and deletes coloured blobs once the
 * grace period (PLAKAR_GRACEPERIOD, or control `gracePeriod`, default 7 days) has passed, unless a
 * snapshot references them again. The stand-in's blobs play the role of plakar's packfiles.
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context';
import { CommandError, isErrno, messageOf } from '../errors';
import { FlagSet } from '../goflag';
import { goDuration, nowNs, parseRfc3339, rfc3339NanoUtc } from '../gofmt';
import { takeExclusiveLock } from '../locks';
import { loadAllSnapshots } from '../select';
import { NIL_MAC } from '../snapshot';
import { writeAtomic, type Store } from '../store';
import { parseGoDuration } from '../timeflag';
import type { Command, CommandTarget } from './types';

const DEFAULT_GRACE_NS = 7 * 24 * 3600 * 1e9;

function humanGrace(ns: number): string {
  const day = 24 * 3600 * 1e9;
  if (ns / 3.6e12 <= 24) return goDuration(BigInt(Math.round(ns)));
  const days = Math.floor(ns / day);
  const left = ns - days * day;
  return `${days}d${left !== 0 ? goDuration(BigInt(Math.round(left))) : ''}`;
}

async function referencedBlobs(store: Store): Promise<Set<string>> {
  const used = new Set<string>();
  for (const snap of await loadAllSnapshots(store)) {
    used.add(snap.header.vfs.root);
    if (snap.header.vfs.errors !== NIL_MAC) used.add(snap.header.vfs.errors);
    for (const entry of (await snap.vfs()).entries()) for (const chunk of entry.object?.chunks ?? []) used.add(chunk.mac);
  }
  return used;
}

async function removeStaleTemps(store: Store): Promise<void> {
  const cutoff = Date.now() - 10 * 60 * 1000;
  for (const top of ['packfiles', 'states']) {
    let buckets: string[];
    try {
      buckets = await readdir(store.p(top));
    } catch {
      continue;
    }
    for (const bucket of buckets) {
      let names: string[];
      try {
        names = await readdir(store.p(top, bucket));
      } catch {
        continue;
      }
      for (const name of names) {
        if (!name.startsWith('.tmp-')) continue;
        const full = store.p(top, bucket, name);
        const info = await stat(full).catch(() => undefined);
        if (info && info.mtimeMs < cutoff) await rm(full, { force: true });
      }
    }
  }
}

export class MaintenanceCommand implements Command {
  parse(_ctx: AppContext, args: string[]): void {
    const flags = new FlagSet('maintenance', (t) => process.stderr.write(t));
    flags.usage = () => flags.output(`Usage: ${flags.name}\n`);
    flags.parse(args);
  }

  async execute(ctx: AppContext, target: CommandTarget): Promise<number> {
    const store = target.store;
    if (!store) throw new Error('no store');
    const graceText = ctx.control.gracePeriod ?? process.env.PLAKAR_GRACEPERIOD ?? '';
    const grace = parseGoDuration(graceText) ?? DEFAULT_GRACE_NS;
    let lock;
    try {
      lock = await takeExclusiveLock(store, ctx.hostname);
    } catch (error) {
      throw new CommandError(messageOf(error));
    }
    try {
      if (ctx.control.maintenanceHoldMs) await ctx.cancellation.sleep(ctx.control.maintenanceHoldMs);
      const colouredFile = store.p('states', 'coloured.json');
      let coloured: Record<string, string> = {};
      try {
        coloured = JSON.parse(await readFile(colouredFile, 'utf8')) as Record<string, string>;
      } catch (error) {
        if (!isErrno(error, 'ENOENT')) throw error;
      }
      const used = await referencedBlobs(store);
      const all = await store.listBlobs();
      let newlyColoured = 0;
      const now = nowNs();
      for (const mac of all) {
        if (used.has(mac) || coloured[mac] !== undefined) continue;
        coloured[mac] = rfc3339NanoUtc(now);
        newlyColoured += 1;
      }
      ctx.out.out(`maintenance: Coloured ${newlyColoured} packfiles (0 orphaned) for deletion`);
      if (newlyColoured > 0) ctx.out.out(`Coloured packfiles are scheduled to be removed in ${humanGrace(grace)}`);

      const cutoff = now - BigInt(Math.round(grace));
      let removed = 0;
      for (const [mac, when] of Object.entries(coloured)) {
        ctx.cancellation.check();
        const ts = parseRfc3339(when) ?? now;
        if (ts > cutoff) continue;
        if (used.has(mac)) {
          ctx.out.err(`maintenance: Concurrent backup used ${mac}, uncolouring the packfile.`);
        } else {
          await store.deleteBlob(mac);
          removed += 1;
        }
        delete coloured[mac];
      }
      ctx.out.out(`maintenance: 0 blobs and ${removed} packfiles were removed`);
      await writeAtomic(colouredFile, Buffer.from(JSON.stringify(coloured)), undefined, undefined, path.dirname(colouredFile));
      await removeStaleTemps(store);
    } finally {
      await lock.release();
    }
    return 0;
  }
}
