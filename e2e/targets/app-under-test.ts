import type { Page } from '@playwright/test';
import type { AskedDialog, DialogAnswer } from '../../testkit/fake-dialogs';

/** The environment variables the app reads (see electron/services/config.ts). */
export interface AppEnv {
  NOTION_API_URL: string;
  PLAKAR_BIN?: string;
  NOTION_PLAKAR_DATA_DIR: string;
  PATH?: string;
  NOTION_PLAKAR_DEMO?: string;
  /** The app's clock starts here (ISO time) and runs on: scheduled runs fire within seconds. */
  NOTION_PLAKAR_TEST_NOW?: string;
  /** Where the Linux login item (XDG autostart entry) is written. */
  XDG_CONFIG_HOME?: string;
}

/** An OS notification the app showed. */
export interface ShownNotification {
  title: string;
  body: string;
}

export type TargetName = 'electron' | 'chromium';

/** Answers to main's native dialogs, and what it asked (see testkit/fake-dialogs.ts). */
export type { AskedDialog, DialogAnswer };

export interface AppUnderTest {
  target: TargetName;
  page: Page;
  /** Notifications shown so far, oldest first. */
  notifications(): Promise<ShownNotification[]>;
  /** Clicks the notification at `index`, as the user would in the system's notification centre. */
  clickNotification(index: number): Promise<void>;
  /**
   * Queues answers for main's next native dialogs (per kind, in order). Unqueued file and folder
   * dialogs are cancelled; unqueued confirmations are accepted, as the user setting the app up would.
   */
  answerDialogs(...answers: DialogAnswer[]): Promise<void>;
  /** The native dialogs main has shown so far. */
  askedDialogs(): Promise<AskedDialog[]>;
  /**
   * Browser mode only: stop answering dialogs for the spec, which then answers them itself through
   * the app's "Open the question" link, in the tab that opens.
   */
  leaveDialogsToSpec?(): void;
  close(): Promise<void>;
}
