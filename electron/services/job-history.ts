import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobFinishedEvent } from '../../shared/ipc/app-schemas';

export interface JobRecord {
  jobId: string;
  kind: JobFinishedEvent['kind'];
  startedAt: string;
  finishedAt: string;
  outcome: JobFinishedEvent['outcome'];
  /** What happened, line by line (phases, warnings, the result); never a secret. */
  log: string[];
}

const KEEP = 200;

/** Past jobs with their logs, one JSON line each in the data dir, kept across restarts. */
export class JobHistory {
  private readonly file: string;
  private readonly logs = new Map<string, { startedAt: string; lines: string[] }>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'history.jsonl');
  }

  started(jobId: string): void {
    this.logs.set(jobId, { startedAt: new Date().toISOString(), lines: [] });
  }

  log(jobId: string, line: string): void {
    const entry = this.logs.get(jobId);
    if (!entry) return;
    const stamped = `${new Date().toISOString()} ${line}`;
    if (entry.lines.at(-1)?.slice(25) !== line) entry.lines.push(stamped);
  }

  async finished(event: JobFinishedEvent): Promise<void> {
    const entry = this.logs.get(event.jobId);
    this.logs.delete(event.jobId);
    const outcome = event.outcome;
    const lines = [...(entry?.lines ?? [])];
    lines.push(`${new Date().toISOString()} ${outcome.status}: ${'summary' in outcome ? outcome.summary : outcome.message}`);
    if (outcome.status === 'succeeded') for (const warning of outcome.warnings) lines.push(`warning: ${warning}`);
    const record: JobRecord = {
      jobId: event.jobId,
      kind: event.kind,
      startedAt: entry?.startedAt ?? new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      outcome,
      log: lines,
    };
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await appendFile(this.file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  }

  /** Newest first. */
  async list(limit = 50): Promise<JobRecord[]> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    const records: JobRecord[] = [];
    for (const line of text.split('\n').slice(-KEEP)) {
      try {
        if (line.trim()) records.push(JSON.parse(line) as JobRecord);
      } catch {
        // a line cut by a crash
      }
    }
    return records.reverse().slice(0, limit);
  }
}
