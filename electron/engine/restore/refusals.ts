import { NotionCallError } from '../notion/retry';
import type { SnapshotReader } from '../snapshot/reader';
import type { IndexEntry } from '../snapshot/format';
import { findAppendedBlocks } from './append-check';
import type { AppendPosition, BlockObjectRequest } from './convert';
import type { RestoreRun } from './run';

/**
 * A Notion failure while restoring one object, naming that object (title and path in the snapshot) so
 * the user knows where the restore stopped. The cause is the NotionCallError.
 */
export class RestoreStepError extends Error {
  override readonly name = 'RestoreStepError';
  constructor(
    /** e.g. `the page "Roadmap" (Home / Plans / Roadmap)` */
    readonly what: string,
    override readonly cause: NotionCallError,
  ) {
    super(`While restoring ${what}: ${cause.message}`);
  }
}

/** Notion said this one request is invalid (HTTP 400): the object is set aside and the restore goes on. */
export function isRefusal(error: unknown): error is NotionCallError {
  return error instanceof NotionCallError && error.failure.status === 400;
}

/** Notion's own words for a refusal, for the report. */
export function refusalReason(error: NotionCallError): string {
  return error.cause instanceof Error && error.cause.message ? error.cause.message : error.message;
}

/** Runs one restore step; a Notion failure that stops the restore is told with the object it was on. */
export async function inStep<T>(what: () => string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof NotionCallError && !isRefusal(error)) throw new RestoreStepError(what(), error);
    throw error;
  }
}

/** `Home / Plans / Roadmap`: the titles from the snapshot's root down to the object. */
export function titlePath(reader: SnapshotReader, id: string): string {
  const titles: string[] = [];
  const seen = new Set<string>();
  for (let entry = reader.entry(id); entry && !seen.has(entry.id); entry = entry.parentId ? reader.entry(entry.parentId) : undefined) {
    seen.add(entry.id);
    titles.unshift(entry.title || 'Untitled');
  }
  return titles.join(' / ');
}

export function describeObject(reader: SnapshotReader, id: string, kind: 'page' | 'row' | 'database'): string {
  const entry = reader.entry(id);
  const noun = kind === 'row' ? 'database row' : kind;
  return entry ? `the ${noun} "${entry.title || 'Untitled'}" (${titlePath(reader, id)})` : `the ${noun} ${id}`;
}

/** The visible note that stands where Notion refused an object. */
export function refusedObjectNote(what: string, reason: string): BlockObjectRequest {
  const text = `Not restored: ${what}. Notion refused it: ${reason}`.slice(0, 1900);
  return {
    type: 'callout',
    callout: {
      rich_text: [{ type: 'text', text: { content: text } }],
      icon: { type: 'emoji', emoji: '⚠️' },
      color: 'gray_background',
    },
  };
}

const PART_NAMES: Record<string, string> = { icon: 'its icon', cover: 'its cover', properties: 'its property values except the title' };

/** Objects Notion refused: what can be dropped is dropped and reported; what cannot is set aside with a note. */
export class RefusedObjects {
  /** Notion's reason for each object it refused, for the report. */
  private readonly refusals = new Map<string, string>();

  constructor(private readonly run: RestoreRun) {}

  /**
   * Sends a create; when Notion refuses it (400), sends it again without the optional parts it may
   * object to (icon, cover, property values), reporting what was dropped. Undefined if even the bare
   * object is refused.
   */
  async retryWithout<T>(
    entry: IndexEntry,
    body: Record<string, unknown>,
    create: (request: Record<string, unknown>) => Promise<T>,
    optionalKeys: string[],
    bare?: Record<string, unknown>,
    onStripped?: () => void,
  ): Promise<T | undefined> {
    try {
      return await create(body);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      this.refusals.set(entry.id, refusalReason(error));
      const stripped = { ...Object.fromEntries(Object.entries(body).filter(([key]) => !optionalKeys.includes(key))), ...bare };
      if (JSON.stringify(stripped) === JSON.stringify(body)) return undefined;
      try {
        const created = await create(stripped);
        onStripped?.();
        const dropped = optionalKeys.filter((key) => key in body && (!bare || !(key in bare) || JSON.stringify(body[key]) !== JSON.stringify(bare[key])));
        this.run.recordLoss({
          kind: 'object-refused',
          objectId: entry.id,
          detail: `Notion refused ${describeObject(this.run.reader, entry.id, entry.isRow ? 'row' : entry.object)} (${refusalReason(error)}); it was restored without ${dropped.map((key) => PART_NAMES[key] ?? key).join(' and ')}`,
        });
        return created;
      } catch (second) {
        if (!isRefusal(second)) throw second;
        return undefined;
      }
    }
  }

  /** Runs a write that nothing else depends on; if Notion refuses it, it is reported and skipped. */
  async orSkip<T>(what: () => string, write: () => Promise<T>, objectId: string): Promise<T | undefined> {
    try {
      return await write();
    } catch (error) {
      if (!isRefusal(error)) throw error;
      this.run.recordLoss({ kind: 'object-refused', objectId, detail: `Notion refused ${what()} (${refusalReason(error)}); it was left out` });
      return undefined;
    }
  }

  /** Reports an object Notion refused even bare (with what was inside it). */
  report(entry: IndexEntry, kind: 'page' | 'row' | 'database', after = ''): { what: string; reason: string } {
    const what = describeObject(this.run.reader, entry.id, kind);
    const reason = this.refusals.get(entry.id) ?? 'unknown reason';
    const inside = this.run.reader.subtree(entry.id).length - 1;
    this.run.recordLoss({
      kind: 'object-refused',
      objectId: entry.id,
      detail: `Notion refused ${what} (${reason})${inside > 0 ? `, so the ${inside} pages, rows and databases inside it were not restored either` : ''}${after}`,
    });
    return { what, reason };
  }

  /** A page or database Notion refuses even bare: a visible note stands where it would have been. */
  async setAside(entry: IndexEntry, kind: 'page' | 'database', parentNewId: string, position?: AppendPosition): Promise<void> {
    const { what, reason } = this.report(entry, kind, '; a note stands in its place');
    const step = `set-aside:${entry.id}`;
    if (this.run.journal.doneSteps.has(step)) return;
    const note = [refusedObjectNote(what, reason)];
    const landed = async (): Promise<string[] | undefined> =>
      findAppendedBlocks(await this.run.writer.listChildren(parentNewId), note, position, new Set(this.run.journal.newIds.values()));
    await inStep(
      () => what,
      () => this.run.create(`note:${entry.id}`, landed, () => this.run.writer.append(parentNewId, note, landed, position)),
    );
    await this.run.journal.record({ type: 'done', step });
  }
}
