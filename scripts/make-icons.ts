// Writes the installer icons under build/ from the icons drawn in electron/desktop/app-icons.ts:
//   build/icon.png          1024×1024, the source electron-builder turns into .icns (macOS) and .ico (Windows)
//   build/icons/NxN.png     the Linux icon set (hicolor theme sizes) for AppImage and deb
// Run `npx tsx scripts/make-icons.ts` after changing the drawing, and commit the result:
// `npm run check:packaging` fails while the committed files differ from what this would write.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderAppIcon } from '../electron/desktop/app-icons';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

export interface IconFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  size: number;
  render: () => Buffer;
}

/** Every icon file the installers use, and how to draw it. */
export function iconFiles(): IconFile[] {
  return [
    { path: 'build/icon.png', size: 1024, render: () => renderAppIcon(1024) },
    ...LINUX_ICON_SIZES.map((size) => ({ path: `build/icons/${size}x${size}.png`, size, render: () => renderAppIcon(size) })),
  ];
}

export async function writeIcons(root = ROOT): Promise<string[]> {
  const written: string[] = [];
  for (const icon of iconFiles()) {
    const file = path.join(root, icon.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, icon.render());
    written.push(icon.path);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of await writeIcons()) console.log(`wrote ${file}`);
}
