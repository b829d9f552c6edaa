import { describe, expect, it } from 'vitest';
import { healthIcon } from './home-helpers';

describe('healthIcon', () => {
  it('maps the scheduler health to a status dot', () => {
    expect(healthIcon('idle')).toBe('ok');
    expect(healthIcon('running')).toBe('pending');
    expect(healthIcon('warning')).toBe('warning');
    expect(healthIcon('failed')).toBe('problem');
  });
});
