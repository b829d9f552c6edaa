/**
 * plakar's config dir (`utils/config.go`, `config/config.go`): stores.yml, sources.yml and
 * destinations.yml, created on the first run of any command, written atomically (temp + rename),
 * and `@name[:root]` resolution.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isErrno, messageOf } from './errors';
import { parseYaml, stringifyYaml, type YamlMap } from './yaml';

export const CONFIG_VERSION = 'v1.0.0';

export type Section = Record<string, string>;

export interface PlakarConfig {
  defaultRepository: string;
  stores: Record<string, Section>;
  sources: Record<string, Section>;
  destinations: Record<string, Section>;
}

function toSections(value: string | YamlMap | undefined): Record<string, Section> {
  const out: Record<string, Section> = {};
  if (!value || typeof value === 'string') return out;
  for (const [name, section] of Object.entries(value)) {
    if (typeof section === 'string') continue;
    const flat: Section = {};
    for (const [key, item] of Object.entries(section)) if (typeof item === 'string') flat[key] = item;
    out[name] = flat;
  }
  return out;
}

/** Returns undefined when the file does not exist. */
function loadFile(dir: string, file: string, top: 'stores' | 'sources' | 'destinations'): { sections: Record<string, Section>; def: string } | undefined {
  const full = path.join(dir, file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw new Error(`failed to open file ${full}: ${messageOf(error)}`);
  }
  if (text.length === 0) return { sections: {}, def: '' };
  let doc: YamlMap;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new Error(`failed to parse config file: ${messageOf(error)}`);
  }
  if (doc.version === CONFIG_VERSION) {
    return { sections: toSections(doc[top]), def: typeof doc.default === 'string' ? doc.default : '' };
  }
  // Previous format: the file is the map of sections itself, the default flagged `.isDefault`.
  const sections = toSections(doc);
  let def = '';
  for (const [name, section] of Object.entries(sections)) {
    if ('.isDefault' in section) {
      if (def !== '') throw new Error('multiple default store');
      def = name;
      delete section['.isDefault'];
    }
  }
  return { sections, def };
}

export function loadConfig(dir: string): PlakarConfig {
  const sources = loadFile(dir, 'sources.yml', 'sources');
  const destinations = loadFile(dir, 'destinations.yml', 'destinations');
  const stores = loadFile(dir, 'stores.yml', 'stores') ?? loadFile(dir, 'klosets.yml', 'stores');
  if (!sources || !destinations || !stores) {
    // plakar's LoadFallback: migrate an old plakar.yml if any (not supported here) and save the
    // config in the current format right away, which is how the files appear on a first run.
    const cfg: PlakarConfig = {
      defaultRepository: stores?.def ?? '',
      stores: stores?.sections ?? {},
      sources: sources?.sections ?? {},
      destinations: destinations?.sections ?? {},
    };
    try {
      saveConfig(dir, cfg);
    } catch (error) {
      throw new Error(`failed to update config file: ${messageOf(error)}`);
    }
    return cfg;
  }
  return {
    defaultRepository: stores.def,
    stores: stores.sections,
    sources: sources.sections,
    destinations: destinations.sections,
  };
}

function saveOne(dir: string, file: string, doc: YamlMap, order: string[]): void {
  const tmp = path.join(dir, `config.${randomBytes(5).readUInt32BE(0)}.yml`);
  try {
    writeFileSync(tmp, stringifyYaml(doc, order), { mode: 0o600 });
    renameSync(tmp, path.join(dir, file));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

export function saveConfig(dir: string, cfg: PlakarConfig): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  saveOne(dir, 'sources.yml', { version: CONFIG_VERSION, sources: cfg.sources }, ['version', 'sources']);
  saveOne(dir, 'destinations.yml', { version: CONFIG_VERSION, destinations: cfg.destinations }, ['version', 'destinations']);
  const stores: YamlMap = { version: CONFIG_VERSION, stores: cfg.stores };
  if (cfg.defaultRepository !== '') stores.default = cfg.defaultRepository;
  saveOne(dir, 'stores.yml', stores, ['version', 'default', 'stores']);
}

function splitRootOverride(name: string): [string, string] {
  const index = name.indexOf(':');
  return index === -1 ? [name, ''] : [name.slice(0, index), name.slice(index + 1)];
}

function applyRootOverride(location: string, override: string): string {
  if (override === '') return location;
  if (location.startsWith('/')) return override.startsWith('/') ? override : path.join(location, override);
  try {
    const url = new URL(location);
    url.pathname = override.startsWith('/') ? override : path.posix.join(url.pathname, override);
    return url.toString();
  } catch {
    return location;
  }
}

/** Config.GetRepository: a plain location, or `@name[:root]` from stores.yml. */
export function getRepository(cfg: PlakarConfig, name: string): Section {
  if (!name.startsWith('@')) return { location: name };
  const [base, override] = splitRootOverride(name);
  const section = cfg.stores[base.slice(1)];
  if (!section) throw new Error(`could not resolve repository: ${base}`);
  if (section.location === undefined) throw new Error(`repository ${base} has no location`);
  return { ...section, location: applyRootOverride(section.location, override) };
}

function getNamed(sections: Record<string, Section>, name: string): Section | undefined {
  const [base, override] = splitRootOverride(name);
  const section = sections[base];
  if (!section) return undefined;
  return { ...section, location: applyRootOverride(section.location ?? '', override) };
}

export function getSource(cfg: PlakarConfig, name: string): Section | undefined {
  return getNamed(cfg.sources, name);
}

export function getDestination(cfg: PlakarConfig, name: string): Section | undefined {
  return getNamed(cfg.destinations, name);
}
