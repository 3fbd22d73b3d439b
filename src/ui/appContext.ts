import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { Run, RunStatus } from '../train/run';
import type { AppState, AppStore } from './store';

/** The store and the run, handed to every component. */
export interface AppServices {
  store: AppStore;
  run: Run;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppContext is missing');
  return services;
}

/** A slice of the store's state; the component re-renders when it changes. */
export function useAppState<T>(select: (state: AppState) => T): T {
  return useStore(useServices().store, select);
}

/** The run's status (playing, backend, problem); re-renders on change only. */
export function useRunStatus(): RunStatus {
  const { run } = useServices();
  return useSyncExternalStore(
    (listener) => run.subscribe(listener),
    () => run.status,
  );
}

/**
 * Calls `draw` in an animation frame whenever the run has something new (and once when `deps`
 * change): the imperative redraw of canvases and SVG, outside React's rendering.
 */
export function useRunFrame(draw: (run: Run) => void, deps: unknown[]): void {
  const { run } = useServices();
  useEffect(() => {
    let drawn = -1;
    let handle = requestAnimationFrame(function frame() {
      handle = requestAnimationFrame(frame);
      if (run.version === drawn) return;
      drawn = run.version;
      draw(run);
    });
    return () => cancelAnimationFrame(handle);
  }, [run, ...deps]);
}
