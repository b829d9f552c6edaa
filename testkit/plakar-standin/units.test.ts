/** Unit tests of the stand-in's Go-compatible formatting and parsing helpers. */
import { describe, expect, it } from 'vitest';
import { parseGoInt } from './src/goflag';
import { fileModeString, goDuration, goQuote, iBytes, MODE, roundDuration, SECOND } from './src/gofmt';
import { IgnoreRules } from './src/ignore';
import { lookupLocation } from './src/location';
import { parseHumanDuration, parseTimeFlag } from './src/timeflag';
import { parseYaml, stringifyYaml } from './src/yaml';

describe('Go formatting', () => {
  it('humanize.IBytes', () => {
    expect([0, 9, 10, 512, 1023, 1024, 1536, 10752, 10854, 15 * 1024 * 1024, 1.25 * 1024 ** 3].map(iBytes)).toEqual([
      '0 B',
      '9 B',
      '10 B',
      '512 B',
      '1023 B',
      '1.0 KiB',
      '1.5 KiB',
      '10 KiB',
      '11 KiB',
      '15 MiB',
      '1.3 GiB',
    ]);
  });

  it('time.Duration.String and Round', () => {
    const s = SECOND;
    expect(goDuration(0n)).toBe('0s');
    expect(goDuration(999n)).toBe('999ns');
    expect(goDuration(1500n)).toBe('1.5µs');
    expect(goDuration(12_345_678n)).toBe('12.345678ms');
    expect(goDuration(1_234_000_000n)).toBe('1.234s');
    expect(goDuration(65n * s)).toBe('1m5s');
    expect(goDuration(3661n * s)).toBe('1h1m1s');
    expect(goDuration(roundDuration(1_500_000_000n, s))).toBe('2s');
    expect(goDuration(roundDuration(499_000_000n, s))).toBe('0s');
  });

  it('fs.FileMode.String', () => {
    expect(fileModeString(MODE.dir + 0o755)).toBe('drwxr-xr-x');
    expect(fileModeString(0o644)).toBe('-rw-r--r--');
    expect(fileModeString(MODE.symlink + 0o777)).toBe('Lrwxrwxrwx');
    expect(fileModeString(MODE.dir + MODE.sticky + 0o777)).toBe('dtrwxrwxrwx');
    expect(fileModeString(MODE.setuid + 0o755)).toBe('urwxr-xr-x');
    expect(fileModeString(MODE.device + MODE.charDevice + 0o620)).toBe('Dcrw--w----');
  });

  it('strconv.Quote and ParseInt', () => {
    expect(goQuote('a"b\n')).toBe('"a\\"b\\n"');
    expect(parseGoInt('0x10')).toBe(16);
    expect(parseGoInt('-7')).toBe(-7);
    expect(() => parseGoInt('abc')).toThrow('parse error');
  });
});

describe('selectors and patterns', () => {
  it('parses human durations like go-human2duration', () => {
    const day = 86_400e9;
    expect(parseHumanDuration('30d')).toBe(30 * day);
    expect(parseHumanDuration('2h')).toBe(7_200e9);
    expect(parseHumanDuration('1h30m')).toBe(5_400e9);
    expect(parseHumanDuration('2m')).toBe(60 * day);
    expect(parseHumanDuration('2 weeks')).toBe(14 * day);
    expect(parseHumanDuration('soon')).toBeUndefined();
  });

  it('parses time flags (dates are UTC)', () => {
    expect(parseTimeFlag('2024-01-02')).toBe(BigInt(Date.UTC(2024, 0, 2)) * 1_000_000n);
    expect(parseTimeFlag('2024/01/02')).toBe(BigInt(Date.UTC(2024, 0, 2)) * 1_000_000n);
    expect(parseTimeFlag('2024-01-02T03:04:05+01:00')).toBe(BigInt(Date.UTC(2024, 0, 2, 2, 4, 5)) * 1_000_000n);
    expect(() => parseTimeFlag('2024-02-30')).toThrow('invalid time format');
    expect(() => parseTimeFlag(' 1d')).toThrow('invalid time format');
  });

  it('matches gitignore patterns against absolute paths', () => {
    const rules = new IgnoreRules(['*.log', 'node_modules/', '/tmp/anchored', '!keep.log', 'a/**/z']);
    expect(rules.isExcluded('/home/u/x/debug.log', false)).toBe(true);
    expect(rules.isExcluded('/home/u/x/keep.log', false)).toBe(false);
    expect(rules.isExcluded('/home/u/node_modules', true)).toBe(true);
    expect(rules.isExcluded('/home/u/node_modules', false)).toBe(false);
    expect(rules.isExcluded('/tmp/anchored', false)).toBe(true);
    expect(rules.isExcluded('/home/tmp/anchored', false)).toBe(false);
    expect(rules.isExcluded('/a/b/c/z', false)).toBe(true);
  });

  it('splits locations like kloset (two URI characters before the colon)', () => {
    expect(lookupLocation('fs:///a/b', 'fs')).toEqual({ proto: 'fs', location: '/a/b' });
    expect(lookupLocation('/a:b', 'fs')).toEqual({ proto: 'fs', location: '/a:b' });
    expect(lookupLocation('C:\\x', 'fs')).toEqual({ proto: 'fs', location: 'C:\\x' });
    expect(lookupLocation('ab:cd', 'fs')).toEqual({ proto: 'ab', location: 'cd' });
  });
});

