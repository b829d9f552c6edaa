import { useRef, useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { ProblemLine, StatusLine } from '../../components/CallStatus';
import { ScreenHeading } from '../../components/ScreenHeading';
import { strings } from '../../strings';
import { useMainQuery } from '../../use-main';
import type { MainScreen } from '../snapshots/SnapshotsScreen';
import { AdvancedSection } from './AdvancedSection';
import { BehaviourSection } from './BehaviourSection';
import { AboutSection, CommandSection } from './InfoSections';
import { NotionSection } from './NotionSection';
import { PagesSection } from './PagesSection';
import { RetentionSection } from './RetentionSection';
import { ScheduleSection } from './ScheduleSection';
import { SettingsSectionList } from './SettingsSectionList';
import { StoreSection } from './StoreSection';
import { useDirtySections } from './unsaved-changes';
import { useCurrentSection } from './useCurrentSection';

/** A section Settings can be opened on (Home's "Change schedule"). */
export type SettingsTarget = 'schedule';

/**
 * Settings: store, Notion, what is backed up, schedule, notifications and startup, retention, advanced
 * options, the command line and versions, with a list of these sections to jump to. Reads the app
 * state itself; `onStateChange` lets the shell follow changes (optional); `target` scrolls to a section
 * and gives it the focus. Sections report unsaved drafts to the shell (unsaved-changes.tsx).
 */
export function SettingsScreen({
  onStateChange,
  target = null,
}: {
  onNavigate?: (screen: MainScreen) => void;
  onStateChange?: (state: AppState) => void;
  target?: SettingsTarget | null;
}) {
  const loaded = useMainQuery('getAppState', undefined);
  const info = useMainQuery('getAppInfo', undefined).value;
  // What the sections changed since the state was read.
  const [changed, setChanged] = useState<AppState | null>(null);
  const state = changed ?? loaded.value;
  const error = loaded.problem;

  const update = (next: AppState) => {
    setChanged(next);
    onStateChange?.(next);
  };
  const endRef = useRef<HTMLDivElement>(null);
  const sections = useCurrentSection(Boolean(state), endRef);
  const dirty = useDirtySections();

  return (
    <div className="screen settings-screen">
      <ScreenHeading>{strings.settings.title}</ScreenHeading>
      <ProblemLine message={error} prefix={strings.errors.bridge} />
      {!state && !error && <StatusLine>{strings.loading}</StatusLine>}
      <div className={state ? 'settings-layout' : undefined}>
        {state && <SettingsSectionList current={sections.current} dirty={dirty} onJump={sections.jumpTo} />}
        <div className="settings-layout__content">
          {state && (
            <>
              <StoreSection state={state} platform={info?.platform ?? 'linux'} onStateChange={update} />
              <NotionSection state={state} onStateChange={update} />
              <PagesSection state={state} onStateChange={update} />
              <ScheduleSection state={state} focusOnMount={target === 'schedule'} />
              <BehaviourSection state={state} onStateChange={update} />
              <RetentionSection state={state} onStateChange={update} />
              <AdvancedSection state={state} onStateChange={update} />
              <CommandSection />
            </>
          )}
          <AboutSection info={info} />
          <div ref={endRef} />
        </div>
      </div>
    </div>
  );
}
