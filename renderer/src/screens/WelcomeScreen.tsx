import { useCallback, useState } from 'react';
import { NotionConnect } from '../components/NotionConnect';
import { PlakarCheck } from '../components/PlakarCheck';
import { strings } from '../strings';

/** First step of onboarding: what the app does, and the two environment checks it depends on. */
export function WelcomeScreen() {
  const [plakarReady, setPlakarReady] = useState(false);
  const [notionReady, setNotionReady] = useState(false);
  const onPlakar = useCallback((found: boolean) => setPlakarReady(found), []);
  const onNotion = useCallback((connected: boolean) => setNotionReady(connected), []);

  return (
    <div className="screen">
      <h1>{strings.welcome.title}</h1>
      <p className="lead">{strings.welcome.lead}</p>
      <h2>{strings.welcome.checksTitle}</h2>
      <p>{strings.welcome.checksLead}</p>
      <div className="check-list">
        <PlakarCheck onResult={onPlakar} />
        <NotionConnect onResult={onNotion} />
      </div>
      {plakarReady && notionReady && (
        <p className="success-note" role="status">
          {strings.welcome.continueHint}
        </p>
      )}
    </div>
  );
}
