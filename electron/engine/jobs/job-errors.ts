import { NothingSharedError } from '../notion/crawler';
import { QueryCapError } from '../notion/crawler/databases';
import { isLocalDiskError } from '../notion/file-download';
import { NotionCallError } from '../notion/retry';
import { RestoreStepError } from '../restore/refusals';
import { isDiskFull, PlakarError } from '../plakar/errors';
import { NotionAccessError } from './backup-job';
import { RestoreTargetError } from './restore-job';
import { StoreBusyError } from './store-lock';
import { DiskSpaceError } from './disk-space';
import { recordOf } from '../snapshot/json-values';

export type JobErrorKind =
  | 'cancelled'
  | 'notion-access'
  | 'nothing-shared'
  | 'notion-unavailable'
  | 'notion-rate-limited'
  | 'notion-error'
  | 'notion-block-limit'
  | 'restore-target'
  | 'store-busy'
  | 'disk-full'
  /** Checked before a backup starts: the data folder has less free space than the backup needs. */
  | 'disk-space'
  | 'plakar'
  | 'unexpected';

export interface JobErrorDescription {
  kind: JobErrorKind;
  /** For plakar failures, the PlakarError kind (store-missing, passphrase-wrong, …). */
  plakarKind?: string;
  message: string;
  /** Whether trying again later may succeed without the user changing anything. */
  retryable: boolean;
  detail?: string;
}

export function isCancellation(error: unknown): boolean {
  return (
    (error instanceof Error && error.name === 'AbortError') ||
    (error instanceof PlakarError && error.kind === 'interrupted') ||
    (error instanceof Error && error.message === 'cancelled')
  );
}

export type JobKind = 'backup' | 'restore' | 'export' | 'browse';

const AFTERMATH: Record<JobKind, string> = {
  backup: 'No snapshot was recorded.',
  restore: 'Run the same restore again to resume where it stopped.',
  export: 'The folder may hold a partial export.',
  browse: '',
};

/** One clear sentence (with the next step) for whatever stopped a job. */
export function describeJobError(error: unknown, job: JobKind = 'backup'): JobErrorDescription {
  const description = describe(error, job);
  return { ...description, message: description.message.replace(/\s+/g, ' ').trim() };
}

function describe(error: unknown, job: JobKind): JobErrorDescription {
  const aftermath = AFTERMATH[job];
  if (isCancellation(error)) return { kind: 'cancelled', message: `Cancelled. ${aftermath}`, retryable: false };
  if (error instanceof PlakarError) {
    return {
      kind: error.kind === 'disk-full' ? 'disk-full' : 'plakar',
      plakarKind: error.kind,
      message: error.message,
      retryable: error.kind === 'store-locked',
      detail: error.detail,
    };
  }
  if (error instanceof NotionAccessError) {
    return { kind: error.transient ? 'notion-unavailable' : 'notion-access', message: error.message, retryable: error.transient };
  }
  if (error instanceof NothingSharedError) return { kind: 'nothing-shared', message: error.message, retryable: false };
  if (error instanceof DiskSpaceError) return { kind: 'disk-space', message: error.message, retryable: false };
  if (error instanceof StoreBusyError) return { kind: 'store-busy', message: error.message, retryable: true };
  if (error instanceof QueryCapError) return { kind: 'notion-error', message: error.message, retryable: false };
  if (error instanceof RestoreTargetError) return { kind: 'restore-target', message: error.message, retryable: false };
  if (error instanceof RestoreStepError) {
    const inner = describe(error.cause, job);
    const advice =
      error.cause.failure.status === 404
        ? ' Notion could not find a page the restore writes into: check that the target page still exists and is shared with the integration (••• → Connections), then run the same restore again: it resumes where it stopped.'
        : '';
    return { ...inner, message: `While restoring ${error.what}: ${inner.message}${advice}` };
  }
  if (error instanceof NotionCallError) {
    const notionMessage = error.cause instanceof Error ? error.cause.message : '';
    if (/block limit/i.test(notionMessage)) {
      return {
        kind: 'notion-block-limit',
        message:
          'This workspace has reached the block limit of Notion’s Free plan, so Notion refuses new content. ' +
          'Upgrade the workspace (or free blocks), then run the same restore again: it resumes where it stopped.',
        retryable: false,
      };
    }
    if (error.failure.status === 403 || ('reason' in error.failure && /restricted_resource/.test(error.failure.reason))) return missingCapability(job, aftermath);
    if (error.failure.kind === 'rate-limited') {
      return {
        kind: 'notion-rate-limited',
        message: `Notion kept rate limiting the requests, so the ${job} stopped. ${aftermath} Try again later.`,
        retryable: true,
      };
    }
    if (error.failure.kind === 'transient') {
      return {
        kind: 'notion-unavailable',
        message: `Notion is not answering reliably (${error.failure.reason}); the ${job} stopped after retrying. ${aftermath} Try again later.`,
        retryable: true,
      };
    }
    const words = notionMessage && notionMessage !== error.failure.reason ? `: ${notionMessage}` : '';
    return { kind: 'notion-error', message: `Notion refused a request (${error.failure.reason})${words}. ${aftermath}`, retryable: false };
  }
  if (isLocalDiskError(error)) {
    const code = recordOf(error).code;
    return {
      kind: 'disk-full',
      message:
        isDiskFull(error)
          ? `The disk is full. Free some space and try again. ${aftermath}`
          : `The app could not write its working files (${code}). ${aftermath}`,
      retryable: false,
    };
  }
  return {
    kind: 'unexpected',
    message: `The ${job} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    retryable: false,
  };
}

/** Notion answers 403 (restricted_resource) when the integration lacks a capability the request needs. */
function missingCapability(job: JobKind, aftermath: string): JobErrorDescription {
  const writes = job === 'restore';
  return {
    kind: 'notion-access',
    message: writes
      ? 'Notion refused to write: the integration lacks a capability. In Notion, open Settings → Connections → Develop or manage integrations, ' +
        'choose the integration and, under Capabilities, enable "Insert content" (and "Insert comments" for comments); then run the same ' +
        'restore again: it resumes where it stopped.'
      : 'Notion refused to let the integration read: it lacks a capability. In Notion, open Settings → Connections → Develop or manage ' +
        `integrations, choose the integration and, under Capabilities, enable "Read content" (and "Read comments" for comments); then try again. ${aftermath}`,
    retryable: false,
  };
}
