import type { ReactNode } from 'react';
import type { PreviewSpan } from './preview-layout';
import { safeHref } from './preview-layout';

/** Rich text spans with their annotations; links open in the browser (main allows only trusted origins). */
export function RichText({ spans }: { spans: readonly PreviewSpan[] }) {
  return (
    <>
      {spans.map((span, index) => (
        // Spans have no id; their order never changes within a rendered block.
        <Span key={index} span={span} />
      ))}
    </>
  );
}

function Span({ span }: { span: PreviewSpan }) {
  let node: ReactNode = span.text;
  if (span.code) node = <code>{node}</code>;
  if (span.bold) node = <strong>{node}</strong>;
  if (span.italic) node = <em>{node}</em>;
  if (span.strikethrough) node = <s>{node}</s>;
  if (span.underline) node = <u>{node}</u>;
  const href = safeHref(span.href);
  if (href) {
    node = (
      <a href={href} target="_blank" rel="noreferrer">
        {node}
      </a>
    );
  }
  return <>{node}</>;
}
