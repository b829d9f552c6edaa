/**
 * A clone of Go's `flag` package as plakar uses it (FlagSet with ExitOnError): `-f v`, `-f=v`,
 * `--f`, bool flags that take no separate value, parsing stops at the first non-flag or after `--`,
 * `-h`/`-help` print the usage and exit 0, any other parse error prints the message and the usage on
 * stderr and exits 2. Messages are byte-for-byte those of Go's flag package.
 */
import { ExitRequest } from './errors';
import { goQuote } from './gofmt';

type FlagKind = 'bool' | 'string' | 'int' | 'value' | 'boolfunc';

interface FlagDef {
  name: string;
  kind: FlagKind;
  usage: string;
  /** Default as Go prints it (DefValue). */
  defValue: string;
  set: (value: string) => void;
  /** True when the default is the zero value, so PrintDefaults omits "(default …)". */
  zeroDefault: boolean;
}

export class FlagError extends Error {}

export class FlagSet {
  private readonly defs = new Map<string, FlagDef>();
  private readonly setFlags = new Set<string>();
  private rest: string[] = [];
  usage: () => void;

  constructor(
    readonly name: string,
    private readonly writeErr: (text: string) => void,
  ) {
    this.usage = () => {
      this.writeErr(this.name === '' ? 'Usage:\n' : `Usage of ${this.name}:\n`);
      this.printDefaults();
    };
  }

  output(text: string): void {
    this.writeErr(text);
  }

  bool(name: string, defValue: boolean, usage: string): { value: boolean } {
    const box = { value: defValue };
    this.define({
      name,
      kind: 'bool',
      usage,
      defValue: String(defValue),
      zeroDefault: !defValue,
      set: (text) => {
        const parsed = parseGoBool(text);
        if (parsed === undefined) throw new FlagError('parse error');
        box.value = parsed;
      },
    });
    return box;
  }

  string(name: string, defValue: string, usage: string): { value: string } {
    const box = { value: defValue };
    this.define({ name, kind: 'string', usage, defValue, zeroDefault: defValue === '', set: (text) => (box.value = text) });
    return box;
  }

  int(name: string, defValue: number, usage: string): { value: number } {
    const box = { value: defValue };
    this.define({
      name,
      kind: 'int',
      usage,
      defValue: String(defValue),
      zeroDefault: defValue === 0,
      set: (text) => {
        box.value = parseGoInt(text);
      },
    });
    return box;
  }

  /** A flag.Var / flag.Func: `set` may throw an Error whose message Go would print. */
  func(name: string, usage: string, set: (value: string) => void, defValue = ''): void {
    this.define({ name, kind: 'value', usage, defValue, zeroDefault: defValue === '', set });
  }

  /** flag.BoolFunc: a value-less flag that calls `set("true")`. */
  boolFunc(name: string, usage: string, set: (value: string) => void): void {
    this.define({ name, kind: 'boolfunc', usage, defValue: '', zeroDefault: true, set });
  }

  private define(def: FlagDef): void {
    if (this.defs.has(def.name)) throw new Error(`${this.name} flag redefined: ${def.name}`);
    this.defs.set(def.name, def);
  }

  isSet(name: string): boolean {
    return this.setFlags.has(name);
  }

  args(): string[] {
    return [...this.rest];
  }

  nArg(): number {
    return this.rest.length;
  }

  arg(index: number): string {
    return this.rest[index] ?? '';
  }

  /** Parses like Go's ExitOnError FlagSet: exits (via ExitRequest) on error or help. */
  parse(args: readonly string[]): void {
    const pending = [...args];
    for (;;) {
      const result = this.parseOne(pending);
      if (result === 'done') break;
      if (result === 'help') throw new ExitRequest(0);
    }
    this.rest = pending;
  }

  private failf(message: string): never {
    this.writeErr(`${message}\n`);
    this.usage();
    throw new ExitRequest(2);
  }

