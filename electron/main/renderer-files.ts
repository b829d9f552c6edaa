import path from 'node:path';

/**
 * Maps an app://renderer/... URL to a file inside the built renderer folder, or undefined for
 * anything else (another host, or a path that escapes the folder). Kept free of Electron imports so
 * it is unit-tested directly.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.host !== 'renderer') return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative || 'index.html');
  return file.startsWith(root + path.sep) ? file : undefined;
}
