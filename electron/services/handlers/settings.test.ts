import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './settings';

describe('shellQuote', () => {
  it('leaves paths and URLs readable', () => {
    expect(shellQuote('/home/me/backups/notion')).toBe('/home/me/backups/notion');
    expect(shellQuote('https://api.notion.com')).toBe('https://api.notion.com');
    expect(shellQuote('http://127.0.0.1:4010/v1')).toBe('http://127.0.0.1:4010/v1');
    expect(shellQuote('/home/me/My Backups')).toBe("'/home/me/My Backups'");
  });

  const tricky = ['', 'a b', "it's", 'say "hi"', '$HOME', '`id`', '$(id)', 'a\nb', 'tab\there', '~/store', 'x!y', 'a;b|c&d', '*.x', '#a', 'données/ストア', "'\"$`\\!", 's3://bucket/p?x=1&y=2'];

  it.skipIf(process.platform === 'win32')('gives back every value unchanged through sh', () => {
    for (const value of tricky) {
      expect(execFileSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nowhere' } }), JSON.stringify(value)).toBe(value);
    }
  });
});
