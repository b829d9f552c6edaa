import { describe, expect, it } from 'vitest';
import { parseRate } from './settings-helpers';

describe('advanced settings fields', () => {
  it('accepts a rate from 0.1 to 50', () => {
    expect(parseRate('3')).toBe(3);
    expect(parseRate(' 2,5 ')).toBe(2.5);
    expect(parseRate('0')).toBeNull();
    expect(parseRate('0.05')).toBeNull();
    expect(parseRate('0.1')).toBe(0.1);
    expect(parseRate('51')).toBeNull();
    expect(parseRate('')).toBeNull();
    expect(parseRate('fast')).toBeNull();
  });
});
