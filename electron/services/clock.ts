/** Time for the scheduler and the job history: the system clock in the app, a controllable one in tests. */
export interface Clock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};

/**
 * A clock that starts at `start` and runs at normal speed. End-to-end tests launch the app "just
 * before" a scheduled time with NOTION_PLAKAR_TEST_NOW, so a real schedule fires within seconds.
 */
export function clockStartingAt(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime();
  return {
    now: () => new Date(base.now().getTime() + offset),
    setTimeout: (callback, ms) => base.setTimeout(callback, ms),
  };
}

/** The clock the app runs on: the system's, or the test clock NOTION_PLAKAR_TEST_NOW asked for. */
export function clockFor(testNow: Date | null): Clock {
  return testNow ? clockStartingAt(testNow) : systemClock;
}
