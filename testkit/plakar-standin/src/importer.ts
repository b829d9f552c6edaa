/**
 * The fs importer (PlakarKorp/integrations fs/importer): the parent directories of the source are
 * recorded first (from its parent up to `/`), then the source is walked like Go's
 * filepath.WalkDir (lexical order, lstat, no symlink following). Errors become error records that
 * the backup turns into `KO` lines.
 */
import type { BigIntStats } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { pathErrorText } from './errors';
import type { IgnoreRules } from './ignore';
import { compareNames } from './snapshot';

export interface FsImporter {
  /** Cleaned absolute path given on the command line (the snapshot's Directory). */
  rootDir: string;
  /** rootDir with one level of symlink resolved (realpathFollow). */
  realpath: string;
  /** -o dont_traverse_fs=true */
  noCrossFs: boolean;
  rootDev: bigint;
}

export interface ImportRecord {
  path: string;
  /** Go-formatted error text for an error record. */
  err?: string;
  stats?: BigIntStats;
  /** A synthesized directory record (parent that could not be lstat'ed). */
  synthetic?: boolean;
  target?: string;
}

export class ImporterError extends Error {}

/** NewFSImporter + realpathFollow: fails with `lstat <p>: no such file or directory`. */
export async function newFsImporter(rootDir: string, noCrossFs: boolean): Promise<FsImporter> {
  const clean = path.resolve(rootDir);
  let stats: BigIntStats;
  try {
    stats = await lstat(clean, { bigint: true });
  } catch (error) {
    throw new ImporterError(pathErrorText('lstat', clean, error));
  }
  let realpath = clean;
  if (stats.isSymbolicLink()) {
    let target: string;
    try {
      target = await readlink(clean);
    } catch (error) {
      throw new ImporterError(pathErrorText('readlink', clean, error));
    }
    realpath = path.isAbsolute(target) ? target : path.join(path.dirname(clean), target);
  }
  return { rootDir: clean, realpath, noCrossFs, rootDev: stats.isDirectory() ? stats.dev : 0n };
}

async function* prefixDirectories(start: string): AsyncGenerator<ImportRecord> {
  let root = start;
  for (;;) {
    try {
      yield { path: root, stats: await lstat(root, { bigint: true }) };
    } catch (error) {
      yield { path: root, err: pathErrorText('lstat', root, error) };
      yield { path: root, synthetic: true };
    }
    const next = path.dirname(root);
    if (next === root) break;
    root = next;
  }
}

export async function* importRecords(imp: FsImporter, excludes: IgnoreRules, check: () => void): AsyncGenerator<ImportRecord> {
  yield* prefixDirectories(path.dirname(imp.realpath));
  if (imp.realpath !== imp.rootDir) yield* prefixDirectories(imp.rootDir);

  async function* visit(p: string, known?: BigIntStats): AsyncGenerator<ImportRecord> {
    check();
    let stats = known;
    if (!stats) {
      try {
        stats = await lstat(p, { bigint: true });
      } catch (error) {
        yield { path: p, err: pathErrorText('lstat', p, error) };
        return;
      }
    }
    const isDir = stats.isDirectory();
    if (p !== '/' && excludes.isExcluded(p, isDir)) return;
    if (isDir && imp.noCrossFs && stats.dev !== imp.rootDev) return;
    if (stats.isSymbolicLink()) {
      try {
        yield { path: p, stats, target: await readlink(p) };
      } catch (error) {
        yield { path: p, err: pathErrorText('readlink', p, error) };
      }
      return;
    }
    yield { path: p, stats };
    if (!isDir) return;
    let names: string[];
    try {
      names = await readdir(p);
    } catch (error) {
      yield { path: p, err: pathErrorText('open', p, error) };
      return;
    }
    names.sort(compareNames);
    for (const name of names) yield* visit(path.join(p, name));
  }

  let rootStats: BigIntStats;
  try {
    rootStats = await lstat(imp.realpath, { bigint: true });
  } catch (error) {
    yield { path: imp.realpath, err: pathErrorText('lstat', imp.realpath, error) };
    return;
  }
  yield* visit(imp.realpath, rootStats);
}
