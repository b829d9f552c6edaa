import path from 'node:path';
import type { IndexEntry } from '../snapshot/format';
import type { ExportLayout } from './layout';

/** Percent-encodes what would end or confuse a Markdown link destination. */
function encodeDestination(url: string): string {
  return url.replace(/[\s<>()\\[\]"`]/g, (character) =>
    [...Buffer.from(character, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A relative link from one exported document to another exported path, each segment URL-encoded. */
export function relativeHref(fromDocument: string, toPath: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromDocument), toPath) || path.posix.basename(toPath);
  return relative
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * A URL from Notion content usable as a link: only http(s), mailto and tel (never `javascript:` or
 * `data:`), encoded for a Markdown destination. Undefined when it is not one of those.
 */
export function safeExternalUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  try {
    const parsed = new URL(url.trim());
    if (!SAFE_SCHEMES.has(parsed.protocol)) return undefined;
  } catch {
    return undefined;
  }
  return encodeDestination(url.trim());
}

/** The page or database id a Notion link points to (`https://www.notion.so/Title-<id>`, `/<id>`). */
export function notionIdFromHref(href: string): string | undefined {
  const match = /^(?:https?:\/\/(?:www\.)?notion\.(?:so|site)\/|\/)(?:[^?#]*?)([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})(?:[?#].*)?$/i.exec(href);
  const compact = match?.[1]?.replace(/-/g, '').toLowerCase();
  if (!compact) return undefined;
  return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
}

/** Resolves links to pages and databases: relative when exported, else Notion's URL when known. */
export class LinkResolver {
  private readonly entries: ReadonlyMap<string, IndexEntry>;

  constructor(
    readonly layout: ExportLayout,
    index: readonly IndexEntry[],
  ) {
    this.entries = new Map(index.map((entry) => [entry.id, entry]));
  }

  entry(id: string): IndexEntry | undefined {
    return this.entries.get(id);
  }

  /** A Markdown-ready href for an object, or undefined when it is neither exported nor has a URL. */
  objectHref(fromDocument: string, id: string, fallbackUrl?: string | null): string | undefined {
    const planned = this.layout.byId.get(id);
    if (planned) return relativeHref(fromDocument, planned.document);
    return safeExternalUrl(this.entries.get(id)?.url ?? fallbackUrl ?? undefined);
  }

  /** A link found in text: rewritten to the exported document when it points to one. */
  textHref(fromDocument: string, href: string): string | undefined {
    const id = notionIdFromHref(href);
    const planned = id ? this.layout.byId.get(id) : undefined;
    if (planned) return relativeHref(fromDocument, planned.document);
    if (href.startsWith('/') && id) return safeExternalUrl(this.entries.get(id)?.url ?? `https://www.notion.so/${id.replace(/-/g, '')}`);
    return safeExternalUrl(href);
  }

  /** A relative href to a file written into the export. */
  fileHref(fromDocument: string, filePath: string): string {
    return relativeHref(fromDocument, filePath);
  }
}
