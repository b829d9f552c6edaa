import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobFinishedEvent } from '../../../shared/ipc/app-schemas';
import { JobRecordSchema } from '../../../shared/ipc/app-schemas';
import type { z } from 'zod';
import { redact, redactString } from '../../../shared/redact';
import type { BackupPhase } from '../../../shared/jobs';
import type { JobTrigger } from '../../../shared/schedule';
import type { AppEvents, Unsubscribe } from '../app-events';
import type { Clock } from '../clock';
import { systemClock } from '../clock';

/** A finished job as the history keeps it; its shape is the contract's (shared/ipc/app-schemas.ts). */
export type JobRecord = z.output<typeof JobRecordSchema>;

/** Records kept (the file is compacted to this many once it holds twice as many). */
const KEEP = 200;

/** A backup's phases as its log says them. */
const PHASES: Record<BackupPhase, string> = {
  connecting: 'Connecting to Notion',
  'checking-store': 'Opening the store',
  'restoring-previous': 'Reading the previous snapshot',
  crawling: 'Reading Notion',
  storing: 'Writing the snapshot',
  finished: 'Finished',
};

/** Past jobs with their logs, one JSON line each in the data dir, kept across restarts. */
export class JobHistory {
  private readonly file: string;
  private readonly running = new Map<string, { startedAt: string; trigger: JobTrigger; lines: string[] }>();
  private writes: Promise<unknown> = Promise.resolve();
  private readonly recordedListeners = new Set<(record: JobRecord) => void>();

  constructor(
    dataDir: string,
    private readonly clock: Clock = systemClock,
  ) {
    this.file = path.join(dataDir, 'history.jsonl');
  }

  /** Logs each backup phase from the job events, and records each job that finishes. */
  follow(events: AppEvents): Unsubscribe {
    const stopProgress = events.on('jobProgress', (event) => {
      if (event.kind === 'backup') this.log(event.jobId, PHASES[event.progress.phase]);
    });
    const stopFinished = events.on('jobFinished', (event) => {
      void this.finished(event).then((record) => {
        for (const listener of [...this.recordedListeners]) listener(record);
      });
    });
    return () => {
      stopProgress();
      stopFinished();
    };
  }

  /** Called with each record `follow` wrote, once it is on disk (the scheduler decides from it). */
  onRecorded(listener: (record: JobRecord) => void): Unsubscribe {
    const registration = (record: JobRecord) => listener(record);
    this.recordedListeners.add(registration);
    return () => void this.recordedListeners.delete(registration);
  }

  started(jobId: string, trigger: JobTrigger = 'manual'): void {
    this.running.set(jobId, { startedAt: this.clock.now().toISOString(), trigger, lines: [] });
  }

  log(jobId: string, line: string): void {
    const entry = this.running.get(jobId);
    if (!entry) return;
    line = redactString(line);
    const stamped = `${this.clock.now().toISOString()} ${line}`;
    if (entry.lines.at(-1)?.slice(25) !== line) entry.lines.push(stamped);
  }

  /** Writes the job's record; resolves once it is on disk (writes are serialised). */
  finished(event: JobFinishedEvent): Promise<JobRecord> {
    const entry = this.running.get(event.jobId);
    this.running.delete(event.jobId);
    const now = this.clock.now().toISOString();
    const outcome = event.outcome;
    const lines = [...(entry?.lines ?? [])];
    lines.push(`${now} ${outcome.status}: ${'summary' in outcome ? outcome.summary : outcome.message}`);
    if (outcome.status === 'succeeded') for (const warning of outcome.warnings) lines.push(`warning: ${warning}`);
    // Messages, warnings and details may quote what Notion or plakar said: redacted like the logs.
    const record: JobRecord = redact({
      jobId: event.jobId,
      kind: event.kind,
      trigger: entry?.trigger ?? 'manual',
      startedAt: entry?.startedAt ?? now,
      finishedAt: now,
      outcome,
      ...(event.subject ? { subject: event.subject } : {}),
      log: lines,
    });
    const write = this.writes.then(() => this.append(record));
    this.writes = write.catch(() => undefined);
    return write.then(() => record);
  }

  /** Newest first. */
  async list(limit = 50): Promise<JobRecord[]> {
    return (await this.readAll()).reverse().slice(0, limit);
  }

  private async append(record: JobRecord): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    // After a crash mid-write the file ends with a cut line: start on a new line, or this record is lost too.
    const cut = await readFile(this.file, 'utf8').then(
      (text) => text.length > 0 && !text.endsWith('\n'),
      () => false,
    );
    await appendFile(this.file, `${cut ? '\n' : ''}${JSON.stringify(record)}\n`, { mode: 0o600 });
    const all = await this.readAll(Number.POSITIVE_INFINITY);
    if (all.length >= KEEP * 2) {
      const temporary = `${this.file}.tmp`;
      await writeFile(temporary, all.slice(-KEEP).map((item) => `${JSON.stringify(item)}\n`).join(''), { mode: 0o600 });
      await rename(temporary, this.file);
    }
  }

  private async readAll(keep = KEEP): Promise<JobRecord[]> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    const records: JobRecord[] = [];
    for (const line of text.split('\n').slice(-keep - 1)) {
      if (!line.trim()) continue;
      try {
        // Older records have no trigger: the schema fills in "manual".
        const parsed = JobRecordSchema.safeParse(JSON.parse(line));
        if (parsed.success) records.push(parsed.data);
      } catch {
        // a line cut by a crash
      }
    }
    return records;
  }
}
