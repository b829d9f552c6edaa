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

/**
 * A ref for an element that a link leads to: while `arrived` is true, the element is scrolled to the
 * top and takes the focus (a deep link to a settings card, a job picked in the logs).
 */
export function useFocusOnArrival<T extends HTMLElement>(arrived: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!arrived) return;
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus();
  }, [arrived]);
  return ref;
}
