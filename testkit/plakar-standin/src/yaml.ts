/**
 * The small YAML subset plakar's config files use (yaml.v3 output: block mappings of strings,
 * 4-space indent, `{}` for an empty map), read and written without a dependency.
 */

export type YamlMap = { [key: string]: string | YamlMap };

export class YamlError extends Error {}

interface Line {
  indent: number;
  key: string;
  rest: string;
  lineNo: number;
}

function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i += 1;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i);
  }
  return text;
}

function splitKey(text: string, lineNo: number): { key: string; rest: string } {
  let keyEnd = -1;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i += 1;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ':' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      keyEnd = i;
      break;
    }
  }
  if (keyEnd < 0) throw new YamlError(`yaml: line ${lineNo}: could not find expected ':'`);
  return { key: unquote(text.slice(0, keyEnd).trim()), rest: text.slice(keyEnd + 1).trim() };
}

export function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value
      .slice(1, -1)
      .replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_m, esc: string) => {
        if (esc.startsWith('x') || esc.startsWith('u')) return String.fromCharCode(parseInt(esc.slice(1), 16));
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '"': '"', '\\': '\\', '/': '/' };
        return map[esc] ?? esc;
      });
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replaceAll("''", "'");
  return value;
}

export function parseYaml(text: string): YamlMap {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '---') return;
    const content = stripComment(raw).replace(/\s+$/, '');
    if (content.trim() === '') return;
    if (/^\t/.test(content)) throw new YamlError(`yaml: line ${index + 1}: found character that cannot start any token`);
    const indent = content.length - content.trimStart().length;
    const { key, rest } = splitKey(content.trimStart(), index + 1);
    lines.push({ indent, key, rest, lineNo: index + 1 });
  });
  let position = 0;
  const parseBlock = (indent: number): YamlMap => {
    const map: YamlMap = {};
    while (position < lines.length) {
      const line = lines[position];
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw new YamlError(`yaml: line ${line.lineNo}: mapping values are not allowed in this context`);
      position += 1;
      if (line.rest === '' || line.rest === '{}') {
        const next = lines[position];
        map[line.key] = line.rest === '' && next && next.indent > indent ? parseBlock(next.indent) : line.rest === '{}' ? {} : '';
      } else {
        map[line.key] = unquote(line.rest);
      }
    }
    return map;
  };
  return parseBlock(lines[0]?.indent ?? 0);
}

const PLAIN_UNSAFE = /^(?:|true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

function quoteScalar(value: string): string {
  const needs =
    PLAIN_UNSAFE.test(value) ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) ||
    /\s$/.test(value) ||
    /: |:$| #|[\n\r\t\0]/.test(value);
  if (!needs) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`;
}

/** yaml.v3-like encoding: keys in the given order for the top level, sorted below it. */
export function stringifyYaml(map: YamlMap, topOrder?: readonly string[]): string {
  const out: string[] = [];
  const emit = (value: YamlMap, depth: number, order?: readonly string[]): void => {
    const keys = order ? order.filter((k) => k in value) : Object.keys(value).sort();
    for (const key of keys) {
      const item = value[key];
      if (item === undefined) continue;
      const pad = ' '.repeat(depth * 4);
      if (typeof item === 'string') out.push(`${pad}${quoteScalar(key)}: ${quoteScalar(item)}`);
      else if (Object.keys(item).length === 0) out.push(`${pad}${quoteScalar(key)}: {}`);
      else {
        out.push(`${pad}${quoteScalar(key)}:`);
        emit(item, depth + 1);
      }
    }
  };
  emit(map, 0, topOrder);
  return `${out.join('\n')}\n`;
}
