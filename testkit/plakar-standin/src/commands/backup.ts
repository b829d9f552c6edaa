/**
 * `backup [-tag a,b] [-name N] [-category C] [-environment E] [-perimeter P] [-job J] [-ignore PAT]…
 *  [-ignore-file F] [-check] [-dry-run] [-no-xattr] [-no-progress] [-packfiles memory|DIR]
 *  [-cache vfs|no] [-o k=v]… [-force-timestamp T] [SOURCE …]` (plakar subcommands/backup/backup.go).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SnapshotBuilder, StoreWriteError } from '../builder';
import { getSource } from '../config';
import type { AppContext } from '../context';
import { CommandError, messageOf, pathErrorText } from '../errors';
import { nowNs } from '../gofmt';
import { IgnoreRules } from '../ignore';
import { importRecords, ImporterError, newFsImporter, type FsImporter } from '../importer';
import { absolutize, BUILTIN_IMPORTERS, lookupLocation } from '../location';
import { takeSharedLock } from '../locks';
import { loadAllSnapshots } from '../select';
import { Snapshot, type Vfs } from '../snapshot';
import type { Store } from '../store';
import { parseTimeFlag } from '../timeflag';
import { CheckCache, checkSnapshot } from './check';
import type { Command, CommandTarget } from './types';
import { subcommandFlags } from './flags';

function commonRoot(paths: readonly string[]): string {
  const split = paths.map((p) => p.split('/').filter((part) => part !== ''));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split.slice(1)) {
    let i = 0;
    while (i < length && parts[i] === first[i]) i += 1;
    length = i;
  }
  return `/${first.slice(0, length).join('/')}`;
}

export class BackupCommand implements Command {
  private tags: string[] = [];
  private name = 'default';
  private category = '';
  private environment = '';
  private perimeter = '';
  private job = '';
  private excludes: string[] = [];
  private packfiles = '';
  private optCheck = false;
  private dryRun = false;
  private cache = 'vfs';
  private opts: Record<string, string> = {};
  private forcedTimestamp: bigint | undefined;
  private sources: string[] = [];

  parse(ctx: AppContext, args: string[]): void {
    const flags = subcommandFlags('backup', '[OPTIONS] path', '[OPTIONS] @LOCATION');
    let tagValue = '';
    flags.func('tag', 'comma-separated list of tags to apply to the snapshot', (v) => {
      if (tagValue !== '') throw new Error('tags should be specified only once, as a comma-separated list');
      tagValue = v;
    });
    const name = flags.string('name', 'default', 'backup name');
    const category = flags.string('category', '', 'backup category');
    const environment = flags.string('environment', '', 'backup environment');
    const perimeter = flags.string('perimeter', '', 'backup perimeter');
    const job = flags.string('job', '', 'backup job');
    const ignoreFile = flags.string('ignore-file', '', 'path to a file containing newline-separated gitignore patterns, treated as -ignore');
    const ignores: string[] = [];
    flags.func('ignore', 'gitignore pattern to exclude files, can be specified multiple times to add several exclusion patterns', (v) => {
      ignores.push(v);
    });
    const packfiles = flags.string('packfiles', '', 'memory or a path to a directory to store temporary packfiles');
    const check = flags.bool('check', false, 'check the snapshot after creating it');
    flags.func('o', 'specify extra importer options', (v) => {
      const index = v.indexOf('=');
      if (index === -1) this.opts[v] = 'true';
      else this.opts[v.slice(0, index)] = v.slice(index + 1);
    });
    const dryRun = flags.bool('dry-run', false, 'do not actually perform a backup');
    flags.bool('no-xattr', false, 'do not back up extended attributes');
    const cache = flags.string('cache', 'vfs', "path to store vfs cache, 'no' for uncached and 'vfs' for the default in memory cache");
    flags.bool('no-progress', false, 'do not display progress');
    flags.func('force-timestamp', 'force a timestamp', (v) => (this.forcedTimestamp = parseTimeFlag(v)));
    flags.parse(args);

    if (this.forcedTimestamp !== undefined && this.forcedTimestamp > nowNs()) throw new Error('forced timestamp cannot be in the future');
    if (ignoreFile.value !== '') {
      let text: string;
      try {
        text = readFileSync(ignoreFile.value, 'utf8');
      } catch (error) {
        throw new Error(`unable to open excludes file: ${pathErrorText('open', ignoreFile.value, error)}`);
      }
      for (const line of text.split('\n')) {
        const trimmed = line.replace(/\r$/, '');
        if (trimmed.startsWith('#') || trimmed.replace(/[ \t\r]/g, '') === '') continue;
        this.excludes.push(trimmed);
      }
    }
    this.excludes.push(...ignores);
    this.tags = tagValue === '' ? [] : tagValue.split(',');
    const envTags = process.env.PLAKAR_TAGS;
    if (this.tags.length === 0 && envTags) this.tags = envTags.split(',').map((t) => t.trim()).filter((t) => t !== '');
    this.name = name.value;
    this.category = category.value;
    this.environment = environment.value;
    this.perimeter = perimeter.value;
    this.job = job.value;
    this.packfiles = packfiles.value;
    this.optCheck = check.value;
    this.dryRun = dryRun.value;
    this.cache = cache.value;
    this.sources = flags.args();
    if (this.sources.length === 0) this.sources.push(`fs:${ctx.cwd}`);
  }

  private async importers(ctx: AppContext): Promise<FsImporter[]> {
    const importers: FsImporter[] = [];
    for (const source of this.sources) {
      const scanDir = source === '' ? `fs:${ctx.cwd}` : source;
      const opts = { ...this.opts };
      if (scanDir.startsWith('@')) {
        const remote = getSource(ctx.config, scanDir.slice(1));
        if (!remote) throw new CommandError(`could not resolve importer: ${scanDir}`);
        if (remote.location === undefined) throw new CommandError(`could not resolve importer location: ${scanDir}`);
        for (const [k, v] of Object.entries(remote)) if (!(k in opts)) opts[k] = v;
      }
      const location = opts.location ?? scanDir;
      const { proto, location: loc } = lookupLocation(location, 'fs');
      if (proto !== 'fs') {
        const reason = BUILTIN_IMPORTERS.has(proto) ? `the plakar stand-in only implements fs sources, not ${proto}` : 'unsupported importer protocol';
        throw new CommandError(`failed to create an importer for ${scanDir}: ${reason}`);
      }
      try {
        importers.push(await newFsImporter(absolutize(ctx.cwd, loc), ['1', 't', 'true', 'True', 'TRUE', 'T'].includes(opts.dont_traverse_fs ?? '')));
      } catch (error) {
        if (error instanceof ImporterError) throw new CommandError(`failed to create an importer for ${scanDir}: ${error.message}`);
        throw error;
      }
    }
    return importers;
  }

  private async parentVfs(store: Store, root: string, origin: string): Promise<Vfs | undefined> {
    if (this.cache !== 'vfs') return undefined;
    const parent = (await loadAllSnapshots(store)).find(
      (s) => s.header.importer.directory === root && s.header.importer.type === 'fs' && s.header.importer.origin === origin,
    );
    if (!parent) return undefined;
    try {
      return await parent.vfs();
    } catch (error) {
      process.stdout.write(`Failed to get parent VFS for snapshot ${parent.id}: ${messageOf(error)}\n`);
      return undefined;
    }
  }

  async execute(ctx: AppContext, target: CommandTarget): Promise<number> {
    const store = target.store;
    if (!store) throw new Error('no store');
    const importers = await this.importers(ctx);
    const root = commonRoot(importers.map((imp) => imp.rootDir));

    let tmpDir: string | undefined;
    if (this.packfiles !== 'memory') {
      const base = this.packfiles === '' ? os.tmpdir() : this.packfiles;
      const prefix = path.join(base, `plakar-backup-${store.config.repositoryId}-`);
      try {
        tmpDir = await mkdtemp(prefix);
      } catch (error) {
        throw new CommandError(pathErrorText('mkdirtemp', `${prefix}*`, error));
      }
    }
    const begin = process.hrtime.bigint();
    const timestamp = this.forcedTimestamp ?? nowNs();
    const id = randomBytes(32).toString('hex');
    try {
      if (ctx.control.diskFullAfterBytes !== undefined) store.diskBudget = { limit: ctx.control.diskFullAfterBytes, used: 0, errno: 'ENOSPC' };
      let lock;
      try {
        lock = await takeSharedLock(store, id, ctx.hostname);
      } catch (error) {
        // snapshot.Create fails: plakar logs it as an error, then returns it.
        const message = messageOf(error);
        ctx.out.error(message);
        throw new CommandError(message);
      }
      try {
        return await this.run(ctx, store, importers, root, id, timestamp, begin);
      } finally {
        await lock.release();
      }
    } finally {
      if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
    }
  }

  private async run(ctx: AppContext, store: Store, importers: FsImporter[], root: string, id: string, timestamp: bigint, begin: bigint): Promise<number> {
    const excludes = new IgnoreRules(this.excludes);
    const check = (): void => ctx.cancellation.check();
    if (this.dryRun) {
      let errors = false;
      for (const imp of importers) {
        for await (const record of importRecords(imp, excludes, check)) {
          const isDir = record.synthetic === true || record.stats?.isDirectory() === true;
          if (record.err === undefined && record.path !== '/' && excludes.isExcluded(record.path, isDir)) continue;
          if (record.err !== undefined) {
            errors = true;
            ctx.out.pathError(id, record.path, record.err);
          } else ctx.out.pathOk(id, record.path);
        }
      }
      if (errors) throw new CommandError('failed to scan some files');
      return 0;
    }

    const builder = new SnapshotBuilder(ctx, store, { id, excludes, parent: await this.parentVfs(store, root, ctx.hostname) });
    const seen = new Set<string>();
    try {
      for (const imp of importers) {
        for await (const record of importRecords(imp, excludes, check)) {
          if (record.err === undefined && seen.has(record.path)) continue;
          seen.add(record.path);
          await builder.process(record);
        }
      }
      const header = await builder.commit({
        timestamp,
        durationNs: () => process.hrtime.bigint() - begin,
        name: this.name,
        category: this.category,
        environment: this.environment,
        perimeter: this.perimeter,
        job: this.job,
        tags: this.tags,
        directory: root,
      });
      ctx.out.result(id, 'backup', header.summary.errors, BigInt(header.durationNs), store.rbytes, store.wbytes);
    } catch (error) {
      if (error instanceof StoreWriteError) {
        if (error.message.startsWith('failed to flush packer')) ctx.out.error(`Flusher group error: ${error.message}`);
        throw new CommandError(error.message);
      }
      throw error;
    }

    if (this.optCheck) {
      const snap = await Snapshot.load(store, id);
      let ok = false;
      let reason = 'root corrupted';
      try {
        ok = await checkSnapshot(ctx, store, snap, '/', false, new CheckCache());
      } catch (error) {
        reason = messageOf(error);
      }
      if (!ok) throw new CommandError(`failed to check snapshot: ${reason}`);
    }
    return 0;
  }
}
