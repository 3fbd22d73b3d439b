import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { Run, RunStatus } from '../train/run';
import type { AppState, AppStore } from './store';
import type { ViewScheduler } from './viewScheduler';

/** The store, the run and the views' frame scheduler, handed to every component. */
export interface AppServices {
  store: AppStore;
  run: Run;
  views: ViewScheduler;
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

/** The run's model revision (`Run.modelRevision`); re-renders when the model becomes another one or its weights change from outside. */
export function useModelRevision(): number {
  const { run } = useServices();
  return useSyncExternalStore(
    (listener) => run.subscribe(listener),
    () => run.modelRevision,
  );
}

/**
 * Has `draw` called in an animation frame whenever the run has something new (and once when
 * `deps` change), at most once every `minIntervalMs`: the imperative redraw of canvases, SVG
 * and readouts, outside React's rendering. `draw` should itself skip what has not changed.
 */
export function useRunFrame(draw: (run: Run) => void, deps: unknown[], minIntervalMs = 0): void {
  const { run, views } = useServices();
  useEffect(() => views.add(() => draw(run), minIntervalMs), [run, views, minIntervalMs, ...deps]);
}
