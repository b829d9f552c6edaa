import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TrayIconState } from './app-icons';
import { encodePng, renderAppIcon, renderTrayIcon, renderTrayIconSet, TRAY_BADGE, TRAY_TINTS } from './app-icons';

/** A minimal PNG reader for what encodePng writes: checks the framing and CRCs, returns RGBA. */
function decodePng(png: Buffer): { width: number; height: number; colourType: number; rgba: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    at += 12 + length;
  }
  expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = chunks[0]!.data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]); // 8 bit, RGBA, deflate, filter 0, no interlace
  const scanlines = inflateSync(chunks[1]!.data);
  expect(scanlines.length).toBe((width * 4 + 1) * height);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const start = y * (width * 4 + 1);
    expect(scanlines[start]).toBe(0);
    scanlines.copy(rgba, y * width * 4, start + 1, start + 1 + width * 4);
  }
  return { width, height, colourType: header[9]!, rgba };
}

/** The pixel under unit coordinates (0..1) as '#rrggbb' plus its alpha. */
function pixelAt(png: Buffer, ux: number, uy: number): { colour: string; alpha: number } {
  const { width, rgba } = decodePng(png);
  const at = (Math.floor(uy * width) * width + Math.floor(ux * width)) * 4;
  const colour = `#${[...rgba.subarray(at, at + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  return { colour, alpha: rgba[at + 3]! };
}

describe('encodePng', () => {
  it('writes a PNG that decodes back to the same pixels', () => {
    const rgba = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const png = encodePng(3, 2, rgba);
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height, decoded.colourType]).toEqual([3, 2, 6]);
    expect([...decoded.rgba]).toEqual([...rgba]);
  });

  it('ends every chunk with the CRC-32 of its type and data', () => {
    const png = encodePng(1, 1, Uint8Array.from([0, 0, 0, 0]));
    // IEND is always the same 12 bytes: length 0, "IEND", CRC 0xAE426082.
    expect(png.subarray(-12).toString('hex')).toBe('0000000049454e44ae426082');
  });

  it('refuses pixel data of the wrong length and non-positive sizes', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/expected 16 RGBA bytes/);
    expect(() => encodePng(0, 2, new Uint8Array(0))).toThrow(/positive integers/);
  });
});

describe('renderAppIcon', () => {
  it('is a square RGBA PNG of the requested size', () => {
    for (const size of [16, 64, 256]) {
      const { width, height, colourType } = decodePng(renderAppIcon(size));
      expect([width, height, colourType]).toEqual([size, size, 6]);
    }
  });

  it('is opaque in the middle and transparent in the rounded-off corners', () => {
    const icon = renderAppIcon(128);
    expect(pixelAt(icon, 0.5, 0.5).alpha).toBe(255);
    expect(pixelAt(icon, 0.4, 0.3)).toEqual({ colour: '#ffffff', alpha: 255 }); // the white page
    expect(pixelAt(icon, 0.5, 0.07).alpha).toBe(255); // the tile's straight top edge…
    for (const [x, y] of [[0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9], [0, 0]] as const) {
      expect(pixelAt(icon, x, y).alpha, `corner at ${x},${y}`).toBe(0); // …but not its corners
    }
  });

  it('draws the same picture every time', () => {
    expect(renderAppIcon(48).equals(renderAppIcon(48))).toBe(true);
  });
});

describe('renderTrayIcon', () => {
  const states: TrayIconState[] = ['idle', 'running', 'warning', 'failed'];
  const { x, y, r, gap } = TRAY_BADGE;
  const page = [0.25, 0.2] as const; // solid page, away from the fold, lines and badge
  const halo = [x, y - r - gap / 2] as const; // the transparent ring round the badge, above it
  const badgeFill = [x, y - r * 0.7] as const; // inside the badge disc, clear of its "x"

  it('tints the page with the colour of each state', () => {
    expect(TRAY_TINTS).toEqual({ idle: '#4b5563', running: '#2563eb', warning: '#d97706', failed: '#dc2626' });
    for (const state of states) {
      for (const size of [16, 22, 32, 44]) {
        expect(pixelAt(renderTrayIcon(state, size), ...page), `${state} at ${size} px`).toEqual({ colour: TRAY_TINTS[state], alpha: 255 });
      }
    }
  });

  it('has a transparent background', () => {
    for (const state of states) expect(pixelAt(renderTrayIcon(state, 32), 0.02, 0.02).alpha).toBe(0);
  });

  it('marks failed with a red badge carrying a cut-out x, and leaves idle without a badge', () => {
    const idle = renderTrayIcon('idle', 32);
    const failed = renderTrayIcon('failed', 32);
    expect(pixelAt(idle, ...halo)).toEqual({ colour: TRAY_TINTS.idle, alpha: 255 });
    expect(pixelAt(failed, ...halo).alpha).toBe(0);
    expect(pixelAt(failed, ...badgeFill)).toEqual({ colour: TRAY_TINTS.failed, alpha: 255 });
    expect(pixelAt(failed, x - 0.01, y - 0.01).alpha).toBe(0); // the middle of the "x"
    expect(pixelAt(idle, x - 0.01, y - 0.01)).toEqual({ colour: TRAY_TINTS.idle, alpha: 255 });
  });

  it('gives every non-idle state its own badge shape, so state reads without colour', () => {
    const alphaMask = (state: TrayIconState): string => {
      const { rgba } = decodePng(renderTrayIcon(state, 32));
      return Buffer.from(rgba.filter((_, i) => i % 4 === 3)).toString('hex');
    };
    const masks = states.map(alphaMask);
    expect(new Set(masks).size).toBe(states.length);
    expect(pixelAt(renderTrayIcon('running', 32), ...halo).alpha).toBe(0);
    expect(pixelAt(renderTrayIcon('warning', 32), ...halo).alpha).toBe(0);
  });

  it('comes as a 16 px and 32 px pair for @1x and @2x', () => {
    const set = renderTrayIconSet('warning');
    expect(decodePng(set.size1x).width).toBe(16);
    expect(decodePng(set.size2x).width).toBe(32);
    expect(set.size2x.equals(renderTrayIcon('warning', 32))).toBe(true);
  });
});
