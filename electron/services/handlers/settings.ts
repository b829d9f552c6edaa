import type { ContractHandlers } from '../../../shared/ipc/contract';
import { DEFAULT_NOTION_API_URL } from '../../engine/notion/client';
import { describeJobError } from '../../engine/jobs/job-errors';
import type { JobHistory } from '../background/job-history';
import { integritySummary } from '../background/job-launchers';
import type { ServiceContext } from '../service-context';
import { discardAllMirrors } from '../../engine/jobs/backup-mirror';

type SettingsHandlers = Pick<ContractHandlers, 'listJobHistory' | 'updateAdvancedSettings' | 'checkStoreIntegrity' | 'getBackupCommand'>;

/**
 * Quote a value for a POSIX shell command line: as is when it has only characters no shell treats
 * specially, else in single quotes (inside which nothing is special; a quote is written '\''). Not
 * shell-quote's quote: it is as safe, but backslash-escapes `:`, `=`, `?`, `&` and `@`, so every
 * URL in the command would read `https\://…` (docs/architecture.md, "Hand-written infrastructure").
 */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Settings screen and logs: advanced options, an integrity check, the CLI equivalent, past jobs. */
export function settingsServices(context: ServiceContext, history: JobHistory): SettingsHandlers {
  const { settings } = context.deps;
  return {
    async listJobHistory() {
      return { jobs: await history.list() };
    },

    async updateAdvancedSettings({ requestsPerSecond, comments, localCopy }) {
      const current = settings.get();
      if (!localCopy && current.advanced.localCopy) await discardAllMirrors(context.config.dataDir);
      settings.update({ advanced: { requestsPerSecond, comments, localCopy } });
      return context.state();
    },

    async checkStoreIntegrity() {
      try {
        const store = await context.store();
        const results = await store.check();
        return { status: 'ok', message: integritySummary(results.length) };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },

    /** The same backup from a terminal, with the secrets left as placeholders (never the values). */
    async getBackupCommand() {
      const current = settings.get();
      const parts = ["NOTION_TOKEN='<your Notion token>'"];
      // An unencrypted store needs plakar 1.1.5+'s explicit consent instead of a passphrase.
      parts.push(current.store?.encrypted === false ? 'PLAKAR_INSECURE_PLAINTEXT=1' : "PLAKAR_PASSPHRASE='<your store passphrase>'");
      const apiUrl = context.notionApiUrl();
      if (apiUrl !== DEFAULT_NOTION_API_URL) parts.push(`NOTION_API_URL=${shellQuote(apiUrl)}`);
      parts.push('npx notion-plakar backup', '--store', shellQuote(current.store?.location ?? '<store>'));
      for (const root of current.roots) parts.push('--root', root);
      if (current.advanced.comments !== 'pages') parts.push('--comments', current.advanced.comments);
      if (current.advanced.requestsPerSecond !== 3) parts.push('--rate', String(current.advanced.requestsPerSecond));
      if (!current.advanced.localCopy) parts.push('--no-local-copy');
      return { command: parts.join(' ') };
    },
  };
}
