import { checkNotionToken, isTransientTokenProblem } from '../../engine/notion/token-check';
import type { ValidTokenCheck } from '../../engine/notion/token-check';
import type { NotionReachability } from './scheduler';
import type { ServiceContext } from '../service-context';

/**
 * Can the scheduler reach Notion now? A refused token is not "unreachable": the job reports it. A
 * valid answer is kept for the backup that follows, which then does not ask Notion again.
 */
export class NotionProbe {
  private last: { token: string; check: ValidTokenCheck } | undefined;

  async run(context: ServiceContext): Promise<NotionReachability> {
    this.last = undefined;
    let token: string;
    try {
      token = await context.token();
    } catch {
      return 'refused';
    }
    const check = await checkNotionToken({ token, baseUrl: context.notionApiUrl() });
    if (check.status === 'valid') {
      this.last = { token, check };
      return 'reachable';
    }
    return isTransientTokenProblem(check.problem) ? 'unreachable' : 'refused';
  }

  /** The last probe's check, once, if it was for the token the backup will use. */
  async take(context: ServiceContext): Promise<ValidTokenCheck | undefined> {
    const last = this.last;
    this.last = undefined;
    if (!last) return undefined;
    const token = await context.token().catch(() => undefined);
    return token === last.token ? last.check : undefined;
  }
}
