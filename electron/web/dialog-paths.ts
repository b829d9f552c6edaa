import { stat } from 'node:fs/promises';
import path from 'node:path';

/** What is wrong with a path or a folder name typed or chosen in browser mode's dialogs, in words. */
export async function pathProblem(kind: 'file' | 'folder', chosen: string): Promise<string | undefined> {
  if (!path.isAbsolute(chosen)) return `Not an absolute path: ${chosen}`;
  try {
    const found = await stat(chosen);
    if (kind === 'folder' && !found.isDirectory()) return `${chosen} is not a folder.`;
    if (kind === 'file' && !found.isFile()) return `${chosen} is not a file.`;
    return undefined;
  } catch (cause) {
    return `Cannot use ${chosen}: ${describeError(cause, kind)}.`;
  }
}

export function folderNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Type a name for the new folder.';
  if (name === '.' || name === '..') return `“${name}” cannot be a folder name.`;
  if (/[/\\\0]/.test(name)) return 'A folder name cannot contain /, \\ or a NUL character.';
  return undefined;
}

export function describeError(cause: unknown, what: 'file' | 'folder'): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `no such ${what}`;
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EEXIST') return 'it already exists';
  if (code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE') return 'not a valid path';
  return code ?? 'it cannot be read';
}
