import { describe, expect, it } from 'vitest';
import { assessPassphrase } from './passphrase-policy';

describe('assessPassphrase', () => {
  it.each([
    ['short', 'too-short', false],
    ['aaaaaaaaaaaaaaaa', 'weak', false],
    ['abcabcabcabcabc', 'weak', false],
    ['Summer2026!!', 'fair', true],
    ['correct horse battery staple 42!', 'strong', true],
  ])('%s → %s', (passphrase, strength, acceptable) => {
    const assessment = assessPassphrase(passphrase);
    expect(assessment.strength).toBe(strength);
    expect(assessment.acceptable).toBe(acceptable);
  });
});
