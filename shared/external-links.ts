/**
 * The only places the app opens in the user's browser. Links that come from Notion content or a
 * snapshot are untrusted; anything not on this list is refused.
 */
const ALLOWED_ORIGINS = new Set([
  'https://www.notion.so',
  'https://notion.so',
  'https://www.notion.com',
  'https://developers.notion.com',
  'https://plakar.io',
  'https://www.plakar.io',
  'https://docs.plakar.io',
  'https://github.com',
]);

const ALLOWED_GITHUB_PREFIXES = ['/PlakarKorp/'];

export function isAllowedExternalUrl(raw: string): boolean {
  const url = URL.parse(raw);
  if (!url) return false;
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  if (!ALLOWED_ORIGINS.has(url.origin)) return false;
  if (url.origin === 'https://github.com') return ALLOWED_GITHUB_PREFIXES.some((prefix) => url.pathname.startsWith(prefix));
  return true;
}
