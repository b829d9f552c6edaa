// Export of a snapshot into a readable folder (Markdown or HTML) or a raw JSON copy.
// What the result looks like: docs/export-format.md.
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SnapshotReader } from '../snapshot/reader';
import type { IndexEntry } from '../snapshot/format';
import { exportDocuments } from './document-export';
import { ExportOutput } from './export-output';
import { exportJson } from './json-export';

export type ExportFormat = 'markdown' | 'html' | 'json';

export interface ExportOptions {
  reader: SnapshotReader;
  /** where to write; must be empty or not exist, unless merge is true */
  targetDir: string;
  format: ExportFormat;
  /** page/database ids to export (each with its subtree); empty or undefined = the whole snapshot */
  selection?: string[];
  /** write into a non-empty folder, overwriting same-named files (never deleting anything) */
  merge?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportResult {
  pages: number;
  databases: number;
  files: number;
  warnings: string[];
  targetDir: string;
}

export class ExportTargetNotEmptyError extends Error {
  constructor(readonly targetDir: string) {
    super(`The folder ${targetDir} already contains files; choose an empty folder or allow merging.`);
    this.name = 'ExportTargetNotEmptyError';
  }
}

/** Checks the target before anything is written, then creates it. */
async function prepareTarget(targetDir: string, merge: boolean): Promise<void> {
  const info = await stat(targetDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info && !info.isDirectory()) throw new Error(`${targetDir} is a file, not a folder: choose a folder to export into.`);
  if (info && !merge && (await readdir(targetDir)).length > 0) throw new ExportTargetNotEmptyError(targetDir);
  await mkdir(targetDir, { recursive: true });
}

/** Accepts ids with or without dashes, in any case. */
function normaliseId(id: string): string {
  const compact = id.trim().toLowerCase().replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(compact)) return id.trim();
  return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
}

/** The selected entries with everything below them, each once, in index order; null = everything. */
function selectEntries(reader: SnapshotReader, selection: string[] | undefined, warnings: string[]): IndexEntry[] | null {
  if (!selection || selection.length === 0) return null;
  const chosen = new Set<string>();
  for (const id of selection.map(normaliseId)) {
    const subtree = reader.subtree(id);
    if (subtree.length === 0) warnings.push(`${id} is not in this snapshot.`);
    for (const entry of subtree) chosen.add(entry.id);
  }
  if (chosen.size === 0) throw new Error('None of the selected pages or databases is in this snapshot.');
  return reader.index().filter((entry) => chosen.has(entry.id));
}

/**
 * Exports a snapshot (or the selected pages and databases with their subtrees) into `targetDir`:
 * Markdown or HTML documents in a folder tree by title, or the raw JSON files.
 */
export async function exportSnapshot(options: ExportOptions): Promise<ExportResult> {
  const { reader, format, signal } = options;
  const targetDir = path.resolve(options.targetDir);
  const warnings: string[] = [];
  signal?.throwIfAborted();
  const selected = selectEntries(reader, options.selection, warnings);
  await prepareTarget(targetDir, options.merge === true);
  const output = new ExportOutput(targetDir, signal);

  if (format === 'json') {
    const total = (selected ?? reader.index()).length;
    let done = 0;
    const counts = await exportJson({
      reader,
      output,
      entries: selected,
      signal,
      onObject: () => {
        done = Math.min(total, done + 1);
        options.onProgress?.(done, total);
      },
    });
    return { ...counts, warnings, targetDir };
  }

  const counts = await exportDocuments({
    reader,
    output,
    entries: selected ?? reader.index(),
    extension: format === 'html' ? 'html' : 'md',
    warnings,
    signal,
    onProgress: options.onProgress,
  });
  return { ...counts, files: output.copiedFiles, warnings, targetDir };
}