  private parseOne(pending: string[]): 'done' | 'more' | 'help' {
    const s = pending[0];
    if (s === undefined) return 'done';
    if (s.length < 2 || s[0] !== '-') return 'done';
    let minuses = 1;
    if (s[1] === '-') {
      minuses = 2;
      if (s.length === 2) {
        pending.shift();
        return 'done';
      }
    }
    let name = s.slice(minuses);
    if (name.length === 0 || name[0] === '-' || name[0] === '=') this.failf(`bad flag syntax: ${s}`);
    pending.shift();
    let hasValue = false;
    let value = '';
    const eq = name.indexOf('=', 1);
    if (eq > 0) {
      value = name.slice(eq + 1);
      hasValue = true;
      name = name.slice(0, eq);
    }
    const def = this.defs.get(name);
    if (!def) {
      if (name === 'help' || name === 'h') {
        this.usage();
        return 'help';
      }
      this.failf(`flag provided but not defined: -${name}`);
    }
    if (def.kind === 'bool' || def.kind === 'boolfunc') {
      const text = hasValue ? value : 'true';
      try {
        def.set(text);
      } catch (error) {
        const reason = errorText(error);
        if (hasValue) this.failf(`invalid boolean value ${goQuote(value)} for -${name}: ${reason}`);
        this.failf(`invalid boolean flag ${name}: ${reason}`);
      }
    } else {
      if (!hasValue && pending.length > 0) {
        hasValue = true;
        value = pending.shift() ?? '';
      }
      if (!hasValue) this.failf(`flag needs an argument: -${name}`);
      try {
        def.set(value);
      } catch (error) {
        this.failf(`invalid value ${goQuote(value)} for flag -${name}: ${errorText(error)}`);
      }
    }
    this.setFlags.add(name);
    return 'more';
  }

  /** Go's PrintDefaults: flags sorted by name, two-line layout, "(default …)" when not zero. */
  printDefaults(): void {
    const names = [...this.defs.keys()].sort();
    for (const name of names) {
      const def = this.defs.get(name);
      if (!def) continue;
      let line = `  -${def.name}`;
      const { typeName, usage } = unquoteUsage(def);
      if (typeName.length > 0) line += ` ${typeName}`;
      line += line.length <= 4 ? '\t' : '\n    \t';
      line += usage.replaceAll('\n', '\n    \t');
      if (!def.zeroDefault) {
        line += def.kind === 'string' ? ` (default ${goQuote(def.defValue)})` : ` (default ${def.defValue})`;
      }
      this.writeErr(`${line}\n`);
    }
  }
}

function unquoteUsage(def: FlagDef): { typeName: string; usage: string } {
  const usage = def.usage;
  const start = usage.indexOf('`');
  if (start >= 0) {
    const end = usage.indexOf('`', start + 1);
    if (end > start) {
      const typeName = usage.slice(start + 1, end);
      return { typeName, usage: usage.slice(0, start) + typeName + usage.slice(end + 1) };
    }
  }
  switch (def.kind) {
    case 'bool':
    case 'boolfunc':
      return { typeName: '', usage };
    case 'string':
      return { typeName: 'string', usage };
    case 'int':
      return { typeName: 'int', usage };
    default:
      return { typeName: 'value', usage };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** strconv.ParseBool */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 0, 64) with flag's numError mapping. */
export function parseGoInt(text: string): number {
  const match = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*|0)$/.exec(text);
  if (!match) throw new FlagError('parse error');
  const sign = match[1] === '-' ? -1n : 1n;
  let digits = (match[2] ?? '').replaceAll('_', '');
  let value: bigint;
  if (/^0[xX]/.test(digits)) value = BigInt(digits);
  else if (/^0[bB]/.test(digits)) value = BigInt(digits);
  else if (/^0[oO]/.test(digits)) value = BigInt(`0o${digits.slice(2)}`);
  else if (digits.length > 1 && digits.startsWith('0')) {
    digits = digits.slice(1);
    value = BigInt(`0o${digits}`);
  } else value = BigInt(digits);
  value *= sign;
  if (value > 9223372036854775807n || value < -9223372036854775808n) throw new FlagError('value out of range');
  return Number(value);
}
