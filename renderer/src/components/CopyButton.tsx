import { useState } from 'react';

/**
 * Copies text with navigator.clipboard. When the clipboard is not available or refused, says so and
 * leaves the text for the user to select (it is always shown next to the button).
 */
export function CopyButton({ text, label, copied, failed }: { text: string; label: string; copied: string; failed: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <span className="copy-button">
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className={status === 'failed' ? 'field-error' : 'ok-text'}>
        {status === 'copied' ? copied : status === 'failed' ? failed : ''}
      </span>
    </span>
  );
}
