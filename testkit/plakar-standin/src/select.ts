/**
 * Snapshot selection, as kloset `locate` does it: selector flags, newest-first ordering, `-latest`,
 * hex-prefix matching (case-sensitive, on the lowercase hex), and the SNAPSHOT[:PATH] syntax.
 */
import path from 'node:path';
import type { FlagSet } from './goflag';
import { cleanPath, Snapshot } from './snapshot';
import type { Store } from './store';
import { parseTimeFlag } from './timeflag';

export interface LocateFilters {
  before?: bigint;
  since?: bigint;
  name: string;
  category: string;
  environment: string;
  perimeter: string;
  job: string;
  dataset: string;
  tags: string[];
  ignoreTags: string[];
  latest: boolean;
  ids: string[];
  types: string[];
  origins: string[];
  roots: string[];
  dataClasses: string[];
}

/** The snapshot header fields that a locate filter must match exactly. */
export type HeaderFilters = Pick<LocateFilters, 'name' | 'category' | 'environment' | 'perimeter' | 'job'>;

/** Defines -name, -category, -environment, -perimeter and -job; what it returns reads their values after parsing. */
export function headerFilterFlags(flags: FlagSet): () => HeaderFilters {
  const keys = ['name', 'category', 'environment', 'perimeter', 'job'] as const;
  const boxes = keys.map((key) => [key, flags.string(key, '', `filter by ${key}`)] as const);
  return () => Object.fromEntries(boxes.map(([key, box]) => [key, box.value])) as HeaderFilters;
}

export class LocateOptions {
  filters: LocateFilters = {
    name: '',
    category: '',
    environment: '',
    perimeter: '',
    job: '',
    dataset: '',
    tags: [],
    ignoreTags: [],
    latest: false,
    ids: [],
    types: [],
    origins: [],
    roots: [],
    dataClasses: [],
  };
  groupBy = '';
  /** Retention flags (-days, -per-day, …): accepted by the grammar, not implemented. */
  retention: string[] = [];

  private installGeneric(flags: FlagSet): void {
    const f = this.filters;
    const list = (target: string[]) => (value: string) => {
      for (const item of value.split(',')) if (item.trim() !== '') target.push(item.trim());
    };
    flags.func('before', 'filter by date', (v) => (f.before = parseTimeFlag(v)));
    flags.func('since', 'filter by date', (v) => (f.since = parseTimeFlag(v)));
    const headers = headerFilterFlags(flags);
    const dataset = flags.string('dataset', '', 'filter by dataset');
    const latest = flags.bool('latest', false, 'consider only the latest matching item');
    this.bind = () => {
      Object.assign(f, headers());
      f.dataset = dataset.value;
      f.latest = latest.value;
    };
    flags.func('data-class', 'filter by data class (repeat or comma-separated).', list(f.dataClasses));
    flags.func('root', 'filter by root (repeat).', list(f.roots));
    flags.func('origin', 'filter by backup origin (repeat or comma-separated).', list(f.origins));
    flags.func('type', 'filter by backup type (repeat or comma-separated). Type is fs, s3, ...', list(f.types));
    flags.func(
      'group-by',
      'group results by key: name, category, environment, perimeter, job, dataset, data-class, tag, origin, type, root.',
      (v) => {
        const key = v.trim();
        const keys = ['', 'name', 'category', 'environment', 'perimeter', 'job', 'dataset', 'data-class', 'tag', 'origin', 'type', 'root'];
        if (!keys.includes(key)) throw new Error(`invalid -group-by value ${JSON.stringify(v)}`);
        this.groupBy = key;
      },
    );
    flags.func('tag', 'filter by tag (repeat or comma-separated). All specified tags must be present.', (v) => {
      for (const raw of v.split(',')) {
        const t = raw.trim();
        if (t === '') continue;
        if (t.startsWith('!')) f.ignoreTags.push(t.slice(1));
        else f.tags.push(t);
      }
    });
  }

  /** Copies the plain flag values into `filters`; call after FlagSet.parse. */
  bind: () => void = () => undefined;

  installLocateFlags(flags: FlagSet): void {
    this.installGeneric(flags);
    const periods = ['minute', 'hour', 'day', 'week', 'month', 'year'];
    const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    const track = (flag: string) => (value: string) => {
      if (Number(value) !== 0) this.retention.push(flag);
    };
    for (const p of periods) {
      flags.func(`${p}s`, `keep snapshots for the last N ${p}s`, track(`${p}s`), '0');
      flags.func(`per-${p}`, `cap the number of kept snapshots per ${p}`, track(`per-${p}`), '0');
    }
    for (const d of days) {
      const cap = d[0]?.toUpperCase() + d.slice(1);
      flags.func(`${d}s`, `keep snapshots for the last N ${cap}s`, track(`${d}s`), '0');
      flags.func(`per-${d}`, `cap the number of kept snapshots per ${cap} bucket`, track(`per-${d}`), '0');
    }
  }

