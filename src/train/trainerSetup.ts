import type { ExperimentConfig, ModelConfig } from '../core/config';
import { splitDataset, type Dataset } from '../core/dataset';
import { fitNormalization, type Normalization } from '../core/features';
import { buildModelSpec, type ModelSpec } from '../core/network';
import type { Task } from '../core/task';
import type { TrainerSetup } from '../core/trainer';

/** How a new trainer gets its weights: drawn fresh from the seed, kept from the trainer before it, or imported from a file. */
export type BuildMode = 'fresh' | 'keep' | 'import';

export function sameTask(a: Task, b: Task): boolean {
  return a.kind === b.kind && (a.kind === 'regression' || (b.kind === 'classification' && a.classes === b.classes));
}

/** The feature standardisation a fresh model gets: fitted to the training split, when asked for and there is one. */
export function normalizationFor(model: ModelConfig, dataset: Dataset): Normalization | undefined {
  if (!model.normalize) return undefined;
  const trainPoints = splitDataset(dataset, 'train').points;
  return trainPoints.length > 0 ? fitNormalization(trainPoints, model.features) : undefined;
}

/**
 * What a trainer is built from. A kept or imported model keeps its own spec (normalisation
 * included), so its function does not jump when the data changes under it.
 */
export function buildTrainerSetup(
  mode: BuildMode,
  config: ExperimentConfig,
  dataset: Dataset,
  currentSpec: ModelSpec | null,
  parameters?: ArrayLike<number>,
  importedSpec?: ModelSpec,
): TrainerSetup {
  const base = { dataset, training: config.training, init: config.model.init, initScale: config.model.initScale };
  if (mode === 'import' && importedSpec && parameters) return { ...base, spec: importedSpec, parameters };
  if (mode === 'keep' && currentSpec && parameters) return { ...base, spec: currentSpec, parameters };
  return { ...base, spec: buildModelSpec(config.model, dataset.task, normalizationFor(config.model, dataset)) };
}