describe('config YAML', () => {
  it('round-trips the stores.yml shape plakar writes', () => {
    const text = stringifyYaml({ version: 'v1.0.0', stores: { mine: { location: '/x y', passphrase: '*secret*' }, other: { location: 'true' } } }, ['version', 'default', 'stores']);
    expect(text).toBe('version: v1.0.0\nstores:\n    mine:\n        location: /x y\n        passphrase: "*secret*"\n    other:\n        location: "true"\n');
    expect(parseYaml(text)).toEqual({ version: 'v1.0.0', stores: { mine: { location: '/x y', passphrase: '*secret*' }, other: { location: 'true' } } });
    expect(parseYaml('version: v1.0.0\nstores: {}\n')).toEqual({ version: 'v1.0.0', stores: {} });
    expect(parseYaml("# comment\nstores:\n  a:\n    location: '/it''s' # trailing\n")).toEqual({ stores: { a: { location: "/it's" } } });
  });

  it('reads what yaml.v3 reads: flow maps, anchors, block scalars, nulls as empty strings, the first document only', () => {
    expect(parseYaml('version: v1.0.0\nstores: {a: {location: /x}}\n')).toEqual({ version: 'v1.0.0', stores: { a: { location: '/x' } } });
    expect(parseYaml('stores:\n    a: &s\n        location: /x\n    b: *s\n')).toEqual({ stores: { a: { location: '/x' }, b: { location: '/x' } } });
    expect(parseYaml('a:\n    l: >\n        folded\n        text\n    t: true\n    n: 12\n    z: ~\n    e:\n')).toEqual({ a: { l: 'folded text\n', t: 'true', n: '12', z: '', e: '' } });
    expect(parseYaml('version: v1.0.0\n---\nversion: v2\n')).toEqual({ version: 'v1.0.0' });
    expect(parseYaml('---\n')).toEqual({});
  });

  it('escapes control characters when writing', () => {
    expect(stringifyYaml({ a: 'x\0y\u0001' })).toBe('a: "x\\0y\\x01"\n');
  });

  // Each message as plakar v1.1.4 printed it for the same file (after "failed to parse config file: ").
  const MALFORMED: Array<[string, string]> = [
    ['version: v1.0.0\nstores\n', "yaml: line 2: could not find expected ':'"],
    ['version: v1.0.0\nstores:\n    a:\n        location: /x\n        junk\n', "yaml: line 5: could not find expected ':'"],
    ['stores\nversion: v1.0.0\n', 'yaml: line 2: mapping values are not allowed in this context'],
    ['version: v1.0.0\n  stores: {}\n', 'yaml: line 2: mapping values are not allowed in this context'],
    ['version: v1.0.0\nstores:\n    a:\n        location /x\n        other: y\n', 'yaml: line 5: mapping values are not allowed in this context'],
    ['version: v1.0.0\nstores:\n    a:\n        location: a: b\n', 'yaml: line 4: mapping values are not allowed in this context'],
    ['version: a: b\n', 'yaml: mapping values are not allowed in this context'],
    ['version: v1.0.0\nstores:\n\ta:\n\t\tlocation: /x\n', 'yaml: line 3: found character that cannot start any token'],
    ['version: v1.0.0\n\tstores: {}\n', 'yaml: line 2: found a tab character that violates indentation'],
    ['version: v1.0.0\nstores: @x\n', 'yaml: line 2: found character that cannot start any token'],
    ['version: "v1\nstores: {}\nx: y\n', 'yaml: line 4: found unexpected end of stream'],
    ["version: v1.0.0\nstores:\n    a:\n        location: '/x\n        b: c\n", 'yaml: line 4: found unexpected end of stream'],
    ['version: v1.0.0\n"stores: {}\n', 'yaml: line 2: found unexpected end of stream'],
    ['version: v1.0.0\nstores:\n    a:\n        l: x\n      m: y\n', 'yaml: line 2: did not find expected key'],
    ['version: v1.0.0\n- x\n', 'yaml: line 1: did not find expected key'],
    ['version: v1.0.0\nstores: {a: b\n', "yaml: line 1: did not find expected ',' or '}'"],
    ['version: v1.0.0\nstores:\n    a:\n        location: [x\n', "yaml: line 3: did not find expected ',' or ']'"],
    ['version: v1.0.0\nstores: "a\\qb"\n', 'yaml: line 2: found unknown escape character'],
    ['version: v1.0.0\nstores: *nope\n', "yaml: unknown anchor 'nope' referenced"],
    ['# nothing\n', 'EOF'],
  ];

  it('reports malformed YAML with the message and line yaml.v3 gives', () => {
    for (const [text, message] of MALFORMED) expect(() => parseYaml(text), JSON.stringify(text)).toThrow(new Error(message));
  });
});
