import { describe, expect, it } from 'vitest';
import { EtaEstimator } from './eta';

describe('EtaEstimator', () => {
  it('says nothing during the first 10 seconds', () => {
    const eta = new EtaEstimator();
    expect(eta.update(0, 0, 100)).toBeNull();
    expect(eta.update(9_000, 50, 100)).toBeNull();
  });

  it('says nothing before 5 % is done', () => {
    const eta = new EtaEstimator();
    eta.update(0, 0, 1000);
    expect(eta.update(20_000, 40, 1000)).toBeNull();
  });

  it('extrapolates from the recent rate', () => {
    const eta = new EtaEstimator();
    eta.update(0, 0, 100);
    // 1 item per second
    expect(eta.update(20_000, 20, 100)).toBe(80_000);
  });

  it('follows a change of pace within the one-minute window', () => {
    const eta = new EtaEstimator();
    for (let second = 0; second <= 120; second += 10) eta.update(second * 1000, second, 1000); // 1/s
    // Then 5 per second for a minute: the estimate reflects the new pace, not the average.
    let estimate: number | null = null;
    for (let step = 1; step <= 6; step += 1) estimate = eta.update((120 + step * 10) * 1000, 120 + step * 50, 1000);
    expect(estimate).toBeGreaterThan(0);
    expect(estimate).toBeLessThan((1000 - 420) * 1000 * 0.5);
  });

  it('reports 0 when done, and null when stalled', () => {
    const eta = new EtaEstimator();
    eta.update(0, 10, 100);
    expect(eta.update(30_000, 10, 100)).toBeNull();
    expect(eta.update(40_000, 100, 100)).toBe(0);
  });

  it('keeps about one sample a second however often it is updated, with the same estimate', () => {
    const eta = new EtaEstimator();
    let estimate: number | null = null;
    // 100 requests a second (the rate limit off) for 200 s, 10 updates per request.
    for (let tick = 0; tick <= 200_000; tick += 1) estimate = eta.update(tick, tick / 10, 40_000);
    expect(estimate).toBe(((40_000 - 20_000) * 1000) / 100);
    expect((eta as unknown as { samples: unknown[] }).samples.length).toBeLessThanOrEqual(62);
  });
});
