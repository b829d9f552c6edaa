import { describeJobError } from '../engine/jobs/job-errors';
import { plakarSource } from '../engine/snapshot/plakar-source';
import { SnapshotReader } from '../engine/snapshot/reader';
import type { IndexEntry } from '../engine/snapshot/format';
import type { CliIo } from './cli-io';
import { CliError } from './cli-io';
import { resolveSnapshot } from './restore-commands';
import { openStore } from './store';

interface ListedEntry {
  id: string;
  object: 'page' | 'database';
  title: string;
  parentId: string | null;
  isRow: boolean;
  depth: number;
}

/** Parents before their children, siblings by title: the order of the tree. */
function treeOrder(entries: readonly IndexEntry[]): ListedEntry[] {
  const ids = new Set(entries.map((entry) => entry.id));
  const children = new Map<string | null, IndexEntry[]>();
  for (const entry of entries) {
    const parent = entry.parentId && ids.has(entry.parentId) ? entry.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), entry]);
  }
  const listed: ListedEntry[] = [];
  const visit = (parent: string | null, depth: number): void => {
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    for (const entry of siblings) {
      listed.push({ id: entry.id, object: entry.object, title: entry.title, parentId: entry.parentId, isRow: entry.isRow, depth });
      visit(entry.id, depth + 1);
    }
  };
  visit(null, 0);
  return listed;
}

/**
 * The pages and databases in a snapshot, with the ids `restore --page` and `export --page` take.
 * Reads only the snapshot's content.json, manifest and index from the store (plakar cat), not
 * its pages.
 */
export async function runLsCommand(io: CliIo, snapshot: string, options: { store: string; page?: string[]; json?: boolean }): Promise<void> {
  const store = openStore(io, options.store);
  const snapshotId = await resolveSnapshot(store, snapshot);
  let reader;
  try {
    reader = await SnapshotReader.open(plakarSource(store, snapshotId));
  } catch (error) {
    throw new CliError(describeJobError(error).message);
  }
  let entries: readonly IndexEntry[] = reader.index();
  if (options.page && options.page.length > 0) {
    const missing = options.page.filter((id) => !reader.entry(id));
    if (missing.length > 0) throw new CliError(`No page or database ${missing.join(', ')} in snapshot ${snapshotId.slice(0, 10)}.`);
    const seen = new Set<string>();
    entries = options.page.flatMap((id) => reader.subtree(id)).filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
  }
  const listed = treeOrder(entries);
  if (options.json) {
    io.stdout(`${JSON.stringify(listed)}\n`);
    return;
  }
  for (const entry of listed) {
    const kind = entry.object === 'database' ? 'database' : entry.isRow ? 'row' : 'page';
    io.stdout(`${entry.id}  ${kind.padEnd(8)}  ${'  '.repeat(entry.depth)}${entry.title || '(untitled)'}\n`);
  }
}
