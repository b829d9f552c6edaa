import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertFullId, localStorePath, normaliseStoreLocation } from './store-location';

describe('localStorePath', () => {
  it.each([
    ['/backups/notion', '/backups/notion'],
    ['fs:/backups/notion', '/backups/notion'],
    ['fs:///backups/notion', '/backups/notion'],
  ])('%s is local at %s', (location, expected) => expect(localStorePath(location)).toBe(expected));

  it('resolves relative paths against the working directory', () => {
    expect(localStorePath('store')).toBe(path.resolve('store'));
  });

  it.each(['s3://bucket/notion', 'sftp://host/path', '@nas', 'ptar:/x.ptar', 'http://host/store'])('%s is not local', (location) =>
    expect(localStorePath(location)).toBeUndefined(),
  );

  it('keeps remote locations as given', () => {
    expect(normaliseStoreLocation(' s3://bucket/x ')).toBe('s3://bucket/x');
  });
});

describe('assertFullId', () => {
  it('accepts only 64 lowercase hex characters', () => {
    expect(() => assertFullId('a'.repeat(64))).not.toThrow();
    for (const id of ['', 'abcd1234', 'A'.repeat(64), `${'a'.repeat(63)}g`, `${'a'.repeat(64)}0`]) {
      expect(() => assertFullId(id)).toThrow(/full 64-character snapshot id/);
    }
  });
});
