import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseNotionObject } from './normalise';
import { SnapshotWriter } from './writer';

describe('SnapshotWriter.writeJsonArray', () => {
  it('writes the same bytes as writeJson, over several chunks', async () => {
    const writer = new SnapshotWriter(await mkdtemp(path.join(os.tmpdir(), 'writer-')));
    // About 3 MB of JSON: more than one chunk. Keys out of order, a request_id to drop, a hosted file to normalise.
    const items = Array.from({ length: 12_000 }, (_, n) => ({
      title: `Page ${n} — ${'é'.repeat(n % 7)} ${'x'.repeat(200)}`,
      id: `id-${n}`,
      request_id: 'dropped',
      icon: n % 3 === 0 ? { type: 'file', file: { url: `https://files.example/${n}.png?X-Amz-Signature=abc`, expiry_time: '2026-01-01T00:00:00.000Z' } } : null,
      stats: undefined,
    }));
    await writer.writeJson('', 'whole.json', normaliseNotionObject(items));
    await writer.writeJsonArray('', 'streamed.json', items);
    const whole = await readFile(writer.absolute('', 'whole.json'), 'utf8');
    expect(whole.length).toBeGreaterThan(2 << 20);
    expect(await readFile(writer.absolute('', 'streamed.json'), 'utf8')).toBe(whole);
  });

  it('writes an empty array as writeJson does', async () => {
    const writer = new SnapshotWriter(await mkdtemp(path.join(os.tmpdir(), 'writer-')));
    await writer.writeJsonArray('', 'empty.json', []);
    expect(await readFile(writer.absolute('', 'empty.json'), 'utf8')).toBe('[]\n');
  });
});
