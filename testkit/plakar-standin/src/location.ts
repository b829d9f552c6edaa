/**
 * kloset `location.Lookup`: how `proto:rest` strings are split, shared by stores, importers and
 * exporters. Two or more URI-legal characters before a `:` make a protocol (`ab:cd` is protocol
 * `ab`, `C:\x` is not); a leading `//` after the colon is dropped; otherwise the fallback applies.
 */
import path from 'node:path';

function allowedInUri(ch: string): boolean {
  return /[a-zA-Z0-9+.-]/.test(ch);
}

export interface LocationParts {
  proto: string;
  location: string;
}

export function lookupLocation(uri: string, fallback: string): LocationParts {
  let proto = uri;
  let location = uri;
  const chars = [...uri];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] ?? '';
    if (!allowedInUri(ch)) {
      if (i > 1 && ch === ':') {
        proto = chars.slice(0, i).join('');
        location = chars.slice(i + 1).join('');
        if (location.startsWith('//')) location = location.slice(2);
      }
      break;
    }
  }
  if (proto === location) proto = fallback;
  return { proto, location };
}

/** Storage backends real plakar v1.1 has built in; only `fs` is implemented by the stand-in. */
export const BUILTIN_STORAGE = new Set(['fs', 'ptar', 'http', 'https', 'ptar+http', 'ptar+https']);
/** Importers built into real plakar v1.1; only `fs` is implemented by the stand-in. */
export const BUILTIN_IMPORTERS = new Set(['fs', 'stdin', 'tar', 'tar+gz', 'tar+gzip', 'tgz']);
/** Exporters built into real plakar v1.1; only `fs` is implemented by the stand-in. */
export const BUILTIN_EXPORTERS = new Set(['fs', 'stdout', 'stdio']);

/** Joins a relative local path to the CWD the way kloset does (filepath.Join cleans it). */
export function absolutize(cwd: string, location: string): string {
  return path.isAbsolute(location) ? location : path.join(cwd, location);
}
