import { compactId, dashedId, fullyDecoded } from './common';

/** `{{notion:block_property:<url-encoded property id>:<data source id, or zeros for "this one">:<uuid>}}` */
const TOKEN = /\{\{notion:block_property:([^:{}]+):([^:{}]+):[^{}]*\}\}/g;
/** prop("Name") not preceded by `.`: a property of the formula's own data source (`x.prop(…)` is another's). */
const OWN_PROP = /(?<![.\w])prop\("((?:[^"\\]|\\.)*)"\)/g;

export interface FormulaRewrite {
  expression: string;
  /** tokens that named no known property */
  unresolved: string[];
  /** names of the formula's own data source it uses */
  ownReferences: string[];
}

export interface FormulaNames {
  ownDataSourceId: string;
  /** own property name by (possibly URL-encoded) id */
  ownNameById(propertyId: string): string | undefined;
  propertyNameLookup?(dataSourceId: string, propertyId: string): string | undefined;
}

export function quoteProp(name: string): string {
  return `prop("${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}")`;
}

function unquote(escaped: string): string {
  return escaped.replace(/\\(.)/g, '$1');
}

function isOwnDataSource(id: string, ownId: string): boolean {
  const compact = compactId(id);
  return /^0+$/.test(compact) || compact === compactId(ownId);
}

/** The forms a property id may take: as written in the token, decoded, and encoded once (as in schemas). */
function candidateIds(propertyId: string): string[] {
  const decoded = fullyDecoded(propertyId);
  return [...new Set([propertyId, decoded, encodeURIComponent(decoded)])];
}

function firstFound(ids: string[], find: (id: string) => string | undefined): string | undefined {
  for (const id of ids) {
    const found = find(id);
    if (found !== undefined) return found;
  }
  return undefined;
}

function lookupElsewhere(names: FormulaNames, dataSourceId: string, propertyId: string): string | undefined {
  const lookup = names.propertyNameLookup;
  if (!lookup) return undefined;
  const sources = [...new Set([dashedId(dataSourceId), dataSourceId])];
  return firstFound(sources, (source) => firstFound(candidateIds(propertyId), (id) => lookup(source, id)));
}

/** Rewrites Notion's property tokens to prop("Name") and lists what the formula refers to. */
export function rewriteFormula(expression: string, names: FormulaNames): FormulaRewrite {
  const unresolved: string[] = [];
  const rewritten = expression.replace(TOKEN, (token, propertyId: string, dataSourceId: string) => {
    const own = isOwnDataSource(dataSourceId, names.ownDataSourceId);
    const name = own ? firstFound(candidateIds(propertyId), names.ownNameById) : lookupElsewhere(names, dataSourceId, propertyId);
    if (name === undefined) {
      unresolved.push(token);
      return token;
    }
    return quoteProp(name);
  });
  const ownReferences = [...rewritten.matchAll(OWN_PROP)].map((match) => unquote(match[1] ?? ''));
  return { expression: rewritten, unresolved, ownReferences: [...new Set(ownReferences)] };
}

/** Formulas ordered so each comes after the formulas of the same data source it uses (cycles keep their order). */
export function orderFormulas<T extends { name: string; references: string[] }>(formulas: T[]): T[] {
  const byName = new Map(formulas.map((formula) => [formula.name, formula]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (formula: T): void => {
    if (state.has(formula.name)) return;
    state.set(formula.name, 'visiting');
    for (const reference of formula.references) {
      const dependency = byName.get(reference);
      if (dependency && dependency !== formula) visit(dependency);
    }
    state.set(formula.name, 'done');
    ordered.push(formula);
  };
  formulas.forEach(visit);
  return ordered;
}
