import { strings } from '../../strings';
import type { SettingsSectionId } from './settings-sections';
import { SETTINGS_SECTIONS } from './settings-sections';

/**
 * The list of Settings' sections: beside the content on wide windows (it stays in view while the page
 * scrolls), a compact list above it on narrow ones. Marks the section being read and those with
 * unsaved changes.
 */
export function SettingsSectionList({
  current,
  dirty,
  onJump,
}: {
  current: SettingsSectionId;
  dirty: readonly SettingsSectionId[];
  onJump: (id: SettingsSectionId) => void;
}) {
  return (
    <nav className="section-list" aria-label={strings.settings.sectionsLabel}>
      <ul className="section-list__items">
        {SETTINGS_SECTIONS.map(({ id, title }) => {
          const unsaved = dirty.includes(id);
          return (
            <li key={id}>
              <button
                type="button"
                className="section-list__item"
                aria-current={current === id ? 'true' : undefined}
                aria-label={unsaved ? strings.settings.unsaved.listItem(title) : undefined}
                onClick={() => onJump(id)}
              >
                {title}
                {unsaved && <span className="section-list__unsaved" />}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
