import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';

/** Settings' sections in the order they appear; each one's card is `settings-<id>` (heading `settings-<id>-title`). */
export const SETTINGS_SECTIONS = [
  { id: 'store', title: strings.settings.storeTitle },
  { id: 'notion', title: strings.settings.notionTitle },
  { id: 'pages', title: strings.settings.pagesTitle },
  { id: 'schedule', title: scheduleStrings.schedule.title },
  { id: 'behaviour', title: scheduleStrings.behaviour.title },
  { id: 'retention', title: scheduleStrings.retention.title },
  { id: 'advanced', title: strings.settings.advancedTitle },
  { id: 'command', title: strings.settings.commandTitle },
  { id: 'about', title: strings.settings.aboutTitle },
] as const;

export type SettingsSectionId = (typeof SETTINGS_SECTIONS)[number]['id'];

export const SETTINGS_SECTION_IDS: readonly SettingsSectionId[] = SETTINGS_SECTIONS.map((section) => section.id);

export function sectionHeadingId(id: SettingsSectionId): string {
  return `settings-${id}-title`;
}

export function sectionTitles(ids: Iterable<SettingsSectionId>): string[] {
  const wanted = new Set(ids);
  return SETTINGS_SECTIONS.filter((section) => wanted.has(section.id)).map((section) => section.title);
}

/**
 * The section to mark as current while scrolling: at the end of the page the last one (it may be too
 * short to ever reach the top band), else the first section in the top band of the window, else the
 * one marked before (between two sections nothing is in the band).
 */
export function pickCurrentSection<Id extends string>(order: readonly Id[], inBand: ReadonlySet<Id>, atEnd: boolean, previous: Id): Id {
  if (atEnd && order.length > 0) return order[order.length - 1] as Id;
  return order.find((id) => inBand.has(id)) ?? previous;
}
