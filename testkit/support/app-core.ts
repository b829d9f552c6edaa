// Test support: the app core on the Notion emulator and the plakar under test, as the app builds it.
import path from 'node:path';
import Conf from 'conf';
import { expect } from 'vitest';
import type { JobFinishedEvent } from '../../shared/ipc/app-schemas';
import type { ContractHandlers } from '../../shared/ipc/contract';
import type { AppCore } from '../../electron/services/app-services';
import { createAppCore } from '../../electron/services/app-services';
import { JobRunner } from '../../electron/services/background/job-runner';
import { resolveServiceConfig } from '../../electron/services/config';
import { SecretVault, testOnlyCipher } from '../../electron/services/secrets';
import type { ServiceDeps } from '../../electron/services/service-context';
import { AppSettings, SETTINGS_STORE_OPTIONS } from '../../electron/services/settings';
import { FakeDialogs } from '../fake-dialogs';
import type { RunningEmulator } from '../notion-emulator';
import { plakarBinUnderTest } from '../plakar-standin';

export const TEST_STORE_PASSPHRASE = 'a strong passphrase for the app test';

/** The app core on the emulator and the plakar under test; the user says yes to main's confirmations. */
export function testAppCore(emulator: RunningEmulator, dataDir: string, extra: Partial<ServiceDeps> = {}): AppCore {
  const config = resolveServiceConfig(
    { NOTION_API_URL: emulator.url, PLAKAR_BIN: plakarBinUnderTest(), NOTION_PLAKAR_DATA_DIR: dataDir, PATH: process.env.PATH },
    { productName: 'Test', version: '0.0.0', electronVersion: null, chromeVersion: null, defaultDataDir: dataDir },
  );
  const settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dataDir }));
  settings.update({ advanced: { requestsPerSecond: 50, comments: 'pages', localCopy: true } });
  return createAppCore({
    config,
    settings,
    vault: new SecretVault(dataDir, testOnlyCipher(), () => settings.get().acceptInsecureSecretStorage),
    jobs: new JobRunner(),
    dialogs: new FakeDialogs(true),
    ...extra,
  });
}

/** Onboarding as a user does it: secrets accepted, the full token connected, an encrypted store created. */
export async function onboardTestApp(services: ContractHandlers, emulator: RunningEmulator, dataDir: string): Promise<void> {
  await services.acceptInsecureSecretStorage(undefined);
  expect(await services.connectNotion({ token: emulator.tokens.full })).toMatchObject({ status: 'valid' });
  expect(await services.setupStore({ mode: 'create', location: path.join(dataDir, 'store'), passphrase: TEST_STORE_PASSPHRASE, plaintext: false })).toMatchObject({
    status: 'ready',
    encrypted: true,
  });
}

/** The next job's end on the core's event bus. */
export function nextJobFinished(core: AppCore): Promise<JobFinishedEvent> {
  return new Promise((resolve) => {
    const stop = core.events.on('jobFinished', (payload) => {
      stop();
      resolve(payload);
    });
  });
}
