import { describe, expect, it } from 'vitest';
import { cleanFileName, fileNameOfUrl, originalFileName } from './file-names';

const caption = (text: string) => [{ type: 'text', plain_text: text, text: { content: text } }];
const SIGNED = 'https://prod-files-secure.s3.us-west-2.amazonaws.com/ws/0b1c/demo.mp4?X-Amz-Signature=abc&X-Amz-Expires=3600';

describe('originalFileName', () => {
  it('prefers the name Notion gives, then a caption that looks like a file name, then the URL', () => {
    expect(originalFileName({ name: 'Quarterly report.pdf', caption: caption('report.pdf'), url: SIGNED })).toBe('Quarterly report.pdf');
    expect(originalFileName({ caption: caption('clip.mp4'), url: SIGNED })).toBe('clip.mp4');
    expect(originalFileName({ caption: caption('A short demo of the app'), url: SIGNED })).toBe('demo.mp4');
    expect(originalFileName({ name: '   ', caption: [], url: SIGNED })).toBe('demo.mp4');
    expect(originalFileName({ url: 'not a url' })).toBeNull();
  });

  it('takes a caption only when its extension agrees with the URL’s', () => {
    expect(originalFileName({ caption: caption('see e.g'), url: SIGNED })).toBe('demo.mp4');
    expect(originalFileName({ caption: caption('Version 2.0'), url: 'https://files.example.com/a/b' })).toBe('b');
    expect(originalFileName({ caption: caption('Notes.TXT'), url: 'https://files.example.com/a/upload.txt' })).toBe('Notes.TXT');
    expect(originalFileName({ caption: caption('two\nlines.txt'), url: 'https://files.example.com/a/b' })).toBe('b');
  });
});

describe('fileNameOfUrl', () => {
  it('decodes the last path segment, without query string or fragment', () => {
    expect(fileNameOfUrl(SIGNED)).toBe('demo.mp4');
    expect(fileNameOfUrl('https://x.example/a/My%20cover%20%C3%A9t%C3%A9.png?sig=1#top')).toBe('My cover été.png');
    expect(fileNameOfUrl('https://x.example/a/%E0%A4%A.png')).toBe('%E0%A4%A.png');
    expect(fileNameOfUrl('https://x.example/a/%2F..%2Fetc%2Fpasswd')).toBe('_.._etc_passwd');
    expect(fileNameOfUrl('https://x.example/')).toBeNull();
    expect(fileNameOfUrl('relative/path.png')).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps ordinary names as they are', () => {
    expect(cleanFileName('demo.mp4')).toBe('demo.mp4');
    expect(cleanFileName('Rapport final (v2).PDF')).toBe('Rapport final (v2).PDF');
    expect(cleanFileName('.env')).toBe('.env');
  });

  it('removes path separators, control and bidi characters, and surrounding spaces', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(cleanFileName('C:\\Users\\me\\a.txt')).toBe('C:_Users_me_a.txt');
    expect(cleanFileName('a\u0000b\u001f\u007f\u0085.txt')).toBe('ab.txt');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('a\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061Cb.txt')).toBe('ab.txt');
    expect(cleanFileName('  spaced.txt \n')).toBe('spaced.txt');
  });

  it('refuses names that are empty or only dots', () => {
    for (const name of ['', '   ', '.', '..', ' .. ', '\u0000']) expect(cleanFileName(name), JSON.stringify(name)).toBeNull();
    expect(cleanFileName(42)).toBeNull();
    expect(cleanFileName(null)).toBeNull();
  });

  it('limits the length to 255 UTF-8 bytes, keeping the extension and whole characters', () => {
    const long = cleanFileName(`${'x'.repeat(400)}.pdf`) ?? '';
    expect(Buffer.byteLength(long)).toBe(255);
    expect(long.endsWith('.pdf')).toBe(true);
    const emoji = cleanFileName(`${'😀'.repeat(100)}.png`) ?? '';
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(255);
    expect(emoji.endsWith('.png')).toBe(true);
    expect(emoji).toBe(`${'😀'.repeat(62)}.png`);
  });
});
