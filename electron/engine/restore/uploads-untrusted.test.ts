// A restore of a crafted snapshot never uploads a file from outside the snapshot
// (docs/security.md, "A malicious snapshot or store").
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotionEmulator } from '../../../testkit/notion-emulator';
import { removeAll, scratchDir } from '../../../testkit/support/crawl';
import { createNotionClient } from '../notion/client';
import { NotionGateway } from '../notion/gateway';
import { RateLimiter } from '../notion/rate-limiter';
import { writeSnapshotFiles } from '../../../testkit/support/export';
import { BLOCK, craftedSnapshot, PAGE, SECRET } from '../snapshot/crafted-snapshot';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { FileUploader } from './uploads';

let emulator: Awaited<ReturnType<typeof startNotionEmulator>>;
const dirs: string[] = [];
beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
});
afterAll(async () => {
  await emulator.close();
  await removeAll(...dirs);
});

/** Uploads the crafted page's files; what was uploaded, or the error that stopped it. */
async function uploadCrafted(file: string, prepare?: (snap: string, secret: string) => Promise<void>) {
  const root = await scratchDir('untrusted-upload-');
  dirs.push(root);
  const snap = path.join(root, 'snap');
  const secret = path.join(root, 'secret.txt');
  await writeFile(secret, SECRET);
  await writeSnapshotFiles(snap, craftedSnapshot({ file }));
  await prepare?.(snap, secret);
  const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
  const gateway = new NotionGateway(client, new RateLimiter({ requestsPerSecond: 1000, burst: 100 }));
  const uploader = new FileUploader(gateway, await SnapshotReader.open(directorySource(snap)), null);
  const error = await uploader.uploadFrom(PAGE, () => true).then(() => undefined, (failure: Error) => failure);
  return { uploaded: uploader.count, error };
}

describe('restoring a crafted snapshot', () => {
  it('refuses a file entry that climbs out of the snapshot, and uploads nothing', async () => {
    const { uploaded, error } = await uploadCrafted('../../secret.txt');
    expect(error?.message).toMatch(/unsafe.*files\.json.*leaves its folder/);
    expect(uploaded).toBe(0);
  });

  it('refuses an absolute file entry, and uploads nothing', async () => {
    const { uploaded, error } = await uploadCrafted('/secret.txt', (snap) => writeSnapshotFiles(snap, { [`${PAGE}/secret.txt`]: SECRET }));
    expect(error?.message).toMatch(/unsafe.*files\.json.*absolute/);
    expect(uploaded).toBe(0);
  });

  it('refuses a stored file that is a symbolic link out of the snapshot, and uploads nothing', async () => {
    const { uploaded, error } = await uploadCrafted(`${BLOCK}.pdf`, async (snap, secret) => {
      await removeAll(path.join(snap, PAGE, `${BLOCK}.pdf`));
      await symlink(secret, path.join(snap, PAGE, `${BLOCK}.pdf`));
    });
    expect(error?.message).toMatch(/symbolic link/);
    expect(uploaded).toBe(0);
  });

  it('uploads the same snapshot when nothing in it is crafted', async () => {
    expect(await uploadCrafted(`${BLOCK}.pdf`)).toEqual({ uploaded: 1, error: undefined });
  });
});
