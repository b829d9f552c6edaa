import { describe, expect, it } from 'vitest';
import type { SnapshotListEntry } from '../plakar/parse';
import { backupTags, chooseMode, sourceKey, validateUserTag } from './backup-plan';

const snapshot = (time: string, mode: 'full' | 'incremental'): SnapshotListEntry => ({
  time,
  id: 'a'.repeat(64),
  sizeBytes: 0,
  durationMs: 0,
  directory: '/x',
  tags: ['app=notion-plakar', 'source=k', `mode=${mode}`],
});

describe('sourceKey', () => {
  it('does not depend on the order of roots', () => {
    expect(sourceKey('ws', ['b', 'a'])).toBe(sourceKey('ws', ['a', 'b']));
    expect(sourceKey('ws', [])).not.toBe(sourceKey('ws', ['a']));
    expect(sourceKey('ws1', [])).not.toBe(sourceKey('ws2', []));
  });
});

describe('tags', () => {
  it('identify app, source and mode', () => {
    expect(backupTags('k', 'full', ['weekly'])).toEqual(['app=notion-plakar', 'source=k', 'mode=full', 'weekly']);
  });

  it('refuse what would break plakar tag lists', () => {
    expect(validateUserTag('weekly')).toBeUndefined();
    for (const bad of ['', 'a,b', 'has space', 'k=v', '!x', 'x'.repeat(65)]) expect(validateUserTag(bad)).toMatch(/Invalid tag/);
  });
});

describe('chooseMode', () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('is full the first time', () => {
    expect(chooseMode({ requestedFull: false, previous: [], now }).mode).toBe('full');
  });

  it('is full when asked', () => {
    expect(chooseMode({ requestedFull: true, previous: [snapshot('2026-11-24T11:00:00Z', 'full')], now }).mode).toBe('full');
  });

  it('is incremental on top of the newest snapshot while the last full one is recent', () => {
    const previous = [snapshot('2026-11-24T11:00:00Z', 'incremental'), snapshot('2026-11-20T11:00:00Z', 'full')];
    const decision = chooseMode({ requestedFull: false, previous, now });
    expect(decision.mode).toBe('incremental');
    expect(decision.basedOn).toBe(previous[0]);
  });

  it('is full again once the last full backup is older than the interval', () => {
    const previous = [snapshot('2026-11-24T11:00:00Z', 'incremental'), snapshot('2026-11-10T11:00:00Z', 'full')];
    expect(chooseMode({ requestedFull: false, previous, now }).mode).toBe('full');
  });
});
