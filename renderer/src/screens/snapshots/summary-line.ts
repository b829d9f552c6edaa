import { strings } from '../../strings';

/** What a snapshot's manifest says, as the Snapshots screen reads it. */
export interface ManifestSummary {
  mode: 'full' | 'incremental';
  startedAt: string;
  notionApiVersion?: string | undefined;
  counts: Record<string, number>;
  unreachable: number;
  unsupportedBlocks: number;
  failedFiles: number;
  warnings: string[];
}

const s = strings.snapshots;

/** What could not be backed up, one sentence each: the manifest's counts first, then its warnings. */
export function summaryProblems(summary: ManifestSummary): string[] {
  return [
    summary.unreachable > 0 ? s.unreachable(summary.unreachable) : null,
    summary.unsupportedBlocks > 0 ? s.unsupportedBlocks(summary.unsupportedBlocks) : null,
    summary.failedFiles > 0 ? s.failedFiles(summary.failedFiles) : null,
    ...summary.warnings,
  ].filter((line): line is string => line !== null);
}

/**
 * The snapshot in one line: "152 pages · 3 databases · 40 database rows · 1.2 MB of files · 3 warnings".
 * The manifest counts a database's rows apart from pages, so they are named apart too.
 */
export function summaryLine(summary: ManifestSummary): string {
  const { counts } = summary;
  const line = s.line;
  const parts = [line.pages(counts.pages ?? 0)];
  if (counts.databases) parts.push(line.databases(counts.databases));
  if (counts.rows) parts.push(line.rows(counts.rows));
  if (counts.files) parts.push(line.files(strings.format.bytes(counts.fileBytes ?? 0), counts.files));
  const problems = summaryProblems(summary).length;
  if (problems > 0) parts.push(line.warnings(problems));
  return parts.join(' · ');
}
