/**
 * kloset `locate.ParseTimeFlag` (-before/-since/-force-timestamp) and PlakarKorp/go-human2duration:
 * RFC3339, `2006-01-02 15:04[:05]`, `2006-01-02`, `2006/01/02` (UTC), or a human duration such as
 * `30d`, `2h`, `1h30m`, `2 weeks`, meaning now minus that duration.
 */
import { nowNs, parseRfc3339, validUtc } from './gofmt';

const NS = { s: 1_000_000_000, min: 60_000_000_000, h: 3_600_000_000_000, d: 86_400_000_000_000 };

const UNITS: Record<string, number> = {
  s: NS.s,
  sec: NS.s,
  second: NS.s,
  seconds: NS.s,
  mi: NS.min,
  min: NS.min,
  minute: NS.min,
  minutes: NS.min,
  h: NS.h,
  hr: NS.h,
  hour: NS.h,
  hours: NS.h,
  d: NS.d,
  day: NS.d,
  days: NS.d,
  w: 7 * NS.d,
  week: 7 * NS.d,
  weeks: 7 * NS.d,
  m: 30 * NS.d,
  mo: 30 * NS.d,
  month: 30 * NS.d,
  months: 30 * NS.d,
  y: 365 * NS.d,
  year: 365 * NS.d,
  years: 365 * NS.d,
};

const FUZZY: Record<string, number> = {
  'half an hour': 30 * NS.min,
  'an hour and a half': 90 * NS.min,
  'half a day': 12 * NS.h,
  'a second': NS.s,
  'a minute': NS.min,
  'an hour': NS.h,
  'a day': NS.d,
  'a week': 7 * NS.d,
  'a month': 30 * NS.d,
  'a year': 365 * NS.d,
};

/** Go's time.ParseDuration for the units plakar users type (h, m, s, ms, us, µs, ns). */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const units: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let sign = 1;
  let rest = text;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '') return undefined;
  let index = 0;
  while (index < rest.length) {
    re.lastIndex = index;
    const match = re.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * (units[match[2] ?? ''] ?? 0);
    index = re.lastIndex;
  }
  return sign * total;
}

function parseTimestamp(input: string): bigint | undefined {
  const rfc = parseRfc3339(input);
  if (rfc !== undefined) return rfc;
  let m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(input);
  if (m) {
    const ms = validUtc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
    return ms === undefined ? undefined : BigInt(ms) * 1_000_000n;
  }
  m = /^(\d{4})([-/])(\d{2})\2(\d{2})$/.exec(input);
  if (m) {
    const ms = validUtc(Number(m[1]), Number(m[3]), Number(m[4]));
    return ms === undefined ? undefined : BigInt(ms) * 1_000_000n;
  }
  return undefined;
}

/** human2duration.ParseDuration, in nanoseconds. */
export function parseHumanDuration(raw: string): number | undefined {
  let input = raw.trim();
  const ts = parseTimestamp(input.toUpperCase());
  if (ts !== undefined) return Number(ts - nowNs());
  input = input.toLowerCase();
  const fuzzy = FUZZY[input];
  if (fuzzy !== undefined) return fuzzy;
  const compact = input.replaceAll(' ', '');
  if (/^(?:\d+h\d+m(?:\d+s)?|\d+m\d+s|\d+h\d+m?)$/.test(compact)) {
    const d = parseGoDuration(compact);
    if (d !== undefined) return d;
  }
  const matches = [...input.matchAll(/([\d.]+)\s*([a-z]+)/g)];
  if (matches.length === 0) return undefined;
  let total = 0;
  let previous = '';
  for (const match of matches) {
    const value = Number(match[1]);
    if (Number.isNaN(value)) return undefined;
    let unit = match[2] ?? '';
    if (unit === 'm') unit = ['h', 'hr', 'hour', 'hours'].includes(previous) ? 'min' : 'month';
    const scale = UNITS[unit];
    if (scale === undefined) return undefined;
    total += value * scale;
    previous = unit;
  }
  return total;
}

/** locate.ParseTimeFlag: returns nanoseconds since the epoch, or throws `invalid time format`. */
export function parseTimeFlag(input: string): bigint | undefined {
  if (input.trim() !== input) throw new Error(`invalid time format: ${JSON.stringify(input)}`);
  if (input === '') return undefined;
  const ts = parseTimestamp(input);
  if (ts !== undefined) return ts;
  const d = parseHumanDuration(input);
  if (d !== undefined) return nowNs() - BigInt(Math.round(d));
  throw new Error(`invalid time format: ${JSON.stringify(input)}`);
}
