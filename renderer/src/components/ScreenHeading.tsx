import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

/** The first screen after launch keeps the browser's natural focus; later screens take it. */
let firstScreen = true;

/**
 * A screen's h1. It takes the focus when it appears after a navigation, so keyboard and screen-reader
 * users land on the new screen (tabIndex -1: focusable by script, not in the Tab order).
 */
export function ScreenHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} id={id}>
      {children}
    </h1>
  );
}
