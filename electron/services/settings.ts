import type { Settings } from '../../shared/settings';
import { SettingsSchema } from '../../shared/settings';
import { DEFAULT_RETENTION_SETTINGS, DEFAULT_SCHEDULE_SETTINGS } from '../../shared/schedule';
import { NOTION_REQUEST_RATE } from '../../shared/notion-rate';

export type { Settings };
export { SettingsSchema };

/**
 * The app's settings: what the user chose, never secrets (those live in the SecretVault). Persisted by
 * electron-store in the app and by its underlying library `conf` in tests and the e2e harness, both
 * with the options below (migrations, file mode 0600); every read and write is checked against the
 * zod schema in shared/settings.ts.
 */
export const DEFAULT_SETTINGS: Settings = {
  plakarPath: null,
  store: null,
  notion: { apiUrl: null, workspaceName: null, workspaceId: null, botName: null, tokenKind: null },
  roots: [],
  advanced: { requestsPerSecond: NOTION_REQUEST_RATE.default, comments: 'pages', localCopy: true },
  onboardingCompletedAt: null,
  acceptInsecureSecretStorage: false,
  schedule: DEFAULT_SCHEDULE_SETTINGS,
  retention: DEFAULT_RETENTION_SETTINGS,
  notifications: 'failures',
  launchAtLogin: false,
  trayHintShown: false,
};

/** The part of electron-store / conf the settings use. */
export interface SettingsBackend {
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
}

export const SETTINGS_FORMAT_VERSION = '1.0.0';

/** Options for `new ElectronStore(...)` (app) and `new Conf(...)` (tests), plus `cwd`. */
export const SETTINGS_STORE_OPTIONS = {
  configName: 'settings',
  projectName: 'notion-plakar',
  projectVersion: SETTINGS_FORMAT_VERSION,
  configFileMode: 0o600,
  clearInvalidConfig: false,
  defaults: DEFAULT_SETTINGS as unknown as Record<string, unknown>,
  migrations: {
    // Version 1.0.0 is the first format; later formats add their step here.
    '1.0.0': () => undefined,
  },
};

export class AppSettings {
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly backend: SettingsBackend) {}

  /** Called after every saved change (the tray follows the notification and login-item choices). */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The settings, with anything missing or invalid replaced by its default (never thrown at the user). */
  get(): Settings {
    const merged = { ...DEFAULT_SETTINGS, ...this.backend.store };
    const parsed = SettingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    const repaired: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
      const field = SettingsSchema.shape[key].safeParse(merged[key]);
      if (field.success) repaired[key] = field.data;
    }
    return repaired as Settings;
  }

  /** Validates and saves a change; an invalid change throws and saves nothing. */
  update(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    for (const key of Object.keys(patch) as Array<keyof Settings>) this.backend.set(key, next[key]);
    for (const listener of this.listeners) listener(next);
    return next;
  }
}
