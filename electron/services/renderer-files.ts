import path from 'node:path';

/** Content types of the built renderer's files (served by app:// in Electron and by `notion-plakar ui`). */
export const RENDERER_CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function rendererContentType(file: string): string {
  return RENDERER_CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/** The file inside the built renderer folder for a URL path, or undefined when it would escape it. */
export function rendererFileForPath(rendererDir: string, pathname: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative || 'index.html');
  return file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * Maps an app://renderer/... URL to a file inside the built renderer folder, or undefined for
 * anything else (another host, or a path that escapes the folder).
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | undefined {
  const url = URL.parse(requestUrl);
  if (!url) return undefined;
  if (url.host !== 'renderer') return undefined;
  return rendererFileForPath(rendererDir, url.pathname);
}
