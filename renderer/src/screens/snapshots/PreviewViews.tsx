import type { LucideIcon } from 'lucide-react';
import {
  Calendar,
  ChartColumn,
  ChartGantt,
  ClipboardList,
  Columns3,
  Layers,
  LayoutDashboard,
  LayoutGrid,
  List,
  Map as MapIcon,
  Table2,
} from 'lucide-react';
import type { PreviewLinkedDatabase, PreviewView, ViewKind } from '../../../../shared/ipc/view-schemas';
import { Icon } from '../../components/Icon';
import { strings } from '../../strings';
import type { PreviewContext } from './preview-context';
import { linkedSource, viewLabel } from './view-helpers';

const s = strings.snapshots;

const VIEW_ICONS: Record<ViewKind, LucideIcon> = {
  table: Table2,
  board: Columns3,
  list: List,
  calendar: Calendar,
  timeline: ChartGantt,
  gallery: LayoutGrid,
  form: ClipboardList,
  chart: ChartColumn,
  map: MapIcon,
  dashboard: LayoutDashboard,
  other: Layers,
};

function ViewItem({ view }: { view: Pick<PreviewView, 'name' | 'type'> }) {
  const label = viewLabel(view);
  return (
    <span className="preview-view">
      <Icon of={VIEW_ICONS[view.type] ?? Layers} /> {label.name} <span className="tag">{label.type}</span>
    </span>
  );
}

/** A database's views in tab order; a dashboard's widgets are listed under it. */
export function ViewList({ views, label }: { views: readonly PreviewView[]; label: string }) {
  return (
    <ul className="preview-views" aria-label={label} data-testid="preview-views">
      {views.map((view) => (
        <li key={view.id}>
          <ViewItem view={view} />
          {view.widgets.length > 0 && (
            <ul>
              {view.widgets.map((widget) => (
                <li key={widget.id}>
                  <ViewItem view={widget} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A linked database where it stands on the page: the database it shows, and its views. */
export function LinkedDatabase({ linked, context }: { linked: PreviewLinkedDatabase; context: PreviewContext }) {
  const source = linkedSource(linked, context.known);
  const openId = source.openId;
  return (
    <div className="preview-linked" data-testid="preview-linked-database">
      <p className="preview-child">
        <Icon of={Table2} /> {s.linkedView}{' '}
        {openId ? (
          <button type="button" className="link-button" onClick={() => context.onOpenPage(openId)} title={s.openChild(source.title)}>
            {source.title}
          </button>
        ) : (
          <span className={linked.sourceId === null ? 'muted' : undefined}>{source.title}</span>
        )}
      </p>
      {linked.views.length > 0 && <ViewList views={linked.views} label={s.viewsLabel(source.title)} />}
    </div>
  );
}
