import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachJsonArrayElement, NotAJsonArrayError } from './json-array';

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
});
