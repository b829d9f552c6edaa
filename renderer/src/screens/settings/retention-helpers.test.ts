import { describe, expect, it } from 'vitest';
import { draftFromPolicy, policyFromDraft, shortId } from './retention-helpers';

describe('retention form', () => {
  it('round-trips a policy', () => {
    const policy = { last: 10, daily: 7, weekly: 4, monthly: 12 };
    expect(policyFromDraft(draftFromPolicy(policy))).toEqual({ policy, errors: null });
  });

  it('keeps at least the newest snapshot and refuses what is not a whole number', () => {
    const result = policyFromDraft({ last: '0', daily: '-1', weekly: '1.5', monthly: '1001' });
    expect(result.policy).toBeNull();
    expect(Object.keys(result.errors ?? {})).toEqual(['last', 'daily', 'weekly', 'monthly']);
    expect(result.errors?.last).toMatch(/at least the newest/);
    expect(policyFromDraft({ last: '1', daily: '0', weekly: '0', monthly: '0' }).policy).toEqual({ last: 1, daily: 0, weekly: 0, monthly: 0 });
  });

  it('shortens ids to 12 hex characters', () => {
    expect(shortId('a'.repeat(64))).toBe('a'.repeat(12));
  });
});
