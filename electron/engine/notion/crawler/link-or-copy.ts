import { constants } from 'node:fs';
import { copyFile, link, rm } from 'node:fs/promises';

/**
 * Shares an unchanged file with the previous backup's tree. An existing file at `to` is replaced,
 * never written through (it may itself be a link into that tree).
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to, constants.COPYFILE_EXCL);
  }
}
