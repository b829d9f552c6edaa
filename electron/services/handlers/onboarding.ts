import type { ContractHandlers } from '../../../shared/ipc/contract';
import type { StoreSetupInput, StoreSetupResult } from '../../../shared/ipc/app-schemas';
import { assessPassphrase } from '../../../shared/passphrase-policy';
import { listPickablePages } from '../../engine/notion/page-tree';
import { checkNotionToken } from '../../engine/notion/token-check';
import { PlakarError } from '../../engine/plakar/errors';
import { InsecureSecretStorageError } from '../secrets';
import type { ServiceContext } from '../service-context';

type OnboardingHandlers = Pick<
  ContractHandlers,
  | 'getAppState'
  | 'setupStore'
  | 'confirmPassphraseSaved'
  | 'connectNotion'
  | 'disconnectNotion'
  | 'listNotionPages'
  | 'setBackupRoots'
  | 'completeOnboarding'
>;

const problem = (kind: Extract<StoreSetupResult, { status: 'problem' }>['problem'], message: string): StoreSetupResult => ({
  status: 'problem',
  problem: kind,
  message,
});

/** First-run and settings operations: plakar, the store, Notion, what to protect. */
export function onboardingServices(context: ServiceContext): OnboardingHandlers {
  const { settings, vault } = context.deps;

  const canKeepSecrets = (): boolean => vault.secure || settings.get().acceptInsecureSecretStorage;

  async function setupStore(input: StoreSetupInput): Promise<StoreSetupResult> {
    if (!canKeepSecrets() && !input.plaintext) {
      return problem('insecure-secret-storage', 'This system has no secure key store for the passphrase. Accept the risk in the warning first, or set up a keyring.');
    }
    if (input.mode === 'create' && !input.plaintext) {
      if (!input.passphrase) return problem('passphrase-missing', 'Choose a passphrase for the store.');
      const assessment = assessPassphrase(input.passphrase);
      if (!assessment.acceptable) return problem('weak-passphrase', assessment.message);
    }
    // A location main handed out (its folder dialog), the configured store, or one the user confirms now.
    const configured = settings.get().store?.location;
    if (input.location !== configured && !(await context.confirmFolder('store', input.location))) {
      return problem('not-confirmed', 'Choose the store’s folder with “Choose…”, or confirm the location you typed.');
    }
    let store;
    try {
      store = await context.store(input.location, input.plaintext ? null : input.passphrase);
    } catch (error) {
      return problem('plakar', error instanceof Error ? error.message : String(error));
    }
    try {
      if (input.mode === 'create') {
        if (await store.isLocalStore()) return problem('store-exists', `There is already a store at ${store.location}. Choose “Open an existing store” instead.`);
        await store.create({ plaintext: input.plaintext });
      } else {
        await store.listSnapshots();
      }
    } catch (error) {
      if (!(error instanceof PlakarError)) throw error;
      const kinds: Record<string, Extract<StoreSetupResult, { status: 'problem' }>['problem']> = {
        'store-not-empty': 'not-empty',
        'store-missing': 'not-a-store',
        'passphrase-wrong': 'passphrase-wrong',
        'passphrase-missing': 'passphrase-missing',
      };
      return problem(kinds[error.kind] ?? 'other', error.message);
    }
    if (input.passphrase && !input.plaintext) await vault.save('store-passphrase', input.passphrase);
    else await vault.remove('store-passphrase');
    settings.update({ store: { location: store.location, encrypted: !input.plaintext, passphraseSaved: input.mode === 'open' } });
    return { status: 'ready', location: store.location, encrypted: !input.plaintext, created: input.mode === 'create' };
  }

  return {
    getAppState: () => context.state(),

    setupStore,

    async confirmPassphraseSaved() {
      const store = settings.get().store;
      if (store) settings.update({ store: { ...store, passphraseSaved: true } });
      return context.state();
    },

    async connectNotion({ token }) {
      const check = await checkNotionToken({ token, baseUrl: context.notionApiUrl() });
      if (check.status !== 'valid') return check;
      try {
        await vault.save('notion-token', token.trim());
      } catch (error) {
        if (!(error instanceof InsecureSecretStorageError)) throw error;
        return { status: 'invalid', problem: 'secret-storage', message: error.message, detail: null };
      }
      settings.update({
        notion: {
          ...settings.get().notion,
          workspaceName: check.workspaceName,
          workspaceId: check.workspaceId,
          botName: check.botName,
          tokenKind: check.tokenKind,
        },
      });
      return check;
    },

    async disconnectNotion() {
      await vault.remove('notion-token');
      settings.update({ notion: { ...settings.get().notion, workspaceName: null, workspaceId: null, botName: null, tokenKind: null } });
      return context.state();
    },

    async listNotionPages() {
      try {
        return { status: 'ok', items: await listPickablePages(await context.gateway()) };
      } catch (error) {
        return { status: 'problem', message: error instanceof Error ? error.message : String(error) };
      }
    },

    async setBackupRoots({ ids }) {
      settings.update({ roots: [...new Set(ids.map((id) => id.toLowerCase()))] });
      return context.state();
    },

    async completeOnboarding() {
      settings.update({ onboardingCompletedAt: context.clock.now().toISOString() });
      return context.state();
    },
  };
}
