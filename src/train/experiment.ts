import type { DataConfig, ExperimentConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import type { Task } from '../core/task';
import { presetTask } from '../data/presets';

/** Which engine the page trains on: Auto chooses by speed; WebGPU and CPU are the user's (or a link's) choice. */
export type BackendChoice = 'auto' | 'webgpu' | 'cpu';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'cpu'];

/**
 * Everything a run is a function of, as the page's store holds it: the config, the custom data
 * (drawn or imported points, used while `config.data.preset` is `custom`) and the backend choice.
 */
export interface Experiment {
  config: ExperimentConfig;
  custom: Dataset | null;
  backend: BackendChoice;
  /** The latest weights or biases set by hand (or by their Undo): the run puts them into the model it trains, when they change. */
  parameterChange?: ParameterChange[] | null;
}

/** One parameter's new value: its index in the flat parameter vector (plan order). */
export interface ParameterChange {
  index: number;
  value: number;
}

/** The store a Run follows (the page's zustand store satisfies it). */
export interface ExperimentSource {
  getState(): Experiment;
  subscribe(listener: (state: Experiment, previous: Experiment) => void): () => void;
}

/** The one place the task of the data is decided: a preset's own task, or the custom data's. */
export function dataTask(data: DataConfig, custom: Dataset | null): Task {
  if (data.preset !== 'custom') return presetTask(data.preset, data.classes);
  return custom?.task ?? { kind: 'classification', classes: 2 };
}
