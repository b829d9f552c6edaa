import { createReadStream } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SnapshotSummaryFactsSchema } from '../../../shared/ipc/app-schemas';
import type { IndexEntry } from './format';
import { iconEmoji } from './format';
import type { JsonPath } from './json-array';
import { forEachPickedJsonValue } from './json-array';
import { commaSeparated, readJsonFile, replacePrivateFile } from './private-file';
import type { SnapshotReader } from './reader';

/**
 * The snapshot catalog: for each snapshot, what it holds (every page, row and database with its title
 * and last edit) and its manifest's summary, kept on this machine as one small JSON file per snapshot.
 * Snapshots never change, so an entry is written once: right after the backup that made it, or the
 * first time the snapshot is opened. Browsing, the timeline's "what changed", the versions of a page
 * and search across snapshots read it instead of the store.
 */

const CATALOG_VERSION = 1;

export const catalogEntrySchema = z.object({
  id: z.string(),
  object: z.enum(['page', 'database']),
  title: z.string(),
  emoji: z.string().nullable(),
  parentId: z.string().nullable(),
  isRow: z.boolean(),
  lastEditedTime: z.string().nullable(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** What tells whether an entry changed between two snapshots (snapshot-history.ts compares them). */
export type EntryVersion = Pick<CatalogEntry, 'id' | 'object' | 'title' | 'lastEditedTime'>;

const catalogRecordSchema = z.object({
  version: z.literal(CATALOG_VERSION),
  snapshotId: z.string(),
  entries: z.array(catalogEntrySchema),
  /** From the snapshot's manifest; null for snapshots made by plakar's own Notion connector. */
  summary: SnapshotSummaryFactsSchema.nullable(),
});
export type CatalogRecord = z.infer<typeof catalogRecordSchema>;

/** What the catalog keeps of an opened snapshot. */
export function catalogRecordOf(snapshotId: string, reader: SnapshotReader): CatalogRecord {
  return { version: CATALOG_VERSION, snapshotId, entries: reader.index().map(catalogEntryOf), summary: summaryOf(reader) };
}

function catalogEntryOf(entry: IndexEntry): CatalogEntry {
  return {
    id: entry.id,
    object: entry.object,
    title: entry.title,
    emoji: iconEmoji(entry.icon ?? undefined),
    parentId: entry.parentId,
    isRow: entry.isRow,
    lastEditedTime: entry.lastEditedTime,
  };
}

function summaryOf(reader: SnapshotReader): CatalogRecord['summary'] {
  const manifest = reader.manifest;
  return manifest
    ? {
        mode: manifest.mode,
        startedAt: manifest.startedAt,
        notionApiVersion: manifest.notionApiVersion,
        counts: manifest.counts,
        unreachable: manifest.unreachable.length,
        unsupportedBlocks: manifest.unsupportedBlocks.length,
        failedFiles: manifest.failedFiles.length,
        warnings: manifest.warnings,
      }
    : null;
}

/** A record's JSON a piece at a time, an entry each, in the order of `CatalogRecord`'s fields. */
function* recordJson(snapshotId: string, entries: Iterable<CatalogEntry>, summary: CatalogRecord['summary']): Generator<string> {
  yield `{"version":${CATALOG_VERSION},"snapshotId":${JSON.stringify(snapshotId)},"entries":[`;
  yield* commaSeparated(entries, (entry) => JSON.stringify(entry));
  yield `],"summary":${JSON.stringify(summary)}}`;
}

export class SnapshotCatalog {
  /** One read per snapshot at a time: a second caller waits for the first one's answer. */
  private readonly loading = new Map<string, Promise<CatalogRecord>>();

  constructor(readonly dir: string) {}

  /** `<data dir>/cache/catalog`: the app and the CLI share it. */
  static inDataDir(dataDir: string): SnapshotCatalog {
    return new SnapshotCatalog(path.join(dataDir, 'cache', 'catalog'));
  }

  private file(snapshotId: string): string {
    if (!/^[0-9a-f]{64}$/.test(snapshotId)) throw new Error(`Not a snapshot id: ${snapshotId}`);
    return path.join(this.dir, `${snapshotId}.json`);
  }

  /** The snapshot's record when this machine has it; a damaged or outdated file counts as absent. */
  async get(snapshotId: string): Promise<CatalogRecord | undefined> {
    const record = await readJsonFile(this.file(snapshotId), catalogRecordSchema);
    return record?.snapshotId === snapshotId ? record : undefined;
  }

  async put(record: CatalogRecord): Promise<void> {
    await replacePrivateFile(this.file(record.snapshotId), recordJson(record.snapshotId, record.entries, record.summary));
  }

  /**
   * Files a tree just stored as `snapshotId`, written from its reader an entry at a time: a backup does
   * not hold the record of 100,000 entries, nor its JSON, beside the tree's index.
   */
  async putTree(snapshotId: string, reader: SnapshotReader): Promise<void> {
    const entries = (function* () {
      for (const entry of reader.index()) yield catalogEntryOf(entry);
    })();
    await replacePrivateFile(this.file(snapshotId), recordJson(snapshotId, entries, summaryOf(reader)));
  }

  /**
   * What tells whether each entry of the snapshot changed since (snapshot-history.ts), read from its
   * record an entry at a time, else as `load` gets it. A backup compares with it: parsed whole (22 MB
   * of text at 100,000 entries, the objects, then zod's copy), the record set an incremental backup's
   * peak, 305 MB instead of 270 MB.
   */
  async versionsOf(snapshotId: string, open: () => Promise<SnapshotReader>): Promise<EntryVersion[]> {
    return (await readVersions(this.file(snapshotId), snapshotId)) ?? (await this.load(snapshotId, open)).entries.map(versionOf);
  }

  /** The snapshot's record, opening the snapshot (and recording it) only when this machine lacks it. */
  async load(snapshotId: string, open: () => Promise<SnapshotReader>): Promise<CatalogRecord> {
    this.file(snapshotId);
    const known = await this.get(snapshotId);
    if (known) return known;
    let pending = this.loading.get(snapshotId);
    if (!pending) {
      pending = (async () => {
        const record = catalogRecordOf(snapshotId, await open());
        await this.put(record);
        return record;
      })().finally(() => this.loading.delete(snapshotId));
      this.loading.set(snapshotId, pending);
    }
    return pending;
  }
}

function versionOf(entry: EntryVersion): EntryVersion {
  return { id: entry.id, object: entry.object, title: entry.title, lastEditedTime: entry.lastEditedTime };
}

/**
 * The versions of a record's entries, or undefined when the file is missing, damaged, outdated or of
 * another snapshot. Its values are read in the order `recordJson` writes them: the version, the
 * snapshot id, then the entries (the summary is not needed); a record written otherwise is read whole.
 */
async function readVersions(file: string, snapshotId: string): Promise<EntryVersion[] | undefined> {
  const picked = (path: JsonPath) => (path.length === 1 && (path[0] === 'version' || path[0] === 'snapshotId')) || (path.length === 2 && path[0] === 'entries');
  const versions: EntryVersion[] = [];
  let position = 0;
  try {
    await forEachPickedJsonValue(createReadStream(file), picked, (value) => {
      if (position === 0 && value !== CATALOG_VERSION) throw new Error('another version');
      if (position === 1 && value !== snapshotId) throw new Error('another snapshot');
      if (position >= 2) versions.push(versionOf(catalogEntrySchema.parse(value)));
      position += 1;
    });
  } catch {
    return undefined;
  }
  return position >= 2 ? versions : undefined;
}
