import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat, ExportResult } from '../export';
import { exportSnapshot, ExportTargetNotEmptyError } from '../export';
import type { PlakarStore } from '../plakar/store';
import { openSnapshotForJob } from './open-snapshot';
import { createStaging } from './staging';
import { removeTree } from '../fs/remove-tree';

export interface ExportJobOptions {
  store: PlakarStore;
  snapshotId: string;
  targetDir: string;
  format: ExportFormat;
  selection?: string[];
  merge?: boolean;
  workDir: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Writes a snapshot (or part of it) into a folder as Markdown, HTML or the raw JSON tree. */
export async function runExportJob(options: ExportJobOptions): Promise<ExportResult> {
  // Refuse a non-empty folder before reading anything from the store.
  const existing = await readdir(options.targetDir).catch(() => []);
  if (existing.length > 0 && !options.merge) {
    // The error builds its own message from the folder; each caller adds how to allow merging.
    throw new ExportTargetNotEmptyError(path.resolve(options.targetDir));
  }
  const staging = await createStaging(options.workDir, 'export');
  try {
    const reader = await openSnapshotForJob(options.store, options.snapshotId, path.join(staging, 'snapshot'), options.selection, options.signal);
    return await exportSnapshot({
      reader,
      targetDir: options.targetDir,
      format: options.format,
      selection: options.selection,
      merge: options.merge,
      signal: options.signal,
      onProgress: options.onProgress,
    });
  } finally {
    await removeTree(staging);
  }
}
