/** The emulator's notion of "now": real time plus an adjustable offset (used to expire URLs and uploads). */
export class Clock {
  private offsetMs = 0;

  setOffsetMs(ms: number): void {
    this.offsetMs = ms;
  }

  getOffsetMs(): number {
    return this.offsetMs;
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }

  /** created_time / last_edited_time: Notion rounds these down to the minute. */
  nowMinuteIso(): string {
    return roundDownToMinute(this.nowMs());
  }
}

export function roundDownToMinute(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
}

export function roundIsoDownToMinute(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : roundDownToMinute(ms);
}
