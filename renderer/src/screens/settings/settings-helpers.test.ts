import { describe, expect, it } from 'vitest';
import { parseRate } from './settings-helpers';

describe('advanced settings fields', () => {
  it('accepts a rate above 0 and at most 50', () => {
    expect(parseRate('3')).toBe(3);
    expect(parseRate(' 2,5 ')).toBe(2.5);
    expect(parseRate('0')).toBeNull();
    expect(parseRate('51')).toBeNull();
    expect(parseRate('')).toBeNull();
    expect(parseRate('fast')).toBeNull();
  });
});
