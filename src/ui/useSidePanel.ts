import { useEffect, useRef, type RefObject } from 'react';
import { useServices } from './appContext';
import { focusOf } from './shortcuts';
import { updateView } from './store';

/**
 * A side panel's keyboard behaviour: focus moves to its heading when it opens, Escape closes it,
 * and when it closes focus goes back to the button that opened it, or, when that button has gone
 * with the panel it was in, to `fallback`. Returns the ref for the heading.
 */
export function useSidePanel(panel: RefObject<HTMLElement | null>, fallback?: () => HTMLElement | null): RefObject<HTMLHeadingElement | null> {
  const { store } = useServices();
  const heading = useRef<HTMLHeadingElement>(null);
  // Kept in a ref: the effect may run again (React's strict mode) after focus has moved into the panel.
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !panel.current?.contains(active)) opener.current = active;
    heading.current?.focus({ preventScroll: true });
    if (panel.current && hiddenBelow(panel.current)) panel.current.scrollIntoView({ block: 'start' });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      // Escape in a field of the page undoes the typing there; it closes the panel from anywhere else.
      if (focusOf(target) === 'typing' && !panel.current?.contains(target)) return;
      event.preventDefault();
      updateView(store, { panel: 'none' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      // Focus that was in the panel falls to the page (or, until the browser fixes it up, stays on
      // the removed element); a control chosen meanwhile keeps it.
      const focused = document.activeElement;
      const lost = focused === null || focused === document.body || !focused.isConnected;
      if (!lost) return;
      if (opener.current?.isConnected) opener.current.focus();
      else fallback?.()?.focus();
    };
  }, [store, panel, fallback]);
  return heading;
}

/** Whether most of a panel lies below the window's bottom edge (a tablet shows it under the plane): it is scrolled up on opening. */
function hiddenBelow(panel: HTMLElement): boolean {
  const { top, height } = panel.getBoundingClientRect();
  const shown = window.innerHeight - top;
  return shown < Math.min(height, window.innerHeight / 2);
}
