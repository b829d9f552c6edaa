import { describe, expect, it } from 'vitest';
import { normaliseNotionObject, stableFileUrl, stableStringify } from './normalise';

const signed = (n: number) =>
  `https://prod-files-secure.s3.us-west-2.amazonaws.com/ws/abc/image.png?X-Amz-Date=2026112${n}&X-Amz-Signature=${n}`;

describe('normaliseNotionObject', () => {
  it('makes two reads of the same page identical despite fresh signed URLs', () => {
    const read = (n: number) => ({
      request_id: `req-${n}`,
      object: 'page',
      cover: { type: 'file', file: { url: signed(n), expiry_time: `2026-11-24T1${n}:00:00.000Z` } },
      properties: { Files: { files: [{ name: 'a.pdf', type: 'file', file: { url: signed(n), expiry_time: 'x' } }] } },
    });
    expect(stableStringify(normaliseNotionObject(read(1)))).toBe(stableStringify(normaliseNotionObject(read(2))));
    const normalised = normaliseNotionObject(read(1));
    expect(normalised).not.toHaveProperty('request_id');
    expect(normalised.cover.file).toEqual({
      url: 'https://prod-files-secure.s3.us-west-2.amazonaws.com/ws/abc/image.png',
      expiry_time: null,
    });
  });

  it('normalises comment attachments, which have no type', () => {
    const attachment = { category: 'image', file: { url: signed(3), expiry_time: '2026-11-24T13:00:00.000Z' } };
    expect(normaliseNotionObject(attachment)).toEqual({
      category: 'image',
      file: { url: 'https://prod-files-secure.s3.us-west-2.amazonaws.com/ws/abc/image.png', expiry_time: null },
    });
  });

  it('leaves external files and other values alone', () => {
    const block = { type: 'image', image: { type: 'external', external: { url: 'https://example.com/a.png?x=1' } } };
    expect(normaliseNotionObject(block)).toEqual(block);
  });
});

describe('stableStringify', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, 1], c: 2 } })).toBe('{"a":{"c":2,"d":[3,1]},"b":1}\n');
  });

  it('puts the requested keys last, as page.json needs for children', () => {
    expect(stableStringify({ children: [], z: 1, a: 2 }, ['children'])).toBe('{"a":2,"z":1,"children":[]}\n');
  });
});

describe('stableFileUrl', () => {
  it('drops the query and fragment', () => {
    expect(stableFileUrl('http://127.0.0.1:9/__files/f1/a.png?X-Amz-Expires=3600#x')).toBe('http://127.0.0.1:9/__files/f1/a.png');
  });
});
