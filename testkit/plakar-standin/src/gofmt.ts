/**
 * Go formatting plakar's output depends on: humanize.IBytes, time.Duration.String and Round,
 * time.Time.String and RFC3339, fs.FileMode.String, strconv.Quote, and plakar's SanitizeText.
 */

/** humanize.IBytes: "0 B", "512 B", "1.2 KiB", "15 MiB" (a space before the unit). */
export function iBytes(size: number | bigint): string {
  const s = typeof size === 'bigint' ? Number(size) : size;
  if (s < 10) return `${Math.max(0, Math.trunc(s))} B`;
  const sizes = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  const e = Math.floor(Math.log(s) / Math.log(1024));
  const suffix = sizes[e] ?? 'EiB';
  // val = floor(s / 1024^e * 10 + 0.5) / 10, kept as an integer number of tenths.
  const tenths = Math.floor((s / 1024 ** e) * 10 + 0.5);
  if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10} ${suffix}`;
  // "%.0f": round half to even, as Go's strconv does for exact halves.
  const whole = Math.floor(tenths / 10);
  const rest = tenths % 10;
  const rounded = rest > 5 || (rest === 5 && whole % 2 === 1) ? whole + 1 : whole;
  return `${rounded} ${suffix}`;
}

const NS_PER_US = 1_000n;
const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;

/** time.Duration.String for a duration in nanoseconds. */
export function goDuration(nanoseconds: bigint | number): string {
  let u = typeof nanoseconds === 'bigint' ? nanoseconds : BigInt(Math.round(nanoseconds));
  const neg = u < 0n;
  if (neg) u = -u;
  let out: string;
  if (u < NS_PER_S) {
    if (u === 0n) return '0s';
    if (u < NS_PER_US) out = `${u}ns`;
    else if (u < NS_PER_MS) out = `${fmtFrac(u, 3)}µs`;
    else out = `${fmtFrac(u, 6)}ms`;
  } else {
    const seconds = u / NS_PER_S;
    const frac = u % NS_PER_S;
    const fracText = frac === 0n ? '' : `.${frac.toString().padStart(9, '0').replace(/0+$/, '')}`;
    const s = seconds % 60n;
    const minutes = seconds / 60n;
    out = `${s}${fracText}s`;
    if (minutes > 0n) {
      out = `${minutes % 60n}m${out}`;
      const hours = minutes / 60n;
      if (hours > 0n) out = `${hours}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

function fmtFrac(value: bigint, precision: number): string {
  const scale = 10n ** BigInt(precision);
  const whole = value / scale;
  const frac = value % scale;
  if (frac === 0n) return `${whole}`;
  return `${whole}.${frac.toString().padStart(precision, '0').replace(/0+$/, '')}`;
}

/** time.Duration.Round(m): halfway values round away from zero. */
export function roundDuration(nanoseconds: bigint, multiple: bigint): bigint {
  if (multiple <= 0n) return nanoseconds;
  const neg = nanoseconds < 0n;
  const d = neg ? -nanoseconds : nanoseconds;
  const r = d % multiple;
  const rounded = r + r < multiple ? d - r : d + multiple - r;
  return neg ? -rounded : rounded;
}

export const SECOND = NS_PER_S;

/** Wall clock now, in nanoseconds since the epoch (sub-millisecond digits from the hrtime clock). */
export function nowNs(): bigint {
  return BigInt(Date.now()) * NS_PER_MS + (process.hrtime.bigint() % NS_PER_MS);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function splitNs(ns: bigint): { ms: number; nanos: bigint } {
  let seconds = ns / NS_PER_S;
  let nanos = ns % NS_PER_S;
  if (nanos < 0n) {
    nanos += NS_PER_S;
    seconds -= 1n;
  }
  return { ms: Number(seconds) * 1000, nanos };
}

/** `time.Format(time.RFC3339)` of the UTC time: 2026-02-04T21:44:24Z. */
export function rfc3339Utc(ns: bigint): string {
  const { ms } = splitNs(ns);
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

/** RFC3339Nano in UTC, the stand-in's storage format for times. */
export function rfc3339NanoUtc(ns: bigint): string {
  const { nanos } = splitNs(ns);
  const base = rfc3339Utc(ns).slice(0, -1);
  const frac = nanos === 0n ? '' : `.${nanos.toString().padStart(9, '0').replace(/0+$/, '')}`;
  return `${base}${frac}Z`;
}

/** Parses an RFC3339 (optionally fractional) timestamp into nanoseconds; undefined if malformed. */
export function parseRfc3339(text: string): bigint | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const ms = validUtc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  if (ms === undefined) return undefined;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  const nanos = BigInt((frac ?? '').padEnd(9, '0') || '0');
  return BigInt(ms - offsetMinutes * 60_000) * NS_PER_MS + nanos;
}

/** Date.UTC with Go's range validation (time.Parse rejects 2026-02-30). */
export function validUtc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  return ms;
}

