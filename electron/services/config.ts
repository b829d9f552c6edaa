import path from 'node:path';
import type { NotionApiVersion } from '../engine/notion/client';
import { DEFAULT_NOTION_API_URL, normaliseNotionApiUrl, parseNotionApiVersion } from '../engine/notion/client';
import type { PlakarDirs } from '../engine/plakar/process';
import { plakarDirsUnder } from '../engine/plakar/process';

/** Everything the service layer needs to know about its surroundings, resolved once at start-up. */
export interface ServiceConfig {
  productName: string;
  version: string;
  electronVersion: string | null;
  chromeVersion: string | null;
  dataDir: string;
  notionApiUrl: string;
  /** NOTION_API_VERSION: the Notion API version jobs pin their requests to. */
  notionApiVersion: NotionApiVersion;
  /** PLAKAR_BIN: when set, the only plakar binary considered. */
  plakarBin: string | undefined;
  /** The PATH searched for plakar when PLAKAR_BIN is not set. */
  searchPath: string;
  demoMode: boolean;
  /** The emulator token offered in demo mode. */
  demoToken: string | null;
  /** NOTION_PLAKAR_TEST_NOW: the clock starts at this time (tests of the scheduler; ignored when packaged). */
  testNow: Date | null;
}

/** Environment variables the app reads (documented in the README). */
export interface AppEnvironment {
  NOTION_API_URL?: string | undefined;
  NOTION_API_VERSION?: string | undefined;
  PLAKAR_BIN?: string | undefined;
  NOTION_PLAKAR_DATA_DIR?: string | undefined;
  NOTION_PLAKAR_DEMO?: string | undefined;
  NOTION_PLAKAR_DEMO_TOKEN?: string | undefined;
  NOTION_PLAKAR_TEST_NOW?: string | undefined;
  PATH?: string | undefined;
}

export function resolveServiceConfig(
  env: AppEnvironment,
  defaults: Pick<ServiceConfig, 'productName' | 'version' | 'electronVersion' | 'chromeVersion'> & {
    defaultDataDir: string;
  },
): ServiceConfig {
  const dataDir = env.NOTION_PLAKAR_DATA_DIR?.trim() ? path.resolve(env.NOTION_PLAKAR_DATA_DIR) : defaults.defaultDataDir;
  return {
    productName: defaults.productName,
    version: defaults.version,
    electronVersion: defaults.electronVersion,
    chromeVersion: defaults.chromeVersion,
    dataDir,
    notionApiUrl: normaliseNotionApiUrl(env.NOTION_API_URL ?? DEFAULT_NOTION_API_URL),
    notionApiVersion: parseNotionApiVersion(env.NOTION_API_VERSION),
    plakarBin: env.PLAKAR_BIN?.trim() ? path.resolve(env.PLAKAR_BIN) : undefined,
    searchPath: env.PATH ?? '',
    demoMode: env.NOTION_PLAKAR_DEMO === '1',
    demoToken: env.NOTION_PLAKAR_DEMO === '1' ? (env.NOTION_PLAKAR_DEMO_TOKEN ?? null) : null,
    testNow: parseTestNow(env.NOTION_PLAKAR_TEST_NOW),
  };
}

/** plakar's config, cache and plugin dirs, private to the app (never the user's ~/.config/plakar). */
export function appPlakarDirs(config: ServiceConfig): PlakarDirs {
  return plakarDirsUnder(path.join(config.dataDir, 'plakar'));
}

function parseTestNow(value: string | undefined): Date | null {
  if (!value?.trim()) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`NOTION_PLAKAR_TEST_NOW is not a date: "${value}".`);
  return date;
}

/**
 * The user's locale from the environment (LC_ALL, then LC_TIME, then LANG: "fr_FR.UTF-8" → "fr-FR"),
 * for dates main writes itself; undefined for C/POSIX or nothing set (the app's sentences are English).
 */
export function localeFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.LC_ALL || env.LC_TIME || env.LANG;
  const name = raw?.split(/[.@]/)[0]?.replace('_', '-');
  if (!name || name === 'C' || name === 'POSIX') return undefined;
  try {
    return Intl.getCanonicalLocales(name)[0];
  } catch {
    return undefined;
  }
}
