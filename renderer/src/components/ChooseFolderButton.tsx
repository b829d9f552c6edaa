import { strings } from '../strings';
import { useMainMutation } from '../use-main';

/**
 * "Choose…": main opens the native folder dialog and hands back the path it will accept later without
 * asking again. A path typed in the field instead is confirmed by main in its own dialog.
 */
export function ChooseFolderButton({ purpose, label, onChosen }: { purpose: 'store' | 'export'; label: string; onChosen: (path: string) => void }) {
  const choosing = useMainMutation('chooseFolder');
  async function choose() {
    const answer = await choosing.run({ purpose });
    if (answer.state === 'ready') onChosen(answer.value.path);
  }
  return (
    <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={choosing.state === 'loading'} aria-label={label}>
      {strings.folders.choose}
    </button>
  );
}
