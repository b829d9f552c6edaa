/** File and folder names that are valid on Windows, macOS and Linux, unique among their siblings. */

const MAX_NAME_CHARS = 100;
const MAX_NAME_BYTES = 200;
const MAX_EXTENSION_CHARS = 16;
const FORBIDDEN_CHARACTERS = /[/\\:*?"<>|]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
// Invisible marks that reorder or hide text (bidi embeddings, overrides and isolates, zero widths):
// removed, so a name cannot disguise its extension (`invoice\u202Efdp.exe`). ZWJ/ZWNJ are kept (emoji, scripts).
const INVISIBLE_MARKS = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

function truncate(name: string): string {
  const kept: string[] = [];
  let bytes = 0;
  for (const character of name) {
    const size = Buffer.byteLength(character, 'utf8');
    if (kept.length >= MAX_NAME_CHARS || bytes + size > MAX_NAME_BYTES) break;
    kept.push(character);
    bytes += size;
  }
  return kept.join('');
}

/**
 * A title made safe as a file or folder name on every OS: no `/\:*?"<>|`, control characters or bidi marks, no
 * leading or trailing spaces, no trailing dots, no leading dot (hidden file), never a reserved Windows
 * device name, at most 100 characters; empty becomes "Untitled".
 */
export function sanitiseName(title: string, fallback = 'Untitled'): string {
  let name = title.normalize('NFC').replace(INVISIBLE_MARKS, '').replace(CONTROL_CHARACTERS, ' ').replace(FORBIDDEN_CHARACTERS, '_');
  name = name.replace(/\s+/g, ' ').trim();
  name = truncate(name).replace(/[. ]+$/, '');
  if (name.startsWith('.')) name = `_${name.slice(1)}`;
  if (name === '') name = fallback;
  const stem = name.split('.')[0] ?? name;
  if (WINDOWS_RESERVED.test(stem.trim())) name = `${stem}_${name.slice(stem.length)}`;
  return name;
}

/** An attachment's name made safe: the stem like a title, the extension kept when it is a plain one. */
export function sanitiseFileName(original: string, fallback = 'file'): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const rawExtension = dot > 0 ? base.slice(dot + 1) : '';
  const extension = /^[A-Za-z0-9]+$/.test(rawExtension) && rawExtension.length <= MAX_EXTENSION_CHARS ? rawExtension.toLowerCase() : '';
  const stem = sanitiseName(extension ? base.slice(0, dot) : base, fallback);
  return extension ? `${stem}.${extension}` : stem;
}

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { stem: name.slice(0, dot), extension: name.slice(dot) } : { stem: name, extension: '' };
}

/** Case- and normalisation-insensitive key, as macOS and Windows compare names. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * The names already used in one folder. `claim` returns the first free variant of a name: "Notes",
 * then "Notes (2)", "Notes (3)"… Every name a claim needs (a page's `.md`, its folder, a database's
 * `.csv`) must be free for the variant to be chosen, so a page and its folder always share a stem.
 */
export class FolderNames {
  private readonly used = new Set<string>();

  reserve(name: string): void {
    this.used.add(nameKey(name));
  }

  isFree(name: string): boolean {
    return !this.used.has(nameKey(name));
  }

  /** A stem for an object that takes `<stem><suffix>` for every suffix (e.g. ['.md', '', '.csv']). */
  claimStem(stem: string, suffixes: readonly string[]): string {
    for (let attempt = 1; ; attempt += 1) {
      const candidate = attempt === 1 ? stem : `${stem} (${attempt})`;
      if (suffixes.every((suffix) => this.isFree(candidate + suffix))) {
        for (const suffix of suffixes) this.reserve(candidate + suffix);
        return candidate;
      }
    }
  }

  /** A file name, with " (n)" inserted before its extension when taken. */
  claimFile(name: string): string {
    const { stem, extension } = splitExtension(name);
    return this.claimStem(stem, [extension]) + extension;
  }
}
