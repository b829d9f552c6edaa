import { describe, expect, it } from 'vitest';
import { isAtLeast, parsePlakarVersion } from './version';

const BANNER = ['Welcome to plakar !', '', 'Some text about the security check.', 'EOT', ''].join('\n');

describe('parsePlakarVersion', () => {
  it('reads a release line', () => {
    expect(parsePlakarVersion('plakar/v1.1.4\n')).toEqual({ text: 'v1.1.4', major: 1, minor: 1, patch: 4, suffix: '' });
  });

  it('reads a development build line', () => {
    expect(parsePlakarVersion('plakar/v1.2.0-devel.a3b0b7e\n')).toMatchObject({ minor: 2, suffix: '-devel.a3b0b7e' });
  });

  it('finds the line after the first-run banner', () => {
    expect(parsePlakarVersion(`${BANNER}plakar/v1.1.0\n`)?.text).toBe('v1.1.0');
  });

  it('tolerates CRLF line endings (Windows)', () => {
    expect(parsePlakarVersion('plakar/v1.1.4\r\n')?.patch).toBe(4);
  });

  it('rejects output that is not a plakar version', () => {
    expect(parsePlakarVersion('v1.1.4\n')).toBeUndefined();
    expect(parsePlakarVersion('git version 2.39.5\n')).toBeUndefined();
    expect(parsePlakarVersion('')).toBeUndefined();
  });
});

describe('isAtLeast', () => {
  const version = (text: string) => parsePlakarVersion(`plakar/${text}`)!;

  it.each([
    ['v1.1.0', true],
    ['v1.1.4', true],
    ['v1.2.0-devel.abc', true],
    ['v2.0.0', true],
    ['v1.0.6', false],
    ['v0.9.9', false],
    ['v1.1.0-beta.2', false],
  ])('%s against 1.1.0 → %s', (text, expected) => {
    expect(isAtLeast(version(text), '1.1.0')).toBe(expected);
  });
});
