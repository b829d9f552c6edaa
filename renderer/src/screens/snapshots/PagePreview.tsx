import { CallStatus } from '../../components/CallStatus';
import { useMemo } from 'react';
import { strings } from '../../strings';
import { useMainQuery } from '../../use-main';
import { nestBlocks } from './preview-layout';
import type { PreviewContext } from './preview-context';
import { PreviewBlocks } from './PreviewBlocks';
import { ViewList } from './PreviewViews';

const s = strings.snapshots;

/** The read-only preview of one page of a snapshot, or of a database's views. */
export function PagePreview({ snapshotId, pageId, context }: { snapshotId: string; pageId: string; context: PreviewContext }) {
  const preview = useMainQuery('getPagePreview', { snapshotId, pageId });
  const page = preview.state === 'ready' ? preview.value : null;
  const nodes = useMemo(() => (page ? nestBlocks(page.blocks) : []), [page]);

  if (!page) return <CallStatus call={preview} loading={s.previewLoading} problemPrefix={s.previewProblem} skeleton={10} />;
  return (
    <article className="preview" aria-labelledby="preview-page-title" data-testid="page-preview">
      <h3 id="preview-page-title" className="preview__title">
        {page.emoji && <span aria-hidden="true">{page.emoji} </span>}
        {page.title.trim() || s.untitled}
      </h3>
      {page.views && (
        <section aria-labelledby="preview-views-title">
          <h4 id="preview-views-title" className="preview-heading">
            {s.viewsTitle}
          </h4>
          {page.views.length === 0 ? <p className="muted">{s.noViews}</p> : <ViewList views={page.views} label={s.viewsLabel(page.title.trim() || s.untitled)} />}
        </section>
      )}
      {!page.views && (nodes.length === 0 ? <p className="muted">{s.emptyPage}</p> : <PreviewBlocks nodes={nodes} context={context} />)}
      {page.truncated && <p className="note">{s.truncated}</p>}
    </article>
  );
}
