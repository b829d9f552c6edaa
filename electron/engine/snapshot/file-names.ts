/**
 * The original name of a Notion-hosted file, recorded as `name` in files.json and sent back as the
 * upload's filename on restore (docs/snapshot-format.md, "files.json"). Everything here comes from
 * Notion or from a snapshot, so it is untrusted: a name is cleaned before it is kept or sent.
 */
import { plainTextOf } from './json-values';

/** Most file systems allow 255 bytes per name; Notion allows 900 for an upload's filename. */
export const MAX_FILE_NAME_BYTES = 255;
const MAX_EXTENSION_CHARS = 16;
const MAX_CAPTION_CHARS = 255;
const PATH_SEPARATORS = /[/\\]/g;
// C0 and C1 controls, and the invisible marks that reorder or hide text (bidi overrides, zero widths).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character. */
function cutToBytes(text: string, maxBytes: number): string {
  let kept = '';
  let bytes = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (bytes + size > maxBytes) break;
    kept += character;
    bytes += size;
  }
  return kept;
}

/**
 * A name safe to record and to send as a filename: NFC, path separators replaced by `_`, control and
 * invisible characters removed, surrounding spaces trimmed, at most 255 UTF-8 bytes (the extension is
 * kept when the stem is cut). Null when nothing usable is left (empty, `.` or `..`).
 */
export function cleanFileName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const name = raw.normalize('NFC').replace(INVISIBLE, '').replace(PATH_SEPARATORS, '_').trim();
  if (name === '' || name === '.' || name === '..') return null;
  if (Buffer.byteLength(name, 'utf8') <= MAX_FILE_NAME_BYTES) return name;
  const extension = extensionOf(name);
  if (extension === '' || extension.length > MAX_EXTENSION_CHARS) return cutToBytes(name, MAX_FILE_NAME_BYTES).trim();
  const stem = name.slice(0, name.length - extension.length - 1);
  return `${cutToBytes(stem, MAX_FILE_NAME_BYTES - Buffer.byteLength(`.${extension}`, 'utf8')).trim()}.${extension}`;
}

/** The last segment of an absolute URL's path, percent-decoded and cleaned; query and fragment ignored. */
export function fileNameOfUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let segment: string;
  try {
    segment = new URL(url).pathname.split('/').pop() ?? '';
  } catch {
    return null;
  }
  try {
    segment = decodeURIComponent(segment);
  } catch {
    // malformed escapes: keep the segment as it is
  }
  return cleanFileName(segment);
}


/**
 * A caption used as a file name: one line, short, ending in an extension with a letter in it, and the
 * same extension as the URL's when the URL has one ("see e.g" is not a name for `demo.mp4`).
 */
function captionAsFileName(caption: unknown, urlName: string | null): string | null {
  const text = plainTextOf(caption).trim();
  if (text === '' || text.length > MAX_CAPTION_CHARS || /[\r\n]/.test(text)) return null;
  const extension = extensionOf(text);
  if (!/^[a-z0-9]{1,16}$/i.test(extension) || !/[a-z]/i.test(extension)) return null;
  const urlExtension = urlName ? extensionOf(urlName) : '';
  if (urlExtension !== '' && urlExtension.toLowerCase() !== extension.toLowerCase()) return null;
  return cleanFileName(text);
}

/**
 * The original name of a file: the `name` Notion gives (file blocks, `files` property values), else
 * the caption when it looks like a file name, else the last segment of the file's URL.
 */
export function originalFileName(source: { name?: unknown; caption?: unknown; url?: string | null }): string | null {
  const urlName = fileNameOfUrl(source.url);
  return cleanFileName(source.name) ?? captionAsFileName(source.caption, urlName) ?? urlName;
}
