/**
 * An ETA that is shown only once it means something (../shared/reference/backup-gui-anchors.md:
 * users distrust ETAs that jump or stick at "0 s"): nothing for the first 10 seconds or before 5 %
 * is done, then remaining work divided by the rate over the last minute.
 */

export interface EtaOptions {
  minElapsedMs: number;
  minFractionDone: number;
  windowMs: number;
}

/** Samples kept over the window: one per 1/60 of it at most, so a crawl making thousands of requests a second keeps about 60. */
const SAMPLES_PER_WINDOW = 60;

export const DEFAULT_ETA_OPTIONS: EtaOptions = { minElapsedMs: 10_000, minFractionDone: 0.05, windowMs: 60_000 };

interface Sample {
  at: number;
  done: number;
}

export class EtaEstimator {
  private readonly samples: Sample[] = [];
  private startedAt: number | undefined;

  constructor(private readonly options: EtaOptions = DEFAULT_ETA_OPTIONS) {}

  /** Records progress and returns the estimated milliseconds left, or null while it is not meaningful. */
  update(now: number, done: number, total: number): number | null {
    this.startedAt ??= now;
    const last = this.samples.at(-1);
    if (!last || now - last.at >= this.options.windowMs / SAMPLES_PER_WINDOW) this.samples.push({ at: now, done });
    while (this.samples.length > 2 && (this.samples[0]?.at ?? now) < now - this.options.windowMs) this.samples.shift();
    if (total <= 0 || done >= total) return done >= total && total > 0 ? 0 : null;
    if (now - this.startedAt < this.options.minElapsedMs) return null;
    if (done / total < this.options.minFractionDone) return null;
    const oldest = this.samples[0];
    if (!oldest) return null;
    const elapsed = now - oldest.at;
    const progressed = done - oldest.done;
    if (elapsed <= 0 || progressed <= 0) return null;
    return Math.round(((total - done) * elapsed) / progressed);
  }
}
