import { isFullBlock, isFullPage } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { richWorkspace } from './fixtures/rich-workspace';
import { failure, richTextOf, sdkClient, startTestEmulator, useTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
useTestEmulator((started) => (emulator = started), 'data-and-clock');

const HOUR = 3_600_000;

async function homeImageUrl(): Promise<{ url: string; expiry_time: string }> {
  const children = await sdkClient(emulator).blocks.children.list({ block_id: facts.ids.home });
  const image = children.results.find((block) => isFullBlock(block) && block.type === 'image' && block.image.type === 'file');
  if (!image || !isFullBlock(image) || image.type !== 'image' || image.image.type !== 'file') throw new Error('no hosted image');
  return image.image.file;
}

describe('Notion-hosted files', () => {
  it('hands out signed URLs that serve the bytes, expire after an hour, and are fresh on each read', async () => {
    const first = await homeImageUrl();
    expect(first.url).toMatch(new RegExp(`^${emulator.url}/__files/[0-9a-f-]{36}/diagram\\.png\\?.*X-Amz-Expires=3600`));
    expect(first.url).toContain('X-Amz-Signature=');
    expect(Date.parse(first.expiry_time) - Date.now()).toBeGreaterThan(HOUR - 5000);
    expect(first.expiry_time).toMatch(/\.\d{3}Z$/);
    const ok = await fetch(first.url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await ok.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    emulator.admin.setClockOffsetMs(HOUR - 60_000);
    expect((await fetch(first.url)).status).toBe(200);
    emulator.admin.setClockOffsetMs(HOUR + 60_000);
    const expired = await fetch(first.url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');

    const fresh = await homeImageUrl();
    expect(fresh.url).not.toBe(first.url);
    expect((await fetch(fresh.url)).status).toBe(200);
  });

  it('refuses a tampered signature with AccessDenied', async () => {
    const { url } = await homeImageUrl();
    const tampered = url.replace(/X-Amz-Signature=[0-9a-f]{4}/, 'X-Amz-Signature=0000');
    const response = await fetch(tampered);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('signs icons, covers, files properties and comment attachments', async () => {
    const client = sdkClient(emulator);
    const level1 = await client.pages.retrieve({ page_id: facts.ids.childPages[0] });
    expect(level1).toMatchObject({ icon: { type: 'file', file: { url: expect.stringContaining('/__files/') } }, cover: { type: 'file' } });
    const mega = await client.pages.retrieve({ page_id: facts.ids.megaProjectRow });
    const files = isFullPage(mega) ? (mega.properties['Attachments'] as { files: { type: string; name: string }[] }).files : [];
    expect(files.map((file) => [file.name, file.type])).toEqual([['spec.pdf', 'file'], ['brief', 'external']]);
    const comments = await client.comments.list({ block_id: facts.ids.annotatedParagraphBlock });
    const attachment = comments.results[0]?.attachments?.[0];
    expect((await fetch(attachment?.file.url ?? '')).status).toBe(200);
  });
});

async function upload(data: string, filename = 'hello.txt', contentType = 'text/plain'): Promise<string> {
  const client = sdkClient(emulator);
  const created = await client.fileUploads.create({ mode: 'single_part', filename, content_type: contentType });
  expect(created).toMatchObject({ object: 'file_upload', status: 'pending', upload_url: `${emulator.url}/v1/file_uploads/${created.id}/send` });
  const sent = await client.fileUploads.send({ file_upload_id: created.id, file: { data: new Blob([data], { type: contentType }), filename } });
  expect(sent).toMatchObject({ status: 'uploaded', content_length: Buffer.byteLength(data), filename });
  return created.id;
}

describe('File Upload API', () => {
  it('creates, sends and attaches an upload; the block then carries a hosted file with the bytes', async () => {
    const client = sdkClient(emulator);
    const id = await upload('hello from the upload');
    const appended = await client.blocks.children.append({ block_id: facts.ids.home, children: [{ file: { file_upload: { id }, name: 'hello.txt' } }] });
    const block = appended.results[0];
    if (!block || !isFullBlock(block) || block.type !== 'file' || block.file.type !== 'file') throw new Error('expected a hosted file block');
    expect(block.file.name).toBe('hello.txt');
    expect(await (await fetch(block.file.file.url)).text()).toBe('hello from the upload');
    expect(await client.fileUploads.retrieve({ file_upload_id: id })).toMatchObject({ status: 'uploaded', expiry_time: null });
    const iconId = await upload('not really a png', 'icon.png', 'image/png');
    const page = await client.pages.update({ page_id: facts.ids.childPages[1], icon: { type: 'file_upload', file_upload: { id: iconId } } });
    expect(page).toMatchObject({ icon: { type: 'file', file: { url: expect.stringContaining(iconId) } } });
    const attachmentId = await upload('attached to a comment');
    const comment = await client.comments.create({ parent: { page_id: facts.ids.home }, rich_text: richTextOf('see file'), attachments: [{ file_upload_id: attachmentId }] });
    expect(comment).toMatchObject({ attachments: [{ category: 'productivity', file: { url: expect.any(String) } }] });
  });

  it('expires an upload that is not attached within an hour', async () => {
    const client = sdkClient(emulator);
    const id = await upload('stale');
    emulator.admin.setClockOffsetMs(HOUR + 120_000);
    expect(await client.fileUploads.retrieve({ file_upload_id: id })).toMatchObject({ status: 'expired' });
    const error = await failure(client.blocks.children.append({ block_id: facts.ids.home, children: [{ image: { file_upload: { id } } }] }));
    expect(error).toMatchObject({ status: 400, code: 'validation_error' });
    expect(error.message).toContain('expired');
  });

  it('enforces the workspace upload size limit', async () => {
    const small = richWorkspace();
    small.workspace.maxFileUploadSizeBytes = 1024;
    const limited = await startTestEmulator({ workspace: small });
    try {
      const client = sdkClient(limited);
      const created = await client.fileUploads.create({ filename: 'big.pdf' });
      const error = await failure(client.fileUploads.send({ file_upload_id: created.id, file: { data: new Blob([new Uint8Array(2048)]), filename: 'big.pdf' } }));
      expect(error).toMatchObject({ status: 400, code: 'validation_error' });
      expect(error.message).toContain('1024');
      expect(await client.users.me({})).toHaveProperty('bot.workspace_limits.max_file_upload_size_in_bytes', 1024);
    } finally {
      await limited.close();
    }
  });

  it('supports multi-part uploads with part_number and complete', async () => {
    const client = sdkClient(emulator);
    const created = await client.fileUploads.create({ mode: 'multi_part', filename: 'large.mp4', content_type: 'video/mp4', number_of_parts: 2 });
    expect(created).toMatchObject({ status: 'pending', number_of_parts: { total: 2, sent: 0 } });
    const partOne = new Uint8Array(5 * 1024 * 1024).fill(1);
    await client.fileUploads.send({ file_upload_id: created.id, part_number: '2', file: { data: new Blob([new Uint8Array([2, 2, 2])]) } });
    const sent = await client.fileUploads.send({ file_upload_id: created.id, part_number: '1', file: { data: new Blob([partOne]) } });
    expect(sent).toMatchObject({ status: 'pending', number_of_parts: { total: 2, sent: 2 } });
    const done = await client.fileUploads.complete({ file_upload_id: created.id });
    expect(done).toMatchObject({ status: 'uploaded', content_length: partOne.length + 3 });
    const tooSmall = await client.fileUploads.create({ mode: 'multi_part', filename: 'x.pdf', number_of_parts: 2 });
    const error = await failure(client.fileUploads.send({ file_upload_id: tooSmall.id, part_number: '1', file: { data: new Blob([new Uint8Array(10)]) } }));
    expect(error.message).toContain('at least');
  });

  it('keeps uploads private to the token that created them', async () => {
    const id = await upload('mine');
    expect(await failure(sdkClient(emulator, 'personal').fileUploads.retrieve({ file_upload_id: id }))).toMatchObject({ status: 404 });
  });
});
