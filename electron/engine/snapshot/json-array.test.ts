import { createReadStream } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { forEachJsonArrayElement, forEachPickedJsonValue, NotAJsonArrayError, NotJsonError } from './json-array';

async function elements(input: string | Buffer | Readable): Promise<unknown[]> {
  const taken: unknown[] = [];
  await forEachJsonArrayElement(typeof input === 'string' ? Buffer.from(input) : input, (value) => taken.push(value));
  return taken;
}

describe('forEachJsonArrayElement', () => {
  it('gives each element as JSON.parse would, split across chunks anywhere', async () => {
    const list = [{ id: 'a', title: 'Título ✓ 📄', nested: { n: [1, 2.5, null, true] } }, 'text', 3, [], {}];
    const text = JSON.stringify(list, null, 1);
    expect(await elements(text)).toEqual(list);
    // One byte at a time: multi-byte characters cut in the middle.
    expect(await elements(Readable.from([...Buffer.from(text)].map((byte) => Buffer.from([byte]))))).toEqual(list);
    expect(await elements(' [ ] ')).toEqual([]);
  });

  it('refuses what is not one JSON array', async () => {
    for (const bad of ['', '   ', '{"a": 1}', '"text"', '[1, 2', '[1,]', '[{"a": 1}] [2]', '[1] x', 'nul']) {
      await expect(elements(bad), bad).rejects.toBeInstanceOf(NotAJsonArrayError);
    }
  });

  it('stops at the first error its callback throws, and passes it on as it is', async () => {
    const seen: unknown[] = [];
    const stop = new Error('not an entry');
    await expect(
      forEachJsonArrayElement(Buffer.from('[1, 2, 3, 4]'), (value) => {
        seen.push(value);
        if (value === 2) throw stop;
      }),
    ).rejects.toBe(stop);
    expect(seen).toEqual([1, 2]);
  });

  it('hands over copies: a string kept from an element does not keep the text it was parsed from', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'json-array-')), 'index.json');
    await writeFile(file, JSON.stringify(Array.from({ length: 10_000 }, (_, n) => ({ id: `1a000000-0000-4000-8000-${String(n).padStart(12, '0')}`, filler: 'x'.repeat(2_000) }))));
    gc();
    const before = process.memoryUsage().heapUsed;
    const ids: string[] = [];
    // Read as the previous snapshot reads it: a file stream, in 64 KB chunks.
    await forEachJsonArrayElement(createReadStream(file), (value) => ids.push((value as { id: string }).id));
    gc();
    // 10,000 ids take about 0.6 MB; strings sliced from the parser's chunks would keep the 20 MB text.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(6e6);
    expect(ids).toHaveLength(10_000);
  });
});

describe('forEachPickedJsonValue', () => {
  const record = { version: 1, entries: [{ id: 'a', entries: [9] }, 'b', null], id: 'Título ✓', summary: { entries: [8] } };
  const picked = (path: readonly unknown[]) => (path.length === 1 && (path[0] === 'version' || path[0] === 'id')) || (path.length === 2 && path[0] === 'entries');

  it('gives the picked values in the order of the document, whole, split across chunks anywhere', async () => {
    const bytes = Buffer.from(JSON.stringify(record, null, 1));
    for (const input of [bytes, Readable.from([...bytes].map((byte) => Buffer.from([byte])))]) {
      const taken: unknown[] = [];
      await forEachPickedJsonValue(input, picked, (value) => taken.push(value));
      expect(taken).toEqual([1, { id: 'a', entries: [9] }, 'b', null, 'Título ✓']);
    }
  });

  it('refuses what is not JSON, and passes its callback\'s error on as it is', async () => {
    for (const bad of ['', '{"version": 1', '{"version": 1,}', '{} x']) {
      await expect(forEachPickedJsonValue(Buffer.from(bad), picked, () => undefined), bad).rejects.toBeInstanceOf(NotJsonError);
    }
    const stop = new Error('not an entry');
    await expect(
      forEachPickedJsonValue(Buffer.from(JSON.stringify(record)), picked, () => {
        throw stop;
      }),
    ).rejects.toBe(stop);
  });
});
