import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startNotionEmulator } from '../../../testkit/notion-emulator';
import { createNotionClient } from '../notion/client';
import { NotionGateway } from '../notion/gateway';
import { RateLimiter } from '../notion/rate-limiter';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import type { FileDescriptor } from '../snapshot/format';
import { contentTypeOf, FileUploader, uploadFileName } from './uploads';

function descriptor(file: string, name: string | null, sourceKey = ''): FileDescriptor {
  return { file, name, size: 1, sha256: '', contentType: null, sourceKey };
}

describe('uploadFileName', () => {
  it('sends the original name the snapshot recorded', () => {
    expect(uploadFileName(descriptor('0b1c.mp4', 'demo.mp4'))).toBe('demo.mp4');
  });

  it('without a recorded name (older snapshots), takes the name from the stored URL', () => {
    expect(uploadFileName(descriptor('page-cover.png', null, 'https://prod-files-secure.s3.us-west-2.amazonaws.com/ws/0b1c/cover.png'))).toBe('cover.png');
  });

  it('falls back to the stored file name', () => {
    expect(uploadFileName(descriptor('page-cover.png', null))).toBe('page-cover.png');
    expect(uploadFileName(descriptor('page-cover.png', '..', 'not a url'))).toBe('page-cover.png');
  });

  it('never sends what a tampered snapshot put in the name: separators, control characters, endless length', () => {
    expect(uploadFileName(descriptor('x.png', '../../secret\u0000.png'))).toBe('.._.._secret.png');
    expect(Buffer.byteLength(uploadFileName(descriptor('x.png', `${'é'.repeat(600)}.png`)))).toBeLessThanOrEqual(255);
  });
});

describe('contentTypeOf', () => {
  it('keeps the stored type, and replaces one that says nothing with what the extension implies', () => {
    expect(contentTypeOf('image/png', 'a.png')).toBe('image/png');
    expect(contentTypeOf('text/plain; charset=utf-8', 'a.txt')).toBe('text/plain');
    expect(contentTypeOf('application/octet-stream', 'manual.pdf')).toBe('application/pdf');
    expect(contentTypeOf(null, 'clip.mp4')).toBe('video/mp4');
    expect(contentTypeOf(null, 'no-extension')).toBe('application/octet-stream');
  });
});

describe('a file Notion refuses to take', () => {
  it('is reported and the other files are uploaded', async () => {
    const emulator = await startNotionEmulator({ rateLimit: false });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'uploads-'));
    try {
      await writeFile(path.join(dir, 'content.json'), '[]');
      await mkdir(path.join(dir, 'page'));
      await writeFile(path.join(dir, 'page', 'tool.bin'), 'MZ');
      await writeFile(path.join(dir, 'page', 'notes.bin'), 'plain text');
      const files: Record<string, FileDescriptor> = {
        'block:a': { file: 'tool.bin', name: 'tool.exe', size: 2, sha256: '', contentType: 'application/x-msdownload', sourceKey: '' },
        'block:b': { file: 'notes.bin', name: 'notes.txt', size: 10, sha256: '', contentType: null, sourceKey: '' },
      };
      await writeFile(path.join(dir, 'page', 'files.json'), JSON.stringify(files));
      const reader = await SnapshotReader.open(directorySource(dir));
      const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
      const uploader = new FileUploader(new NotionGateway(client, new RateLimiter({ requestsPerSecond: 1000, burst: 100 })), reader, null);
      await uploader.uploadFrom('page', () => true);
      expect(uploader.failures).toEqual([{ ref: 'block:a', reason: expect.stringMatching(/^Notion refused the upload of tool\.exe: /) }]);
      expect(uploader.idFor('block:b')).toEqual(expect.any(String));
    } finally {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
