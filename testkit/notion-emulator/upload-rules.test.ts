import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { richWorkspace } from './fixtures/rich-workspace';
import { expectRefused, richTextOf, sdkClient, startTestEmulator, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

// File Upload API rules ("Working with files and media", "Create a file upload", "Send a file upload"),
// each checked through the SDK.
let emulator: RunningEmulator;
useTestEmulator((started) => (emulator = started), 'data-and-clock');

async function uploaded(filename: string, contentType: string, data = 'bytes'): Promise<string> {
  const client = sdkClient(emulator);
  const created = await client.fileUploads.create({ filename, content_type: contentType });
  await client.fileUploads.send({ file_upload_id: created.id, file: { data: new Blob([data], { type: contentType }), filename } });
  return created.id;
}

const fileBlock = (id: string) => ({ file: { file_upload: { id } } });

describe('file types', () => {
  it('refuses unsupported extensions and content types, and names without an extension', async () => {
    const client = sdkClient(emulator);
    await expectRefused(client.fileUploads.create({ filename: 'archive.zip' }), 'the file extension `.zip` is not supported');
    await expectRefused(client.fileUploads.create({ filename: 'tool.exe', content_type: 'application/x-msdownload' }), '`.exe` is not supported');
    await expectRefused(client.fileUploads.create({ content_type: 'application/zip' }), 'the content type `application/zip` is not supported');
    await expectRefused(client.fileUploads.create({ filename: 'README' }), 'should include a file extension');
    await expectRefused(client.fileUploads.create({ mode: 'single_part', filename: 'a.pdf', number_of_parts: 2 }), 'number_of_parts should be not present for single_part');
    expect(await client.fileUploads.create({ filename: 'Report.PDF' })).toMatchObject({ status: 'pending', content_type: 'application/pdf' });
  });

  it('requires the content type to match the extension and the bytes sent', async () => {
    const client = sdkClient(emulator);
    await expectRefused(client.fileUploads.create({ filename: 'photo.png', content_type: 'application/pdf' }), 'does not match the file extension `.png`');
    await expectRefused(client.fileUploads.create({ filename: 'photo.png', content_type: 'application/octet-stream' }), 'the content type `application/octet-stream` is not supported');
    const created = await client.fileUploads.create({ filename: 'notes.txt', content_type: 'text/plain' });
    await expectRefused(
      client.fileUploads.send({ file_upload_id: created.id, file: { data: new Blob(['x'], { type: 'image/png' }), filename: 'notes.txt' } }),
      'was sent as `image/png`',
    );
    const blank = await client.fileUploads.create({});
    await expectRefused(
      client.fileUploads.send({ file_upload_id: blank.id, file: { data: new Blob(['x']) } }),
      'neither a supported extension nor a content type',
    );
  });
});

describe('attaching uploads', () => {
  it('attaches an upload once; a second attachment, even in the same request, is refused', async () => {
    const client = sdkClient(emulator);
    const id = await uploaded('notes.txt', 'text/plain');
    await expectRefused(client.blocks.children.append({ block_id: facts.ids.home, children: [fileBlock(id), fileBlock(id)] }), 'is already attached');
    expect(await client.fileUploads.retrieve({ file_upload_id: id })).toMatchObject({ status: 'uploaded', expiry_time: expect.any(String) });
    await client.blocks.children.append({ block_id: facts.ids.home, children: [fileBlock(id)] });
    await expectRefused(client.blocks.children.append({ block_id: facts.ids.home, children: [fileBlock(id)] }), 'is already attached');
    await expectRefused(
      client.comments.create({ parent: { page_id: facts.ids.home }, rich_text: richTextOf('again'), attachments: [{ file_upload_id: id }] }),
      'is already attached',
    );
  });

  it('refuses uploads that are pending, expired or belong to another token', async () => {
    const client = sdkClient(emulator);
    const pending = await client.fileUploads.create({ filename: 'a.txt' });
    await expectRefused(client.blocks.children.append({ block_id: facts.ids.home, children: [fileBlock(pending.id)] }), 'has status `pending`');
    const stale = await uploaded('b.txt', 'text/plain');
    emulator.admin.setClockOffsetMs(3_600_000 + 120_000);
    await expectRefused(client.blocks.children.append({ block_id: facts.ids.home, children: [fileBlock(stale)] }), 'has status `expired`');
    emulator.admin.setClockOffsetMs(0);
    const theirs = await uploaded('c.txt', 'text/plain');
    await expectRefused(sdkClient(emulator, 'personal').blocks.children.append({ block_id: facts.ids.home, children: [fileBlock(theirs)] }), 'Could not find file upload');
  });

  it('needs a file of the matching kind: image blocks, icons and covers take images, pdf blocks PDFs', async () => {
    const client = sdkClient(emulator);
    const pdf = await uploaded('manual.pdf', 'application/pdf');
    await expectRefused(client.blocks.children.append({ block_id: facts.ids.home, children: [{ image: { file_upload: { id: pdf } } }] }), 'cannot be used where a file of type `image`');
    await expectRefused(client.blocks.children.append({ block_id: facts.ids.home, children: [{ video: { file_upload: { id: pdf } } }] }), 'type `video`');
    await expectRefused(client.blocks.children.append({ block_id: facts.ids.home, children: [{ audio: { file_upload: { id: pdf } } }] }), 'type `audio`');
    await expectRefused(client.pages.update({ page_id: facts.ids.home, icon: { type: 'file_upload', file_upload: { id: pdf } } }), 'type `image`');
    await expectRefused(client.pages.update({ page_id: facts.ids.home, cover: { type: 'file_upload', file_upload: { id: pdf } } }), 'type `image`');
    const png = await uploaded('pic.png', 'image/png');
    await expectRefused(client.blocks.children.append({ block_id: facts.ids.home, children: [{ pdf: { file_upload: { id: png } } }] }), 'type `pdf`');
    await client.blocks.children.append({ block_id: facts.ids.home, children: [{ pdf: { file_upload: { id: pdf } } }, { image: { file_upload: { id: png } } }] });
  });
});

describe('sizes and modes', () => {
  it('refuses multi-part uploads in a Free workspace (5 MiB per file)', async () => {
    const free = richWorkspace();
    free.workspace.maxFileUploadSizeBytes = 5 * 1024 * 1024;
    const limited = await startTestEmulator({ workspace: free });
    try {
      const client = sdkClient(limited);
      await expectRefused(client.fileUploads.create({ mode: 'multi_part', filename: 'big.mp4', number_of_parts: 2 }), 'only available in paid workspaces');
    } finally {
      await limited.close();
    }
  });

  it('refuses more than 20 MB in one send, part numbers on single-part uploads, and completing single-part uploads', async () => {
    const client = sdkClient(emulator);
    const single = await client.fileUploads.create({ filename: 'huge.pdf' });
    const big = new Blob([new Uint8Array(20 * 1024 * 1024 + 1)], { type: 'application/pdf' });
    await expectRefused(client.fileUploads.send({ file_upload_id: single.id, file: { data: big, filename: 'huge.pdf' } }), 'at most 20971520 bytes');
    await expectRefused(client.fileUploads.send({ file_upload_id: single.id, part_number: '1', file: { data: new Blob(['x']), filename: 'huge.pdf' } }), 'part_number is only allowed');
    await expectRefused(client.fileUploads.complete({ file_upload_id: single.id }), 'Only multi_part file uploads can be completed');
  });

  it('limits filenames to 900 bytes and multi-part uploads to 1–1000 named parts', async () => {
    const client = sdkClient(emulator);
    await expectRefused(client.fileUploads.create({ filename: `${'é'.repeat(449)}.pdf` }), 'body.filename.length should be ≤ `900`, instead was `902`.');
    await expectRefused(client.fileUploads.create({ mode: 'multi_part', filename: 'a.mp4', number_of_parts: 1001 }), 'between 1 and 1000');
    await expectRefused(client.fileUploads.create({ mode: 'multi_part', filename: 'a.mp4', number_of_parts: 0 }), 'between 1 and 1000');
    await expectRefused(client.fileUploads.create({ mode: 'multi_part', content_type: 'video/mp4', number_of_parts: 2 }), 'body.filename should be defined for multi_part uploads');
  });

  it('accepts data only while pending and completes only with every part', async () => {
    const client = sdkClient(emulator);
    const id = await uploaded('done.txt', 'text/plain');
    await expectRefused(client.fileUploads.send({ file_upload_id: id, file: { data: new Blob(['x'], { type: 'text/plain' }), filename: 'done.txt' } }), 'only pending uploads accept data');
    const multi = await client.fileUploads.create({ mode: 'multi_part', filename: 'clip.mp4', number_of_parts: 3 });
    await client.fileUploads.send({ file_upload_id: multi.id, part_number: '3', file: { data: new Blob([new Uint8Array(3)]) } });
    await expectRefused(client.fileUploads.complete({ file_upload_id: multi.id }), 'Expected 3 parts but received 1');
    await expectRefused(client.fileUploads.send({ file_upload_id: multi.id, part_number: '4', file: { data: new Blob([new Uint8Array(3)]) } }), 'part_number should be an integer between 1 and 3');
  });
});
