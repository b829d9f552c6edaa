// The app icon and the tray icons, drawn in code (no image files to keep in sync) and encoded as
// PNG by pngjs. Plain Node, not a service: electron/main/tray.ts turns these buffers into
// nativeImages, scripts/make-icons.ts writes the installer icons under build/. Output is
// deterministic: same size in, same pixels (and, with one zlib build, same bytes) out.
import { PNG } from 'pngjs';

/**
 * Encodes width×height RGBA pixels (row-major, 4 bytes each, not premultiplied) as a PNG file:
 * 8-bit RGBA, no interlace, filter 0 ("None") on every scanline, deflate level 9 with zlib's
 * default strategy. These options keep the bytes the committed build/ icons were written with
 * (pngjs would otherwise pick filters per row and use the RLE strategy).
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`PNG size must be positive integers, got ${width}×${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`expected ${width * height * 4} RGBA bytes for ${width}×${height}, got ${rgba.length}`);
  }
  const png = new PNG({ width, height });
  png.data.set(rgba);
  return PNG.sync.write(png, { colorType: 6, inputColorType: 6, bitDepth: 8, filterType: 0, deflateLevel: 9, deflateStrategy: 0 });
}

// ---------------------------------------------------------------------------------------------
// A tiny rasteriser. Shapes are point tests in unit coordinates (0..1, y down); each layer is
// painted with 4×4 samples per pixel, so edges get 17 levels of coverage (anti-aliasing).
// Kept by hand, not a drawing library: see docs/architecture.md, "Hand-written infrastructure".

type Rgb = readonly [number, number, number];
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  /** Paint colour, or a function of the position (gradients). Ignored when erasing. */
  colour?: Rgb | ((x: number, y: number) => Rgb);
  alpha?: number;
  /** Cut the shape out of what is below (transparent), instead of painting it. */
  erase?: boolean;
  /** Where the shape can be (x0, y0, x1, y1): pixels outside are skipped, which saves time. */
  box?: readonly [number, number, number, number];
}

const SAMPLES = 4;

const hex = (value: string): Rgb => {
  const n = Number.parseInt(value.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
};

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0: number, y0: number, x1: number, y1: number): Shape => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((shape) => shape(x, y));
const around = (x: number, y: number, r: number) => [x - r, y - r, x + r, y + r] as const;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

/** Even-odd point-in-polygon test. */
function polygon(points: ReadonlyArray<readonly [number, number]>): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] as readonly [number, number];
      const [xj, yj] = points[j] as readonly [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A straight stroke of the given width with round ends. */
function stroke(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  const lengthSq = (bx - ax) ** 2 + (by - ay) ** 2;
  return (x, y) => {
    const t = Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSq));
    return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2;
  };
}

/** Part of a ring, from angle `from` clockwise (y down) to `to`, in degrees, 0 = east. */
function arc(cx: number, cy: number, r0: number, r1: number, from: number, to: number): Shape {
  return (x, y) => {
    const d2 = (x - cx) ** 2 + (y - cy) ** 2;
    if (d2 < r0 * r0 || d2 > r1 * r1) return false;
    const angle = (((Math.atan2(y - cy, x - cx) * 180) / Math.PI - from) % 360 + 360) % 360;
    return angle <= to - from;
  };
}

function render(size: number, layers: readonly Layer[]): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const step = 1 / (size * SAMPLES);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0; // premultiplied, 0..255 and 0..1
      for (const layer of layers) {
        const box = layer.box;
        if (box && ((px + 1) / size < box[0] || px / size > box[2] || (py + 1) / size < box[1] || py / size > box[3])) continue;
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (layer.shape((px * SAMPLES + sx + 0.5) * step, (py * SAMPLES + sy + 0.5) * step)) hits++;
          }
        }
        if (hits === 0) continue;
        const cover = (hits / SAMPLES ** 2) * (layer.alpha ?? 1);
        if (layer.erase) {
          r *= 1 - cover; g *= 1 - cover; b *= 1 - cover; a *= 1 - cover;
          continue;
        }
        const paint = layer.colour ?? [0, 0, 0];
        const [cr, cg, cb] = typeof paint === 'function' ? paint((px + 0.5) / size, (py + 0.5) / size) : paint;
        r = cr * cover + r * (1 - cover); g = cg * cover + g * (1 - cover); b = cb * cover + b * (1 - cover);
        a = cover + a * (1 - cover);
      }
      const at = (py * size + px) * 4;
      if (a > 0) out.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round(a * 255)], at);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// App icon: a white page with a folded corner on a teal-to-blue rounded square, and a green
// "backed up" badge (a circular arrow) on the page's lower right.

const TILE_TOP = hex('#0f766e');
const TILE_BOTTOM = hex('#1e3a8a');
const tileColour = (x: number, y: number): Rgb => {
  const t = Math.min(1, Math.max(0, (x * 0.35 + y * 0.65 - 0.1) / 0.8)); // top-left to bottom-right
  const mix = (i: 0 | 1 | 2): number => TILE_TOP[i] + (TILE_BOTTOM[i] - TILE_TOP[i]) * t;
  return [mix(0), mix(1), mix(2)];
};

