import { useMemo } from 'react';
import type { Task } from '../core/task';
import { dataTask } from '../train/experiment';
import { useAppState } from './appContext';
import type { AppState } from './store';

/** The task of the page's data (a preset's, or the custom points'): decided by `dataTask` alone. */
export function taskOf(state: Pick<AppState, 'config' | 'custom'>): Task {
  return dataTask(state.config.data, state.custom);
}

/** The task of the page's data, for a component; re-renders when it may have changed. */
export function useDataTask(): Task {
  const data = useAppState((state) => state.config.data);
  const custom = useAppState((state) => state.custom);
  return useMemo(() => dataTask(data, custom), [data, custom]);
}