function zoneAbbreviation(date: Date, offsetMinutes: number): string {
  if (offsetMinutes === 0 && (process.env.TZ === undefined || /^(UTC|Etc\/UTC|UTC0|GMT|)$/.test(process.env.TZ))) {
    return 'UTC';
  }
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (part && !/^GMT[+-]/.test(part)) return part === 'GMT' ? 'UTC' : part;
  } catch {
    // fall through to the numeric form Go uses for zones without an abbreviation
  }
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return abs % 60 === 0 ? `${sign}${pad(abs / 60)}` : `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** time.Time.String in the local zone: "2006-01-02 15:04:05.999999999 -0700 MST". */
export function goTimeString(ns: bigint, withFraction = true): string {
  const { ms, nanos } = splitNs(ns);
  const d = new Date(ms);
  const offsetMinutes = -d.getTimezoneOffset();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const frac = withFraction && nanos !== 0n ? `.${nanos.toString().padStart(9, '0').replace(/0+$/, '')}` : '';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${frac} ` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)} ${zoneAbbreviation(d, offsetMinutes)}`
  );
}

/** Local time as Go's `time.Now().Format(layout)` for the few layouts plakar uses. */
export function localStamp(date: Date, layout: 'compact' | 'log'): string {
  const y = date.getFullYear();
  const mo = pad(date.getMonth() + 1);
  const d = pad(date.getDate());
  const h = pad(date.getHours());
  const mi = pad(date.getMinutes());
  const s = pad(date.getSeconds());
  return layout === 'compact' ? `${y}${mo}${d}${h}${mi}${s}` : `${y}/${mo}/${d} ${h}:${mi}:${s}`;
}

/** Go fs.FileMode bits (the high bits are the type; stored as an unsigned 32-bit number). */
export const MODE = {
  dir: 2 ** 31,
  append: 2 ** 30,
  exclusive: 2 ** 29,
  temporary: 2 ** 28,
  symlink: 2 ** 27,
  device: 2 ** 26,
  namedPipe: 2 ** 25,
  socket: 2 ** 24,
  setuid: 2 ** 23,
  setgid: 2 ** 22,
  charDevice: 2 ** 21,
  sticky: 2 ** 20,
  irregular: 2 ** 19,
} as const;

/** fs.FileMode.String: "drwxr-xr-x", "-rw-r--r--", "Lrwxrwxrwx", "dtrwxrwxrwx". */
export function fileModeString(mode: number): string {
  const letters = 'dalTLDpSugct?';
  let out = '';
  for (let i = 0; i < letters.length; i += 1) {
    if (Math.floor(mode / 2 ** (31 - i)) % 2 === 1) out += letters[i];
  }
  if (out === '') out = '-';
  const rwx = 'rwxrwxrwx';
  for (let i = 0; i < 9; i += 1) out += (mode >> (8 - i)) & 1 ? rwx[i] : '-';
  return out;
}

export function modeHas(mode: number, bit: number): boolean {
  return Math.floor(mode / bit) % 2 === 1;
}

export function isDirMode(mode: number): boolean {
  return modeHas(mode, MODE.dir);
}

export function isSymlinkMode(mode: number): boolean {
  return modeHas(mode, MODE.symlink);
}

/** fs.FileMode.IsRegular: none of the type bits set. */
export function isRegularMode(mode: number): boolean {
  const typeMask = [MODE.dir, MODE.symlink, MODE.namedPipe, MODE.socket, MODE.device, MODE.charDevice, MODE.irregular];
  return typeMask.every((bit) => !modeHas(mode, bit));
}

/** strconv.Quote, good enough for the flag values plakar echoes back. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** plakar utils.SanitizeText: every code point Go's unicode.IsPrint rejects becomes '?'. */
export function sanitizeText(text: string): string {
  let out = '';
  for (const ch of text) out += PRINTABLE.test(ch) ? ch : '?';
  return out;
}