  installDeletionFlags(flags: FlagSet): void {
    this.installGeneric(flags);
  }

  /** locate.LocateOptions.Empty */
  empty(): boolean {
    const f = this.filters;
    return (
      this.retention.length === 0 &&
      f.name === '' &&
      f.category === '' &&
      f.environment === '' &&
      f.perimeter === '' &&
      f.job === '' &&
      f.dataset === '' &&
      f.tags.length === 0 &&
      f.ids.length === 0 &&
      f.roots.length === 0 &&
      f.dataClasses.length === 0 &&
      f.before === undefined &&
      f.since === undefined &&
      !f.latest &&
      this.groupBy === ''
    );
  }

  matches(snap: Snapshot): boolean {
    const f = this.filters;
    const h = snap.header;
    if (f.ids.length > 0 && !f.ids.some((id) => h.identifier.startsWith(id))) return false;
    const ts = snap.timestampNs;
    if (f.before !== undefined && ts > f.before) return false;
    if (f.since !== undefined && ts < f.since) return false;
    if (f.name !== '' && h.name !== f.name) return false;
    if (f.category !== '' && h.category !== f.category) return false;
    if (f.environment !== '' && h.environment !== f.environment) return false;
    if (f.perimeter !== '' && h.perimeter !== f.perimeter) return false;
    if (f.job !== '' && h.job !== f.job) return false;
    if (f.dataset !== '') return false;
    if (f.dataClasses.length > 0) return false;
    const hasTag = (tag: string): boolean => tag === '' || h.tags.includes(tag);
    if (f.ignoreTags.some(hasTag)) return false;
    if (!f.tags.every(hasTag)) return false;
    if (f.types.length > 0 && !f.types.includes(h.importer.type)) return false;
    if (f.origins.length > 0 && !f.origins.includes(h.importer.origin)) return false;
    if (!f.roots.every((root) => root === '' || h.importer.directory === root)) return false;
    return true;
  }
}

export class UnsupportedSelection extends Error {}

/** All snapshots, newest first (Go sorts by timestamp; ties broken by ID here). */
export async function loadAllSnapshots(store: Store): Promise<Snapshot[]> {
  const snaps: Snapshot[] = [];
  for (const id of await store.listSnapshotIds()) {
    try {
      snaps.push(await Snapshot.load(store, id));
    } catch {
      // an unreadable header is skipped, as kloset's buildPolicyItems does
    }
  }
  return sortNewestFirst(snaps);
}

export function sortNewestFirst(snaps: Snapshot[]): Snapshot[] {
  return snaps.sort((a, b) => {
    const d = b.timestampNs - a.timestampNs;
    return d > 0n ? 1 : d < 0n ? -1 : a.id < b.id ? -1 : 1;
  });
}

/** locate.LocateSnapshotIDs: filter, sort newest first, keep one with -latest. */
export async function locateSnapshots(store: Store, opts: LocateOptions): Promise<Snapshot[]> {
  if (opts.retention.length > 0) {
    throw new UnsupportedSelection(`retention flags (-${opts.retention.join(', -')}) are not implemented by the plakar stand-in`);
  }
  if (opts.groupBy !== '') throw new UnsupportedSelection('-group-by is not implemented by the plakar stand-in');
  const out = (await loadAllSnapshots(store)).filter((s) => opts.matches(s));
  return opts.filters.latest ? out.slice(0, 1) : out;
}

/** locate.ParseSnapshotPath: an argument starting with `/` is an empty prefix + that path. */
export function parseSnapshotPath(arg: string): [prefix: string, pathname: string] {
  if (arg.startsWith('/')) return ['', arg];
  const index = arg.indexOf(':');
  return index === -1 ? [arg, ''] : [arg.slice(0, index), arg.slice(index + 1)];
}

export async function lookupSnapshotsByPrefix(store: Store, prefix: string): Promise<string[]> {
  return (await store.listSnapshotIds()).filter((id) => id.startsWith(prefix));
}

export async function locateSnapshotByPrefix(store: Store, prefix: string): Promise<string> {
  const ids = await lookupSnapshotsByPrefix(store, prefix);
  if (ids.length === 0) throw new Error(`no snapshot has prefix: ${prefix}`);
  if (ids.length > 1) throw new Error(`snapshot ID is ambiguous: ${prefix} (matches ${ids.length} snapshots)`);
  return ids[0] ?? '';
}

/** locate.OpenSnapshotByPath: the snapshot and the absolute, cleaned path inside it. */
export async function openSnapshotByPath(store: Store, arg: string): Promise<{ snap: Snapshot; pathname: string; relative: string }> {
  const [prefix, pathname] = parseSnapshotPath(arg);
  const snap = await Snapshot.load(store, await locateSnapshotByPrefix(store, prefix));
  if (pathname.startsWith('/')) return { snap, pathname: cleanPath(pathname), relative: '' };
  return { snap, pathname: cleanPath(path.posix.join(snap.directory, pathname)), relative: pathname === '' ? '.' : pathname };
}
