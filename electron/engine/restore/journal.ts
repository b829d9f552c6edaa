import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * What a restore has created so far, appended as JSON lines and flushed after every write, so an
 * interrupted or failed restore resumes where it stopped without creating anything twice.
 */
export type JournalEvent =
  /** An object (page, database, data source, row, synced original, comment) was created. */
  | { type: 'created'; kind: 'page' | 'database' | 'data-source' | 'row' | 'block' | 'comment'; oldId: string; newId: string; url?: string }
  /** Children of a container were created; newIds are known for first-level blocks ('' when not). */
  | { type: 'appended'; container: string; oldIds: string[]; newIds: string[] }
  /** A step that produces nothing to map (schema relations, relation values, …) is complete. */
  | { type: 'done'; step: string };

export class RestoreJournal {
  /** Old ids of everything created (a block created inside another request may have no known new id). */
  readonly created = new Set<string>();
  readonly newIds = new Map<string, string>();
  readonly urls = new Map<string, string>();
  readonly doneSteps = new Set<string>();
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    readonly resumed: boolean,
  ) {}

  /** Opens (or starts) the journal of one restore: same snapshot, target and selection → same file. */
  static async open(dir: string, identity: { snapshotId: string; target: string; selection: string[] }): Promise<RestoreJournal> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const key = createHash('sha256')
      .update(`${identity.snapshotId}|${identity.target}|${[...identity.selection].sort().join(',')}`)
      .digest('hex')
      .slice(0, 24);
    const file = path.join(dir, `restore-${key}.jsonl`);
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch {
      // a new restore
    }
    const journal = new RestoreJournal(file, text.trim().length > 0);
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        journal.apply(JSON.parse(line) as JournalEvent);
      } catch {
        break; // a line cut by a crash: everything before it is still valid
      }
    }
    return journal;
  }

  private apply(event: JournalEvent): void {
    if (event.type === 'created') {
      this.created.add(event.oldId);
      this.newIds.set(event.oldId, event.newId);
      if (event.url) this.urls.set(event.oldId, event.url);
    } else if (event.type === 'appended') {
      event.oldIds.forEach((oldId, index) => {
        this.created.add(oldId);
        const newId = event.newIds[index];
        if (newId) this.newIds.set(oldId, newId);
      });
    } else {
      this.doneSteps.add(event.step);
    }
  }

  /** Applies the event in memory and appends it durably before returning. */
  async record(event: JournalEvent): Promise<void> {
    this.apply(event);
    const write = this.writes.then(async () => {
      const handle = await open(this.file, 'a', 0o600);
      try {
        await handle.appendFile(`${JSON.stringify(event)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    this.writes = write.catch(() => undefined);
    await write;
  }

  /** A finished restore needs no journal. */
  async discard(): Promise<void> {
    await this.writes;
    await rm(this.file, { force: true });
  }
}
