import type { Page } from '@playwright/test';

/** The environment variables the app reads (see electron/services/config.ts). */
export interface AppEnv {
  NOTION_API_URL: string;
  PLAKAR_BIN?: string;
  NOTION_PLAKAR_DATA_DIR: string;
  PATH?: string;
  NOTION_PLAKAR_DEMO?: string;
}

export type TargetName = 'electron' | 'chromium';

export interface AppUnderTest {
  target: TargetName;
  page: Page;
  close(): Promise<void>;
}
