import { useCallback, useEffect, useRef, useState } from 'react';
import type { SettingsSectionId } from './settings-sections';
import { pickCurrentSection, SETTINGS_SECTION_IDS, sectionHeadingId } from './settings-sections';

/** The top band of the window where a section counts as the one being read. */
const READING_BAND = '0px 0px -60% 0px';

/**
 * The section the user is reading, followed with IntersectionObserver once the sections are on the
 * page (`ready`), and `jumpTo`, which scrolls to a section and focuses its heading. After a jump the
 * chosen section stays marked until the user scrolls by hand: a section near the end of the page
 * cannot reach the top band, and the observer would otherwise mark the one above it.
 */
export function useCurrentSection(ready: boolean, endRef: React.RefObject<HTMLElement | null>) {
  const [current, setCurrent] = useState<SettingsSectionId>(SETTINGS_SECTION_IDS[0] as SettingsSectionId);
  const pinned = useRef(false);

  useEffect(() => {
    if (!ready || typeof IntersectionObserver === 'undefined') return;
    const inBand = new Set<SettingsSectionId>();
    let atEnd = false;
    const update = () => {
      if (!pinned.current) setCurrent((previous) => pickCurrentSection(SETTINGS_SECTION_IDS, inBand, atEnd && window.scrollY > 0, previous));
    };
    const sections = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.sectionId as SettingsSectionId;
          if (entry.isIntersecting) inBand.add(id);
          else inBand.delete(id);
        }
        update();
      },
      { rootMargin: READING_BAND },
    );
    const end = new IntersectionObserver((entries) => {
      atEnd = entries.some((entry) => entry.isIntersecting);
      update();
    });
    for (const id of SETTINGS_SECTION_IDS) {
      const section = document.getElementById(sectionHeadingId(id))?.parentElement;
      if (!section) continue;
      section.dataset.sectionId = id;
      sections.observe(section);
    }
    if (endRef.current) end.observe(endRef.current);
    const unpin = () => {
      pinned.current = false;
    };
    const scrollKeys = ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' '];
    const unpinOnKey = (event: KeyboardEvent) => {
      if (scrollKeys.includes(event.key)) unpin();
    };
    window.addEventListener('wheel', unpin, { passive: true });
    window.addEventListener('touchmove', unpin, { passive: true });
    window.addEventListener('keydown', unpinOnKey);
    return () => {
      sections.disconnect();
      end.disconnect();
      window.removeEventListener('wheel', unpin);
      window.removeEventListener('touchmove', unpin);
      window.removeEventListener('keydown', unpinOnKey);
    };
  }, [ready, endRef]);

  const jumpTo = useCallback((id: SettingsSectionId) => {
    const heading = document.getElementById(sectionHeadingId(id));
    if (!heading) return;
    pinned.current = true;
    setCurrent(id);
    heading.parentElement?.scrollIntoView({ block: 'start' });
    // Focusable by script only, like a screen's h1: keyboard and screen-reader users land in the section.
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }, []);

  return { current, jumpTo };
}
