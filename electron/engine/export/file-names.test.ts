import { describe, expect, it } from 'vitest';
import { FolderNames, sanitiseFileName, sanitiseName } from './file-names';

describe('sanitiseName', () => {
  it('removes what some OS refuses', () => {
    expect(sanitiseName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(sanitiseName('line\nbreak\u0007bell\ttab')).toBe('line break bell tab');
    expect(sanitiseName('  Trailing dots... ')).toBe('Trailing dots');
    expect(sanitiseName('.hidden')).toBe('_hidden');
    expect(sanitiseName('..')).toBe('Untitled');
  });

  it('removes bidi control characters, so a name cannot disguise its extension', () => {
    expect(sanitiseName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('report\u202E\u2066\u2069\u202A\u200E\u200F\u061Cgpj.exe')).toBe('reportgpj.exe');
    expect(sanitiseName('a\u202B\u202C\u202D\u2067\u2068b')).toBe('ab');
    expect(sanitiseName('👨\u200D👩\u200D👧 family')).toBe('👨\u200D👩\u200D👧 family');
  });

  it('avoids reserved Windows device names, with or without an extension', () => {
    expect(sanitiseName('CON')).toBe('CON_');
    expect(sanitiseName('nul')).toBe('nul_');
    expect(sanitiseName('com1.txt')).toBe('com1_.txt');
    expect(sanitiseName('LPT9')).toBe('LPT9_');
    expect(sanitiseName('Console')).toBe('Console');
  });

  it('names empty titles "Untitled" and keeps long ones under 100 characters and 200 bytes', () => {
    expect(sanitiseName('')).toBe('Untitled');
    expect(sanitiseName('   ')).toBe('Untitled');
    expect(sanitiseName('x'.repeat(300))).toHaveLength(100);
    const cjk = sanitiseName('漢'.repeat(120));
    expect(Buffer.byteLength(cjk)).toBeLessThanOrEqual(200);
    expect([...sanitiseName('😀'.repeat(120))].every((c) => c === '😀')).toBe(true);
    expect(sanitiseName('Café'.normalize('NFD'))).toBe('Café'.normalize('NFC'));
  });

  it('keeps a plain extension on attachment names', () => {
    expect(sanitiseFileName('report: final?.PDF')).toBe('report_ final_.pdf');
    expect(sanitiseFileName('dir/inner/photo.jpeg')).toBe('photo.jpeg');
    expect(sanitiseFileName('archive.tar.gz')).toBe('archive.tar.gz');
    expect(sanitiseFileName('no extension')).toBe('no extension');
    expect(sanitiseFileName('')).toBe('file');
  });
});

describe('FolderNames', () => {
  it('numbers duplicates, ignoring case, so a document and its folder share a stem', () => {
    const names = new FolderNames();
    names.reserve('index.md');
    expect(names.claimStem('Notes', ['.md', ''])).toBe('Notes');
    expect(names.claimStem('notes', ['.md', ''])).toBe('notes (2)');
    expect(names.claimStem('Notes', ['.md', ''])).toBe('Notes (3)');
    expect(names.claimStem('index', ['.md', ''])).toBe('index (2)');
    expect(names.claimFile('Notes.md')).toBe('Notes (4).md');
    expect(names.claimFile('photo.png')).toBe('photo.png');
    expect(names.claimFile('PHOTO.png')).toBe('PHOTO (2).png');
  });
});
