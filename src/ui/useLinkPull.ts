import { useRef } from 'react';
import type { Run } from '../train/run';
import type { OnPull, ShowTooltip } from './diagramDraw';
import { formatValue } from './format';
import { ParameterDrag } from './parameterDrag';
import type { AppStore } from './store';

/** How much a link's weight grows per pixel it is pulled up (down lowers it). */
const PULL_PER_PIXEL = 0.02;
/** Pixels a press must move before it pulls a link rather than clicks it. */
const PULL_THRESHOLD = 4;

/**
 * While paused, a link pressed and pulled up or down changes its weight live; the whole pull is one
 * Undo. `pulled` is true from the pull's first move until just after it ends, so that the click
 * which may follow the pointer's release picks nothing.
 */
export function useLinkPull(store: AppStore, run: Run, tooltip: ShowTooltip) {
  const pulled = useRef(false);
  const pull: OnPull = (picked, down) => {
    const before = run.parameters?.[picked.index];
    if (run.status.playing || before === undefined || down.button !== 0) return;
    down.preventDefault(); // no text selection while pulling
    const drag = new ParameterDrag(store, () => before);
    const move = (event: PointerEvent) => {
      const rise = down.clientY - event.clientY;
      if (!pulled.current && Math.abs(rise) < PULL_THRESHOLD) return;
      pulled.current = true;
      const value = before + rise * PULL_PER_PIXEL;
      drag.move(picked.index, value);
      tooltip(`${picked.name}: ${formatValue(value)}`, event);
    };
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
      window.removeEventListener('pointercancel', stop);
      drag.end();
      setTimeout(() => (pulled.current = false), 0);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
    window.addEventListener('pointercancel', stop);
  };
  return { pull, pulled };
}