function appIconLayers(): Layer[] {
  const badge = { x: 0.69, y: 0.71, r: 0.18 };
  // A circular arrow: a ring from 1 o'clock clockwise round the bottom to 10 o'clock, then an
  // arrowhead there pointing on clockwise (y is down, so angles grow clockwise; 0° is 3 o'clock).
  const [from, to, mid, half] = [-45, 215, badge.r * 0.6, 0.024];
  const [ux, uy] = [Math.cos((to * Math.PI) / 180), Math.sin((to * Math.PI) / 180)];
  const head = polygon([
    [badge.x + (mid - 0.056) * ux, badge.y + (mid - 0.056) * uy],
    [badge.x + (mid + 0.056) * ux, badge.y + (mid + 0.056) * uy],
    [badge.x + mid * ux - 0.065 * uy, badge.y + mid * uy + 0.065 * ux],
  ]);
  return [
    { shape: roundedRect(0.0625, 0.0625, 0.9375, 0.9375, 0.2), colour: tileColour },
    { shape: polygon([[0.26, 0.19], [0.55, 0.19], [0.7, 0.34], [0.7, 0.81], [0.26, 0.81]]), colour: hex('#ffffff'), box: [0.26, 0.19, 0.7, 0.81] },
    { shape: polygon([[0.55, 0.19], [0.55, 0.34], [0.7, 0.34]]), colour: hex('#b9dde3'), box: [0.55, 0.19, 0.7, 0.34] },
    {
      shape: union(stroke(0.34, 0.44, 0.6, 0.44, 0.04), stroke(0.34, 0.53, 0.56, 0.53, 0.04), stroke(0.34, 0.62, 0.47, 0.62, 0.04)),
      colour: hex('#9ec5cf'),
      box: [0.32, 0.42, 0.62, 0.64],
    },
    { shape: circle(badge.x, badge.y, badge.r + 0.035), colour: tileColour, box: around(badge.x, badge.y, badge.r + 0.035) },
    { shape: circle(badge.x, badge.y, badge.r), colour: hex('#10b981'), box: around(badge.x, badge.y, badge.r) },
    { shape: union(arc(badge.x, badge.y, mid - half, mid + half, from, to), head), colour: hex('#ffffff'), box: around(badge.x, badge.y, badge.r) },
  ];
}

/** The application icon as a size×size PNG (transparent outside the rounded square). */
export function renderAppIcon(size: number): Buffer {
  return encodePng(size, size, render(size, appIconLayers()));
}

// ---------------------------------------------------------------------------------------------
// Tray icons: the page alone, one flat colour per state, on a transparent background. Every state
// but idle adds a badge in the lower right, so the state reads without colour too.

export type TrayIconState = 'idle' | 'running' | 'warning' | 'failed';

export const TRAY_TINTS: Record<TrayIconState, string> = {
  idle: '#4b5563',
  running: '#2563eb',
  warning: '#d97706',
  failed: '#dc2626',
};

// Edges sit on multiples of 1/16, so the glyph is crisp at 16 px and 32 px (and close at 22/44 px).
const px16 = (n: number): number => n / 16;

/** Where the tray badge sits (unit coordinates; tests sample around it) and its transparent gap. */
export const TRAY_BADGE = { x: px16(11.5), y: px16(11.5), r: px16(4), gap: px16(1) } as const;

function trayIconLayers(state: TrayIconState): Layer[] {
  const tint = hex(TRAY_TINTS[state]);
  const { x, y, r, gap } = TRAY_BADGE;
  const bar = px16(1);
  const layers: Layer[] = [
    { shape: union(rect(px16(3), px16(1), px16(9), px16(15)), rect(px16(9), px16(5), px16(13), px16(15))), colour: tint },
    { shape: polygon([[px16(9), px16(1)], [px16(9), px16(5)], [px16(13), px16(5)]]), colour: tint, alpha: 0.5 },
    {
      shape: union(rect(px16(5), px16(5), px16(11), px16(6)), rect(px16(5), px16(8), px16(10), px16(9)), rect(px16(5), px16(11), px16(8), px16(12))),
      erase: true,
    },
  ];
  if (state === 'idle') return layers;
  layers.push({ shape: circle(x, y, r + gap), erase: true });
  if (state === 'running') {
    layers.push({ shape: arc(x, y, r - 2 * bar, r, 0, 270), colour: tint }); // a spinner: 3/4 of a ring
  } else {
    layers.push({ shape: circle(x, y, r), colour: tint });
    const cut: Shape =
      state === 'warning'
        ? union(stroke(x, y - r * 0.55, x, y + r * 0.12, bar), circle(x, y + r * 0.5, bar * 0.6))
        : union(stroke(x - r * 0.42, y - r * 0.42, x + r * 0.42, y + r * 0.42, bar * 1.1), stroke(x - r * 0.42, y + r * 0.42, x + r * 0.42, y - r * 0.42, bar * 1.1));
    layers.push({ shape: cut, erase: true });
  }
  return layers;
}

/** A tray icon for the given state as a size×size PNG (16/32 px, or 22/44 px on Linux). */
export function renderTrayIcon(state: TrayIconState, size: number): Buffer {
  return encodePng(size, size, render(size, trayIconLayers(state)));
}

/** The tray icon at 16 px and 32 px, for a nativeImage with @1x and @2x representations. */
export function renderTrayIconSet(state: TrayIconState): { size1x: Buffer; size2x: Buffer } {
  return { size1x: renderTrayIcon(state, 16), size2x: renderTrayIcon(state, 32) };
}
