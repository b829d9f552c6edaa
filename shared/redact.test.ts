import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactString } from './redact';

const NTN = 'ntn_4820591836O2kXbq9TzVh1Yc7uLmWfPz3eRsNaJd5KgA0';
const LEGACY = 'secret_Zq8mV3nX0bL2cK7pR5tW9yH4jF6gD1sA8eU3iO0';
const PASSPHRASE = 'correct horse battery staple 42';

function json(value: unknown): string {
  return JSON.stringify(value);
}

describe('redact: keys at any depth, any case', () => {
  it.each([
    [{ a: { b: { token: 'x1' } } }],
    [{ headers: { Authorization: 'x1' } }],
    [{ request: { headers: [{ name: 'x', COOKIE: 'x1' }] } }],
    [{ env: { PLAKAR_PASSPHRASE: 'x1', NOTION_TOKEN: 'x1' } }],
    [{ settings: { notionToken: 'x1', storePassword: 'x1', clientSecret: 'x1', api_key: 'x1' } }],
    [[{ deep: [[{ Passphrase: 'x1' }]] }]],
    [{ nested: new Map([['token', 'x1']]) }],
  ])('%j', (input) => {
    const output = json(redact(input));
    expect(output).not.toContain('x1');
    expect(output).toContain(REDACTED);
  });

  it('keeps everything else, and booleans/counts under secret-looking keys', () => {
    const input = { phase: 'crawling', count: 3, tokens: 2, hasToken: true, list: [1, 'two', null], when: new Date(0) };
    expect(redact(input)).toEqual(input);
  });

  it('does not change its input and survives cycles', () => {
    const input: Record<string, unknown> = { token: 'x1' };
    input.self = input;
    const output = redact(input) as Record<string, unknown>;
    expect(input.token).toBe('x1');
    expect(output).toEqual({ token: REDACTED, self: '[circular]' });
  });
});

describe('redact: secrets in string values, anywhere', () => {
  it.each([
    [`Notion said no to ${NTN}`],
    [`legacy ${LEGACY} here`],
    [`request failed: Authorization: Bearer ${NTN.slice(4)}`],
    [`request failed: authorization: bearer abcdefghij0123456789`],
    [`env PLAKAR_PASSPHRASE=${PASSPHRASE.replace(/ /g, '-')} NOTION_TOKEN=abc123xyz`],
    [`{"notionToken":"abc123xyz","ok":true}`],
    ['s3://alice:hunter2secret@bucket.example/path'],
    [`https://api.example/?token=abc123xyz&x=1`],
  ])('%s', (text) => {
    const output = redactString(text);
    for (const secret of [NTN, NTN.slice(4), LEGACY, 'abcdefghij0123456789', 'abc123xyz', 'hunter2secret', PASSPHRASE.replace(/ /g, '-')]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain(REDACTED);
  });

  it('leaves ordinary sentences about tokens alone', () => {
    const sentence = 'Notion rejected this token: check it in Settings, then try again. The token is not shared.';
    expect(redactString(sentence)).toBe(sentence);
  });

  it('redacts known secret values (a passphrase has no shape)', () => {
    expect(redactString(`plakar: could not open with ${PASSPHRASE}`, { secrets: [PASSPHRASE, undefined, ''] })).toBe(
      `plakar: could not open with ${REDACTED}`,
    );
  });

  it('redacts error messages, stacks, causes and properties of errors', () => {
    const cause = new Error(`inner ${NTN}`);
    const error = Object.assign(new Error(`outer Bearer ${NTN}`, { cause }), {
      code: 'E_FAIL',
      request: { headers: { Authorization: `Bearer ${NTN}` } },
    });
    const output = json(redact({ err: error }));
    expect(output).not.toContain(NTN);
    expect(output).not.toContain(NTN.slice(4));
    const plain = redact({ err: error }).err as unknown as Record<string, unknown>;
    expect(plain).toMatchObject({ type: 'Error', code: 'E_FAIL', message: `outer Bearer ${REDACTED}` });
    expect(String(plain.stack)).toMatch(/outer Bearer \[redacted\]/);
    expect(plain.cause).toMatchObject({ message: `inner ${REDACTED}` });
  });
});
