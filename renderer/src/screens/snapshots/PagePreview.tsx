import { useEffect, useMemo, useState } from 'react';
import { getBackupApp } from '../../bridge';
import { strings } from '../../strings';
import type { PreviewBlock } from './preview-layout';
import { nestBlocks } from './preview-layout';
import type { PreviewContext } from './PreviewBlocks';
import { PreviewBlocks } from './PreviewBlocks';

const s = strings.snapshots;

type PreviewState =
  | { key: string; phase: 'loading' }
  | { key: string; phase: 'problem'; message: string }
  | { key: string; phase: 'ok'; title: string; emoji: string | null; truncated: boolean; blocks: PreviewBlock[] };

/** The read-only preview of one page of a snapshot. */
export function PagePreview({ snapshotId, pageId, context }: { snapshotId: string; pageId: string; context: PreviewContext }) {
  const key = `${snapshotId}/${pageId}`;
  const [state, setState] = useState<PreviewState>({ key, phase: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void getBackupApp()
      .getPagePreview({ snapshotId, pageId })
      .then((result) => {
        if (cancelled) return;
        if (!result.ok) setState({ key, phase: 'problem', message: result.error.message });
        else if (result.value.status === 'problem') setState({ key, phase: 'problem', message: result.value.message });
        else setState({ key, phase: 'ok', ...result.value });
      });
    return () => {
      cancelled = true;
    };
  }, [key, snapshotId, pageId]);

  const nodes = useMemo(() => (state.phase === 'ok' ? nestBlocks(state.blocks) : []), [state]);

  if (state.key !== key || state.phase === 'loading') {
    return (
      <p className="muted" role="status">
        {s.previewLoading}
      </p>
    );
  }
  if (state.phase === 'problem') {
    return (
      <p className="field-error" role="alert">
        {s.previewProblem} {state.message}
      </p>
    );
  }
  return (
    <article className="preview" aria-labelledby="preview-page-title" data-testid="page-preview">
      <h3 id="preview-page-title" className="preview__title">
        {state.emoji && <span aria-hidden="true">{state.emoji} </span>}
        {state.title.trim() || s.untitled}
      </h3>
      {nodes.length === 0 ? <p className="muted">{s.emptyPage}</p> : <PreviewBlocks nodes={nodes} context={context} />}
      {state.truncated && <p className="note">{s.truncated}</p>}
    </article>
  );
}
