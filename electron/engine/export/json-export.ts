// The raw JSON copy: the selected part of the snapshot as a tree the reader (and restore) accept.
import type { SnapshotReader } from '../snapshot/reader';
import { stableStringify } from '../snapshot/normalise';
import type { IndexEntry } from '../snapshot/format';
import type { ExportOutput } from './export-output';
import { joinPath } from './layout';

export interface JsonExportCounts {
  pages: number;
  databases: number;
  files: number;
}

interface JsonExportOptions {
  reader: SnapshotReader;
  output: ExportOutput;
  /** The exported entries; `null` for the whole snapshot, copied as it is. */
  entries: readonly IndexEntry[] | null;
  signal?: AbortSignal;
  onObject: () => void;
}

/** Copies a snapshot directory and everything below it, one file at a time. */
async function copyTree(options: JsonExportOptions, from: string, to: string, counts: JsonExportCounts): Promise<void> {
  const items = [...(await options.reader.source.listDirectory(from))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const item of items) {
    options.signal?.throwIfAborted();
    if (item.isDirectory) {
      await copyTree(options, joinPath(from, item.name), joinPath(to, item.name), counts);
      continue;
    }
    // The copy is a snapshot others will read: a files.json the reader would refuse is not copied.
    if (item.name === 'files.json') await options.reader.files(from);
    const bytes = await options.reader.source.readBytes(joinPath(from, item.name));
    if (!bytes) continue;
    await options.output.write(joinPath(to, item.name), bytes);
    if (item.name === 'page.json') counts.pages += 1;
    else if (item.name === 'database.json') counts.databases += 1;
    else if (!item.name.endsWith('.json')) counts.files += 1;
    if (item.name === 'page.json' || item.name === 'database.json') options.onObject();
  }
}

async function copyRootFile(options: JsonExportOptions, name: string): Promise<void> {
  const bytes = await options.reader.source.readBytes(name);
  if (bytes) await options.output.write(name, bytes);
}

/**
 * Whole snapshot: its root files and every top-level directory, unchanged. A selection: each
 * selected object that is not inside another selected one becomes top-level (`/<id>/…`), with
 * content.json and index.json rewritten to list exactly what was copied; manifest.json and users.json
 * are copied unchanged.
 */
export async function exportJson(options: JsonExportOptions): Promise<JsonExportCounts> {
  const counts: JsonExportCounts = { pages: 0, databases: 0, files: 0 };
  const { reader, output } = options;
  if (options.entries === null) {
    for (const name of ['content.json', 'manifest.json', 'index.json', 'users.json']) await copyRootFile(options, name);
    for (const root of [...reader.content].sort((a, b) => (a.id < b.id ? -1 : 1))) await copyTree(options, root.id, root.id, counts);
    return counts;
  }

  const selected = new Map(options.entries.map((entry) => [entry.id, entry]));
  const roots = options.entries.filter((entry) => entry.parentId === null || !selected.has(entry.parentId));
  const rootOf = (entry: IndexEntry) => roots.find((root) => entry.path === root.path || entry.path.startsWith(`${root.path}/`));
  const index = options.entries
    .map((entry) => {
      const root = rootOf(entry);
      if (!root) return entry;
      const isRoot = root.id === entry.id;
      return { ...entry, path: root.id + entry.path.slice(root.path.length), parentId: isRoot ? null : entry.parentId };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const content = roots.map((root) => ({ id: root.id, object: root.object, parent: { page_id: '/' } })).sort((a, b) => (a.id < b.id ? -1 : 1));

  await output.write('content.json', stableStringify(content));
  await copyRootFile(options, 'manifest.json');
  if (!reader.isOfficialConnector) await output.write('index.json', stableStringify(index));
  await copyRootFile(options, 'users.json');
  for (const root of [...roots].sort((a, b) => (a.id < b.id ? -1 : 1))) await copyTree(options, root.path, root.id, counts);
  return counts;
}
