/**
 * plakar's config files (yaml.v3: block mappings of strings, 4-space indent, `{}` for an empty
 * map), read and written with the `yaml` package. What stays here is what plakar's Go library does
 * differently from it: the messages and line numbers of yaml.v3's errors, and its quoting rule.
 */
import type { Node, Range, YAMLParseError } from 'yaml';
import { Document, isAlias, isMap, isScalar, isSeq, Pair, parseAllDocuments, Scalar, visit, YAMLMap } from 'yaml';

export type YamlMap = { [key: string]: string | YamlMap };

export class YamlError extends Error {}

export function parseYaml(text: string): YamlMap {
  // yaml.v3's Decoder reads the first document and stops; a file with none (comments only) is io.EOF.
  const [doc] = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
  if (!doc) throw new YamlError('EOF');
  if (doc.errors.length > 0) throw new YamlError(goYamlMessage(text, doc));
  if (doc.contents === null || (isScalar(doc.contents) && isNullScalar(doc.contents))) return {};
  return toMap(text, doc, doc.contents);
}

/** A plain scalar yaml.v3 reads as null, which decodes to a string's zero value. */
const isNullScalar = (node: Scalar): boolean => node.type === 'PLAIN' && /^(?:|~|null|Null|NULL)$/.test(String(node.value));

function resolved(doc: Document, node: unknown): unknown {
  if (!isAlias(node)) return node;
  const target = node.resolve(doc);
  if (target === undefined) throw new YamlError(`yaml: unknown anchor '${node.source}' referenced`);
  return target;
}

function toMap(text: string, doc: Document, node: Node): YamlMap {
  const target = resolved(doc, node) as Node;
  if (!isMap(target)) throw new YamlError(unmarshalError(text, target));
  const map: YamlMap = {};
  for (const { key, value } of target.items) {
    const name = isScalar(key) ? String(key.value) : '';
    const item = resolved(doc, value);
    if (item === null || item === undefined) map[name] = '';
    else if (isScalar(item)) map[name] = isNullScalar(item) ? '' : String(item.value);
    else map[name] = toMap(text, doc, item as Node);
  }
  return map;
}

function unmarshalError(text: string, node: Node): string {
  const kind = isSeq(node) ? '!!seq' : isScalar(node) ? `!!str \`${String(node.value)}\`` : '!!map';
  return `yaml: unmarshal errors:\n  line ${lineOf(text, node.range?.[0] ?? 0) + 1}: cannot unmarshal ${kind} into map[string]string`;
}

// ---------------------------------------------------------------------------------------------
// yaml.v3's error messages. Its scanner and parser stop at the first problem, say it in libyaml's
// words, and print a line computed from two marks: the "context" (where the construct started) if
// that is not on the first line, else the "problem" (where it went wrong); +1 for scanner errors
// only, so parser errors read one line early. The `yaml` package reports the same mistakes with
// its own codes and positions; each is mapped below to the yaml.v3 error plakar prints for it
// (checked against plakar v1.1.4, see units.test.ts).

interface GoYamlError {
  problem: string;
  context: number;
  at: number;
  scanner: boolean;
  /** Where yaml.v3 notices it: of several reported mistakes, it reports the one it meets first. */
  seen: number;
}

function goYamlMessage(text: string, doc: Document): string {
  const found = doc.errors.map((error) => goYamlError(text, doc, error)).sort((a, b) => a.seen - b.seen)[0];
  if (!found) return 'yaml: unknown problem parsing YAML content';
  const [context, at] = [lineOf(text, found.context), lineOf(text, found.at)];
  const line = context !== 0 ? context : at;
  return line === 0 ? `yaml: ${found.problem}` : `yaml: line ${line + (found.scanner ? 1 : 0)}: ${found.problem}`;
}

