// Ids a request points at (mentions, link_to_page, synced copies, embeds): they must resolve to objects
// the token can see. Notion documents no leniency here, so nothing dangling is accepted.
import { canSee } from '../auth';
import type { ObjectKind } from '../errors';
import { notFound, validationError } from '../errors';
import type { InputContext } from './common';

/** The id must be a visible, non-trashed object of this kind; otherwise 404 object_not_found. */
export function requireVisible(ctx: InputContext, kind: 'page' | 'database' | 'block' | 'comment', id: string): void {
  const exists = kind === 'page' ? ctx.store.pages.has(id)
    : kind === 'database' ? ctx.store.databases.has(id)
      : kind === 'block' ? ctx.store.blocks.has(id)
        : ctx.store.comments.has(id);
  const anchor = kind === 'comment' ? commentAnchor(ctx, id) : id;
  if (!exists || anchor === undefined || !canSee(ctx.store, ctx.token, anchor) || ctx.store.isTrashedInTree(anchor)) {
    throw notFound(kind as ObjectKind, id);
  }
}

function commentAnchor(ctx: InputContext, id: string): string | undefined {
  const parent = ctx.store.comments.get(id)?.parent;
  if (!parent) return undefined;
  return parent.type === 'page_id' ? parent.page_id : parent.block_id;
}

export function requireUser(ctx: InputContext, id: string, path: string): void {
  if (!ctx.store.users.has(id)) throw validationError(`${path} is not a user in this workspace: ${id}.`);
}

/** The code block languages of the SDK 5.26 request types (LanguageRequest). */
export const CODE_LANGUAGES = new Set([
  'abap', 'abc', 'agda', 'arduino', 'ascii art', 'assembly', 'bash', 'basic', 'bnf', 'c', 'c#', 'c++', 'clojure', 'coffeescript',
  'coq', 'css', 'dart', 'dhall', 'diff', 'docker', 'ebnf', 'elixir', 'elm', 'erlang', 'f#', 'flow', 'fortran', 'gherkin', 'glsl',
  'go', 'graphql', 'groovy', 'haskell', 'hcl', 'html', 'idris', 'java', 'javascript', 'json', 'julia', 'kotlin', 'latex', 'less',
  'lisp', 'livescript', 'llvm ir', 'lua', 'makefile', 'markdown', 'markup', 'matlab', 'mathematica', 'mermaid', 'nix',
  'notion formula', 'objective-c', 'ocaml', 'pascal', 'perl', 'php', 'plain text', 'powershell', 'prolog', 'protobuf',
  'purescript', 'python', 'r', 'racket', 'reason', 'ruby', 'rust', 'sass', 'scala', 'scheme', 'scss', 'shell', 'smalltalk',
  'solidity', 'sql', 'swift', 'toml', 'typescript', 'vb.net', 'verilog', 'vhdl', 'visual basic', 'webassembly', 'xml', 'yaml',
  'java/c/c++/c#',
]);

// The embed providers of the changelog entry "Validation on embed block URLs" (PDF links included).
// YouTube and other video sites are not on it: the video block takes those.
const EMBED_HOSTS = [
  'framer.com', 'framer.website', 'twitter.com', 'x.com', 'drive.google.com', 'docs.google.com', 'gist.github.com', 'figma.com',
  'invisionapp.com', 'loom.com', 'typeform.com', 'codepen.io', 'whimsical.com', 'miro.com', 'abstract.com', 'goabstract.com',
  'excalidraw.com', 'sketch.com', 'replit.com', 'repl.it', 'maps.google.com', 'maps.app.goo.gl',
];

export function isSupportedEmbed(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.toLowerCase();
  if (parsed.pathname.toLowerCase().endsWith('.pdf')) return true;
  if (/^(www\.)?google\.[a-z.]+$/.test(host) && parsed.pathname.startsWith('/maps')) return true;
  return EMBED_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** Link URLs in rich text must be absolute web or mail links (Notion itself returns `/…` links; they are not accepted back). */
export function isAcceptedLinkUrl(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 dates and date-times only; time zones must be IANA names. */
export function checkDate(start: unknown, end: unknown, timeZone: unknown, path: string): void {
  for (const [value, key] of [[start, 'start'], [end, 'end']] as const) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
      throw validationError(`body failed validation: ${path}.${key} should be a valid ISO 8601 date string, instead was \`${JSON.stringify(value)}\`.`);
    }
  }
  if (typeof timeZone === 'string') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      throw validationError(`body failed validation: ${path}.time_zone should be a valid IANA time zone, instead was \`${JSON.stringify(timeZone)}\`.`);
    }
  }
}
