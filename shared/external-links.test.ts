import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.notion.so/My-page-0123456789abcdef0123456789abcdef',
    'https://developers.notion.com/docs/create-a-notion-integration',
    'https://plakar.io/download',
    'https://github.com/PlakarKorp/plakar/releases',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://www.notion.so/page',
    'https://www.notion.so.evil.example/page',
    'https://user:pass@www.notion.so/page',
    'https://github.com/someone-else/repo',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
