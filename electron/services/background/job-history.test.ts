import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobFinishedEvent } from '../../../shared/ipc/app-schemas';
import { ManualClock } from '../../../testkit/manual-clock';
import { scratchDir } from '../../../testkit/support/crawl';
import type { JobRecord } from './job-history';
import { JobHistory } from './job-history';

let dir: string;
let clock: ManualClock;
let history: JobHistory;
beforeEach(async () => {
  dir = await scratchDir('history-');
  clock = new ManualClock(new Date('2026-11-24T08:00:00Z'));
  history = new JobHistory(dir, clock);
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const file = () => path.join(dir, 'history.jsonl');
const success = (jobId: string, warnings: string[] = []): JobFinishedEvent => ({
  jobId,
  kind: 'backup',
  outcome: { status: 'succeeded', snapshotId: null, summary: `${jobId} done`, warnings },
});

function line(index: number, extra: Partial<JobRecord> = {}): string {
  const record: JobRecord = {
    jobId: `old-${index}`,
    kind: 'backup',
    trigger: 'scheduled',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:05:00.000Z',
    outcome: { status: 'succeeded', snapshotId: null, summary: `old ${index}`, warnings: [] },
    log: [],
    ...extra,
  };
  return `${JSON.stringify(record)}\n`;
}

describe('JobHistory', () => {
  it('records a job with its trigger, times and log, and lists the newest first', async () => {
    history.started('j1', 'catch-up');
    history.log('j1', 'Connecting to Notion');
    history.log('j1', 'Connecting to Notion');
    clock.advance(60_000);
    history.log('j1', 'Reading Notion');
    clock.advance(60_000);
    const record = await history.finished(success('j1', ['a file could not be downloaded']));
    expect(record).toEqual({
      jobId: 'j1',
      kind: 'backup',
      trigger: 'catch-up',
      startedAt: '2026-11-24T08:00:00.000Z',
      finishedAt: '2026-11-24T08:02:00.000Z',
      outcome: success('j1', ['a file could not be downloaded']).outcome,
      log: [
        '2026-11-24T08:00:00.000Z Connecting to Notion',
        '2026-11-24T08:01:00.000Z Reading Notion',
        '2026-11-24T08:02:00.000Z succeeded: j1 done',
        'warning: a file could not be downloaded',
      ],
    });
    history.started('j2');
    await history.finished({ jobId: 'j2', kind: 'check', outcome: { status: 'failed', kind: 'integrity', message: 'damaged', retryable: false } });
    const listed = await history.list();
    expect(listed.map((item) => [item.jobId, item.trigger])).toEqual([
      ['j2', 'manual'],
      ['j1', 'catch-up'],
    ]);
    // A new instance (the app restarted) reads the same file.
    expect(await new JobHistory(dir, clock).list()).toEqual(listed);
  });

  it('serialises writes: records finished together are all kept, in order', async () => {
    for (const id of ['a', 'b', 'c']) history.started(id, 'manual');
    await Promise.all(['a', 'b', 'c'].map((id) => history.finished(success(id))));
    expect((await history.list()).map((item) => item.jobId)).toEqual(['c', 'b', 'a']);
  });

  it('reads records written before triggers existed as manual', async () => {
    const old = JSON.parse(line(1)) as Record<string, unknown>;
    delete old.trigger;
    await writeFile(file(), `${JSON.stringify(old)}\n`);
    expect(await history.list()).toMatchObject([{ jobId: 'old-1', trigger: 'manual' }]);
  });

  it('keeps what a restore worked on, and reads older restore records that have none', async () => {
    const subject = {
      snapshotId: 'a'.repeat(64),
      snapshotTime: '2026-11-20T02:00:00Z',
      target: { kind: 'notion' as const, pageId: '11111111-2222-3333-4444-555555555555', title: 'Home' },
      dryRun: true,
    };
    await writeFile(file(), line(1, { kind: 'restore' }));
    history.started('r1');
    await history.finished({ jobId: 'r1', kind: 'restore', subject, outcome: { status: 'failed', kind: 'notion-access', message: 'no', retryable: false } });
    const [newest, older] = await history.list();
    expect(newest).toMatchObject({ jobId: 'r1', kind: 'restore', subject });
    expect(older).toMatchObject({ jobId: 'old-1', kind: 'restore' });
    expect(older && 'subject' in older).toBe(false);
  });

  it('skips a line cut by a crash, and the next record is not lost with it', async () => {
    await writeFile(file(), `${line(1)}${line(2).slice(0, 40)}`);
    expect((await history.list()).map((item) => item.jobId)).toEqual(['old-1']);
    history.started('after-crash', 'scheduled');
    await history.finished(success('after-crash'));
    expect((await history.list()).map((item) => item.jobId)).toEqual(['after-crash', 'old-1']);
  });

  it('skips lines that are JSON but not a record', async () => {
    await writeFile(file(), `${line(1)}{"hello":"world"}\nnull\n${line(2)}`);
    expect((await history.list()).map((item) => item.jobId)).toEqual(['old-2', 'old-1']);
  });

  it('an unknown job (no start) is recorded as manual, started when it finished', async () => {
    const record = await history.finished(success('stranger'));
    expect(record).toMatchObject({ trigger: 'manual', startedAt: '2026-11-24T08:00:00.000Z', finishedAt: '2026-11-24T08:00:00.000Z' });
  });

  it('compacts the file to the newest 200 records once it holds 400', async () => {
    await writeFile(file(), Array.from({ length: 398 }, (_unused, index) => line(index)).join(''));
    history.started('new-398');
    await history.finished(success('new-398'));
    expect((await readFile(file(), 'utf8')).trimEnd().split('\n')).toHaveLength(399);

    history.started('new-399');
    await history.finished(success('new-399'));
    const lines = (await readFile(file(), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    expect((JSON.parse(lines[0] ?? '') as JobRecord).jobId).toBe('old-200');
    expect((JSON.parse(lines.at(-1) ?? '') as JobRecord).jobId).toBe('new-399');
    const listed = await history.list(200);
    expect(listed).toHaveLength(200);
    expect(listed[0]?.jobId).toBe('new-399');
    expect(listed[1]?.jobId).toBe('new-398');
    expect(await history.list()).toHaveLength(50);
  });

  it('a new record after a compaction is appended normally', async () => {
    await writeFile(file(), Array.from({ length: 399 }, (_unused, index) => line(index)).join(''));
    history.started('x');
    await history.finished(success('x'));
    await appendFile(file(), line(1000));
    history.started('y');
    await history.finished(success('y'));
    expect((await history.list(3)).map((item) => item.jobId)).toEqual(['y', 'old-1000', 'x']);
  });
});

describe('secrets never reach the history file', () => {
  it('redacts tokens in log lines, failure messages, details and warnings, at any depth', async () => {
    const token = 'ntn_7731029485K3jHgFdSaQwErTyUiOpLkJhGfDsA987654';
    history.started('job-s');
    history.log('job-s', `GET /v1/users/me with Authorization: Bearer ${token.slice(4)}`);
    await history.finished({
      jobId: 'job-s',
      kind: 'backup',
      outcome: { status: 'failed', kind: 'unexpected', message: `Notion refused ${token}`, retryable: false, detail: `NOTION_TOKEN=${token}` },
    } as JobFinishedEvent);
    await history.finished({ ...success('job-w', [`file https://x.example/?token=${token} could not be downloaded`]) });
    const text = await readFile(file(), 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(4));
    expect(text).toContain('[redacted]');
    expect((await history.list()).map((record) => record.jobId)).toEqual(['job-w', 'job-s']);
  });
});
