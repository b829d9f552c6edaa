import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * What a restore has created so far, appended as JSON lines and flushed after every write, so an
 * interrupted or failed restore resumes where it stopped without creating anything twice.
 */
export type JournalEvent =
  /** An object (page, database, data source, row, synced original, comment, view) was created. */
  | { type: 'created'; kind: 'page' | 'database' | 'data-source' | 'row' | 'block' | 'comment' | 'view'; oldId: string; newId: string; url?: string }
  /** Children of a container were created; newIds are known for first-level blocks ('' when not). */
  | { type: 'appended'; container: string; oldIds: string[]; newIds: string[] }
  /** A step that produces nothing to map (schema relations, relation values, …) is complete. */
  | { type: 'done'; step: string }
  /**
   * A create is about to be sent. If the journal ends here the process died with the request in
   * flight or before its answer was recorded, so the next run checks whether it landed before sending it again.
   */
  | { type: 'sending'; key: string };

/** Whose restore a journal records: only the same workspace, snapshot, target and selection may resume it. */
export interface JournalIdentity {
  /** null when Notion does not say (a personal token): such journals resume one another. */
  workspaceId: string | null;
  /** For the messages only; not part of the identity. */
  workspaceName?: string | null | undefined;
  snapshotId: string;
  target: string;
  selection: string[];
}

/** The first line of every journal. */
interface JournalHeader {
  type: 'journal';
  version: 1;
  workspaceId: string | null;
  workspaceName: string | null;
  snapshotId: string;
  target: string;
  selection: string[];
}

export class RestoreJournal {
  /** Old ids of everything created (a block created inside another request may have no known new id). */
  readonly created = new Set<string>();
  readonly newIds = new Map<string, string>();
  readonly urls = new Map<string, string>();
  readonly doneSteps = new Set<string>();
  /** The create that was in flight when the previous run stopped, if its outcome was never recorded. */
  unfinished: string | undefined;
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly header: JournalHeader,
    readonly resumed: boolean,
    /** Why a journal found under this restore's name was not replayed (it was kept aside). */
    readonly warning: string | null,
    private headerWritten: boolean,
  ) {}

  /**
   * Opens (or starts) the journal of one restore. The file is named after the snapshot, target and
   * selection, not the workspace, so that a journal left by a restore into another workspace (whose
   * target page has the same id) is found and set aside, with a warning, instead of being replayed.
   */
  static async open(dir: string, identity: JournalIdentity): Promise<RestoreJournal> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const header = headerOf(identity);
    const key = createHash('sha256')
      .update(`${header.snapshotId}|${header.target}|${header.selection.join(',')}`)
      .digest('hex')
      .slice(0, 24);
    const file = path.join(dir, `restore-${key}.jsonl`);
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch {
      // a new restore
    }
    const lines = text.split('\n').filter((line) => line.trim());
    const [first, ...events] = lines;
    if (first === undefined) return new RestoreJournal(file, header, false, null, false);
    const refusal = whyNotReplayed(first, header);
    if (refusal) {
      const aside = path.join(dir, `restore-${key}.not-reused-${new Date().toISOString().replace(/[-:.]/g, '')}.jsonl`);
      await rename(file, aside);
      const warning = `${refusal}. Nothing it recorded was replayed; it was kept as ${path.basename(aside)}.`;
      return new RestoreJournal(file, header, false, warning, false);
    }
    const journal = new RestoreJournal(file, header, events.length > 0, null, true);
    for (const line of events) {
      try {
        journal.apply(JSON.parse(line) as JournalEvent, true);
      } catch {
        break; // a line cut by a crash: everything before it is still valid
      }
    }
    return journal;
  }

  private apply(event: JournalEvent, replaying = false): void {
    if (replaying) this.unfinished = event.type === 'sending' ? event.key : undefined;
    if (event.type === 'sending') return;
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
      const lines = `${this.headerWritten ? '' : `${JSON.stringify(this.header)}\n`}${JSON.stringify(event)}\n`;
      const handle = await open(this.file, 'a', 0o600);
      try {
        await handle.appendFile(lines);
        this.headerWritten = true;
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

function headerOf(identity: JournalIdentity): JournalHeader {
  return {
    type: 'journal',
    version: 1,
    workspaceId: identity.workspaceId,
    workspaceName: identity.workspaceName ?? null,
    snapshotId: identity.snapshotId,
    target: identity.target,
    selection: [...identity.selection].sort(),
  };
}

/** Why the journal whose first line this is may not be replayed by the restore `wanted`, if it may not. */
function whyNotReplayed(firstLine: string, wanted: JournalHeader): string | undefined {
  let found: Partial<JournalHeader> & { type?: unknown };
  try {
    found = JSON.parse(firstLine) as typeof found;
  } catch {
    return 'A journal from an interrupted restore was not reused because its first line is unreadable';
  }
  if (found.type !== 'journal') {
    return (
      'A journal from an interrupted restore of this snapshot to this page was not reused because it was written by an ' +
      `earlier version that did not record the workspace, so it cannot be shown to belong to ${workspace(wanted)}. ` +
      'If that restore went into this workspace, what it created is still under the target page'
    );
  }
  if (found.version !== 1) return 'A journal from an interrupted restore was not reused because it was written by a newer version';
  if ((found.workspaceId ?? null) !== wanted.workspaceId) {
    return `A journal from an interrupted restore into ${workspace(found)} was not reused because this restore goes into ${workspace(wanted)}`;
  }
  const sameRestore =
    found.snapshotId === wanted.snapshotId &&
    found.target === wanted.target &&
    JSON.stringify(found.selection) === JSON.stringify(wanted.selection);
  if (!sameRestore) return 'A journal from an interrupted restore was not reused because it belongs to another snapshot, target page or selection';
  return undefined;
}

function workspace(header: Partial<JournalHeader>): string {
  const id = header.workspaceId ?? 'of unknown id';
  return header.workspaceName ? `workspace ${header.workspaceName} (${id})` : `workspace ${id}`;
}
