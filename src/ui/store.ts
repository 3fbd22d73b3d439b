import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExperimentConfig } from '../core/config';
import type { HistoryPoint } from '../train/history';

/** How the page shows things; never per-step numbers. */
export interface ViewOptions {
  showTestData: boolean;
  discretize: boolean;
  logScale: boolean;
  /** What a click on the plane does. */
  tool: 'none' | 'draw' | 'erase';
  /** Class (0-based) that drawn points get. */
  drawClass: number;
  /** Hidden layer (0-based) whose settings the layer editor shows. */
  selectedLayer: number;
  /** Ids of the controls left out of the page (src/ui/controls.ts). */
  hidden: string[];
  /** Large type for a projector. */
  present: boolean;
  /** The lesson the page was opened for, if any. */
  lesson: string | null;
  /** Which side panel is open. */
  panel: 'none' | 'lessons' | 'share';
}

/** A message for the user: errors go to the alert region, the rest to a polite status line. */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** The page's state: the experiment (one serialisable object) and view flags. */
export interface AppState {
  config: ExperimentConfig;
  view: ViewOptions;
  notice: Notice | null;
  /** A run's loss curves kept as a faint reference on the chart. */
  pinned: readonly HistoryPoint[] | null;
}

export type AppStore = StoreApi<AppState>;

export function defaultView(): ViewOptions {
  return { showTestData: false, discretize: false, logScale: false, tool: 'none', drawClass: 0, selectedLayer: 0, hidden: [], present: false, lesson: null, panel: 'none' };
}

/** A plain store outside React; components read it with zustand's useStore. */
export function createAppStore(config: ExperimentConfig): AppStore {
  return createStore<AppState>()(() => ({ config, view: defaultView(), notice: null, pinned: null }));
}

/** Replaces the config with an edited copy (the old object is never mutated, so changes are seen by identity). */
export function updateConfig(store: AppStore, edit: (draft: ExperimentConfig) => void): void {
  const draft = structuredClone(store.getState().config);
  edit(draft);
  store.setState({ config: draft });
}

export function updateView(store: AppStore, patch: Partial<ViewOptions>): void {
  store.setState({ view: { ...store.getState().view, ...patch } });
}

export function showNotice(store: AppStore, notice: Notice | null): void {
  store.setState({ notice });
}
