import type { ContractHandlers } from '../../../shared/ipc/contract';
import { isInUsualPlakarFolder } from '../native-dialogs';
import type { ServiceContext } from '../service-context';

type ChoiceHandlers = Pick<ContractHandlers, 'choosePlakarBinary' | 'chooseFolder' | 'acceptInsecureSecretStorage'>;

/**
 * Decisions about where secrets go and which program runs, made in main through native dialogs: the
 * renderer only asks for the dialog, it never passes the path or the consent (docs/security.md).
 */
export function choiceServices(context: ServiceContext, options: { platform?: NodeJS.Platform; homeDir?: string } = {}): ChoiceHandlers {
  const { settings, vault } = context.deps;
  return {
    async choosePlakarBinary() {
      const chosen = await context.dialogs.openFile({ title: 'Choose the plakar program', buttonLabel: 'Use this plakar' });
      if (!chosen) return { status: 'cancelled' };
      // Runs only `plakar version` (no secret in its environment) to check it is plakar at all.
      const detection = await context.plakar.probe(chosen);
      if (detection.status !== 'found') return detection;
      if (!isInUsualPlakarFolder(detection.path, options.platform, options.homeDir)) {
        const confirmed = await context.dialogs.confirm({
          message: 'Use a plakar program from an unusual folder?',
          detail:
            `${detection.path}\n\nThis program is not in a folder plakar is normally installed in. It will receive your ` +
            'store passphrase each time the app backs up or restores. Use it only if you installed it there yourself.',
          confirmLabel: 'Use this program',
          cancelLabel: 'Cancel',
        });
        if (!confirmed) return { status: 'cancelled' };
      }
      settings.update({ plakarPath: detection.path });
      return detection;
    },

    async chooseFolder({ purpose }) {
      const chosen = await context.dialogs.openFolder(
        purpose === 'store'
          ? { title: 'Choose a folder for the backup store', buttonLabel: 'Use this folder' }
          : { title: 'Choose a folder for the restored pages', buttonLabel: 'Write here' },
      );
      if (!chosen) return { status: 'cancelled' };
      return { status: 'chosen', path: context.folders.add(purpose, chosen) };
    },

    async acceptInsecureSecretStorage() {
      if (vault.secure || settings.get().acceptInsecureSecretStorage) return context.state();
      const confirmed = await context.dialogs.confirm({
        message: 'Store secrets without a secure key store?',
        detail:
          `This system has no secure key store (${vault.backend}). Your Notion token and store passphrase would be saved ` +
          'encrypted with a publicly known key: anyone who can read your files can read them. A keyring ' +
          '(GNOME Keyring or KWallet) avoids this.',
        confirmLabel: 'Store them anyway',
        cancelLabel: 'Cancel',
      });
      if (confirmed) settings.update({ acceptInsecureSecretStorage: true });
      return context.state();
    },
  };
}
