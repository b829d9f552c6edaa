import { describe, expect, it } from 'vitest';
import { pickCurrentSection, SETTINGS_SECTION_IDS, sectionTitles } from './settings-sections';

const order = ['store', 'notion', 'schedule', 'about'] as const;
type Id = (typeof order)[number];

describe('pickCurrentSection', () => {
  it('marks the first section in the top band, in page order', () => {
    expect(pickCurrentSection<Id>(order, new Set<Id>(['schedule', 'notion']), false, 'store')).toBe('notion');
  });

  it('keeps the previous section when none is in the band (between two sections)', () => {
    expect(pickCurrentSection<Id>(order, new Set<Id>(), false, 'schedule')).toBe('schedule');
  });

  it('marks the last section at the end of the page, even if an earlier one is in the band', () => {
    expect(pickCurrentSection<Id>(order, new Set<Id>(['schedule']), true, 'schedule')).toBe('about');
  });
});

describe('sectionTitles', () => {
  it('names dirty sections in the order of the page, whatever the order they were reported in', () => {
    expect(sectionTitles(['advanced', 'schedule'])).toEqual(['Schedule', 'Advanced']);
  });

  it('lists every section once', () => {
    expect(new Set(SETTINGS_SECTION_IDS).size).toBe(9);
  });
});
