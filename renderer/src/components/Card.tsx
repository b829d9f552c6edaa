import type { ReactNode, Ref } from 'react';
import type { Status } from './StatusIcon';
import { StatusIcon } from './StatusIcon';

/** A card: a section named by its heading (`<id>-title`). A `headingRef` makes the heading focusable. */
export function Card({
  id,
  title,
  testId,
  className,
  headingRef,
  children,
}: {
  id: string;
  title: ReactNode;
  testId?: string;
  className?: string;
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
}) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`} className="card__title" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One of the setup's checks (plakar, Notion): its state as an icon before its name, then the details. */
export function CheckCard({ id, testId, status, title, children }: { id: string; testId: string; status: Status; title: string; children: ReactNode }) {
  return (
    <section className="check-card" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} className="check-card__title">
        <StatusIcon status={status} />
        {title}
      </h3>
      {children}
    </section>
  );
}
