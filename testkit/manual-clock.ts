import type { Clock } from '../electron/services/clock';

/** A clock that only moves when told to: for unit tests of timers. */
export class ManualClock implements Clock {
  private current: number;
  private timers: Array<{ at: number; callback: () => void; id: number }> = [];
  private nextId = 0;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimeout(callback: () => void, ms: number): { cancel(): void } {
    const id = this.nextId++;
    this.timers.push({ at: this.current + Math.max(0, ms), callback, id });
    return { cancel: () => (this.timers = this.timers.filter((timer) => timer.id !== id)) };
  }

  /** Moves time forward, firing due timers in order (a jump when `fire` is false: a sleeping laptop). */
  advance(ms: number, fire = true): void {
    const target = this.current + ms;
    if (!fire) {
      this.current = target;
      return;
    }
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer.id !== due.id);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = target;
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}
