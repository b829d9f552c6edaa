import { describe, expect, it } from 'vitest';
import type { FileDescriptor } from '../snapshot/writer';
import { uploadFileName } from './uploads';

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
