import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { getBackupApp } from './bridge';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { strings } from './strings';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    void getBackupApp()
      .getAppInfo()
      .then((result) => {
        if (result.ok) setInfo(result.value);
      });
  }, []);

  return (
    <div className="app-shell">
      <header className="app-header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true">
            N
          </span>
          {strings.appName}
        </span>
        {info?.demoMode && (
          <span className="demo-badge" title={strings.demoExplanation}>
            {strings.demoBadge}
          </span>
        )}
      </header>
      <main className="app-main">
        <WelcomeScreen />
      </main>
      <footer className="app-footer">
        {info && (
          <>
            <span>{strings.footer.version(info.version)}</span>
            <span className="mono-wrap">{strings.footer.dataDir(info.dataDir)}</span>
          </>
        )}
      </footer>
    </div>
  );
}
