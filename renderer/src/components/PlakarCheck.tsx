import { useEffect, useState } from 'react';
import { ChoosePlakarButton, PlakarDetectionView } from '../forms/PlakarProgram';
import { strings } from '../strings';
import { useMainMutation, useMainQuery } from '../use-main';
import { CheckCard } from './Card';
import type { Status } from './StatusIcon';

/** Is plakar installed (and new enough)? If not: how to install it, or where it is. */
export function PlakarCheck({ onResult }: { onResult: (found: boolean) => void }) {
  const search = useMainQuery('detectPlakar', undefined);
  const choice = useMainMutation('choosePlakarBinary');
  // What the card shows: the search, or the program the user chose (a closed dialog changes nothing).
  const [shown, setShown] = useState<'search' | 'choice'>('search');
  const checking = search.state === 'loading' || choice.state === 'loading';
  const detection = (shown === 'choice' ? choice : search).value;
  const found = detection?.status === 'found';

  useEffect(() => onResult(found), [found, onResult]);

  const checkAgain = () => {
    setShown('search');
    search.refresh();
  };

  async function chooseProgram() {
    const answer = await choice.run();
    if (answer.state !== 'cancelled') setShown('choice');
  }

  const status: Status = checking ? 'pending' : found ? 'ok' : 'problem';

  return (
    <CheckCard id="plakar-check" testId="plakar-check" status={status} title={strings.plakar.title}>
      <div className="check-card__body" aria-live="polite">
        {checking ? <p>{strings.plakar.checking}</p> : detection ? <PlakarDetectionView detection={detection} /> : <p role="alert">{strings.errors.bridge}</p>}
      </div>
      {status === 'problem' && (
        <ChoosePlakarButton hint={strings.plakar.chooseHelp} busy={checking} primary className="field--spaced" onChoose={() => void chooseProgram()}>
          <button type="button" className="button button--secondary" onClick={checkAgain}>
            {strings.plakar.checkAgain}
          </button>
        </ChoosePlakarButton>
      )}
    </CheckCard>
  );
}