function goYamlError(text: string, doc: Document, error: YAMLParseError): GoYamlError {
  const [start, end] = error.pos;
  const scanner = (problem: string, context: number, at = context, seen = context): GoYamlError => ({ problem, context, at, seen, scanner: true });
  const parser = (problem: string, context: number, at: number): GoYamlError => ({ problem, context, at, seen: at, scanner: false });
  const keyWithoutColon = (key: number): GoYamlError => scanner("could not find expected ':'", key, endOfLine(text, key), endOfLine(text, key));
  const colonTooDeep = (colon: number): GoYamlError => scanner('mapping values are not allowed in this context', colon);
  switch (error.code) {
    case 'TAB_AS_INDENT': {
      // Right after a plain value, yaml.v3 is still reading that value (it may go on, indented).
      const value = nodeStart(doc, (node, range) => isScalar(node) && node.type === 'PLAIN' && range[2] === start);
      if (value !== undefined) return scanner('found a tab character that violates indentation', value, start, start);
      return scanner('found character that cannot start any token', start);
    }
    case 'BAD_SCALAR_START':
      return scanner('found character that cannot start any token', start);
    case 'BAD_DQ_ESCAPE': {
      const opened = nodeStart(doc, (node, range) => isScalar(node) && range[0] < start && start < range[1]) ?? start;
      return scanner('found unknown escape character', opened, start, opened);
    }
    case 'MISSING_CHAR':
      if (/closing .?quote/.test(error.message)) {
        const opened = nodeStart(doc, (node, range) => isScalar(node) && node.type !== 'PLAIN' && range[1] === start) ?? start;
        return scanner('found unexpected end of stream', opened, text.length, opened);
      }
      return keyWithoutColon(start);
    case 'MULTILINE_IMPLICIT_KEY':
      // A line without ':' where a key must be (a sibling key above at the same column) is an error
      // right away; elsewhere yaml.v3 reads on as a multi-line value and fails at the next ':'.
      return keyRequiredAt(text, start) ? keyWithoutColon(start) : colonTooDeep(end);
    case 'BLOCK_AS_IMPLICIT_KEY':
      return colonTooDeep(nextColon(text, start));
    case 'UNEXPECTED_TOKEN':
      if (/block-seq-ind/.test(error.message)) return parser('did not find expected key', mappingStart(text, start), start);
      break;
    case 'BAD_INDENT': {
      if (/mapping items/.test(error.message)) {
        const item = start + (/^[ \t]*/.exec(text.slice(start))?.[0].length ?? 0); // the package points at the indentation
        return parser('did not find expected key', mappingStart(text, item), item);
      }
      const flow = /Flow (map|sequence)/.exec(error.message);
      if (flow) {
        const opened = nodeStart(doc, (node, range) => (isMap(node) || isSeq(node)) && node.flow === true && range[1] === start) ?? start;
        return parser(`did not find expected ',' or '${flow[1] === 'map' ? '}' : ']'}'`, opened, start);
      }
      break;
    }
  }
  return scanner(error.message.charAt(0).toLowerCase() + error.message.slice(1), start);
}

/** 0-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

function endOfLine(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

function nextColon(text: string, offset: number): number {
  const match = /:(?=[ \t\r\n]|$)/g;
  match.lastIndex = offset;
  return match.exec(text)?.index ?? offset;
}

/** Where the last node that `wanted` accepts starts (ranges: start, value end, node end). */
function nodeStart(doc: Document, wanted: (node: Node, range: Range) => boolean): number | undefined {
  let found: number | undefined;
  const check = (node: Node): void => {
    if (node.range && wanted(node, node.range)) found = node.range[0];
  };
  visit(doc, { Scalar: (_, node) => check(node), Map: (_, node) => check(node), Seq: (_, node) => check(node) });
  return found;
}

/** The lines before `offset`'s line, nearest first, with their offset and indentation (blank and comment lines skipped). */
function* linesAbove(text: string, offset: number): Generator<{ start: number; indent: number }> {
  let end = text.lastIndexOf('\n', offset - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) yield { start, indent };
    end = start - 1;
  }
}

function columnOf(text: string, offset: number): { column: number; firstOnLine: boolean } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { column: offset - lineStart, firstOnLine: text.slice(lineStart, offset).trim() === '' };
}

function keyRequiredAt(text: string, offset: number): boolean {
  const { column, firstOnLine } = columnOf(text, offset);
  if (!firstOnLine) return false;
  for (const line of linesAbove(text, offset)) if (line.indent <= column) return line.indent === column;
  return false;
}

/** Where the block mapping that `offset`'s line should continue starts (its first key). */
function mappingStart(text: string, offset: number): number {
  const { column } = columnOf(text, offset);
  let indent: number | undefined;
  let start = offset;
  for (const line of linesAbove(text, offset)) {
    if (indent === undefined) {
      if (line.indent > column) continue;
      indent = line.indent;
    }
    if (line.indent < indent) break;
    if (line.indent === indent) start = line.start;
  }
  return start;
}

// ---------------------------------------------------------------------------------------------
// Writing. yaml.v3 quotes a string when Go's resolver would read the plain form as another type
// (including YAML 1.1 booleans such as yes/on/y) or when plain style cannot hold it; neither of the
// package's schemas (core, yaml-1.1) draws that line the same way, so the choice is made here and
// the package writes the scalar (escapes, indentation, `{}`).

const PLAIN_UNSAFE = /^(?:|true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

function needsQuotes(value: string): boolean {
  return PLAIN_UNSAFE.test(value) || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$/.test(value) || /: |:$| #|[\n\r\t\0]/.test(value);
}

function scalar(value: string): Scalar<string> {
  const node = new Scalar(value);
  node.type = needsQuotes(value) ? 'QUOTE_DOUBLE' : 'PLAIN';
  return node;
}

function toNode(map: YamlMap, order?: readonly string[]): YAMLMap<Scalar<string>, unknown> {
  const node = new YAMLMap<Scalar<string>, unknown>();
  for (const key of order ? order.filter((k) => k in map) : Object.keys(map).sort()) {
    const item = map[key];
    if (item !== undefined) node.items.push(new Pair(scalar(key), typeof item === 'string' ? scalar(item) : toNode(item)));
  }
  return node;
}

/** yaml.v3-like encoding: keys in the given order for the top level, sorted below it. */
export function stringifyYaml(map: YamlMap, topOrder?: readonly string[]): string {
  const doc = new Document(toNode(map, topOrder));
  return doc.toString({ indent: 4, lineWidth: 0, singleQuote: false });
}
