import { isActivation, type Activation } from '../core/activations';
import type { ExperimentConfig, ModelConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import { inputError } from '../core/errors';
import type { DenseSpec, ModelSpec } from '../core/network';
import type { Task } from '../core/task';
import type { ImportedWeights } from '../io/weights';

/** Checks that a model and the data it is to train on (or be shown with) agree, and turns an imported layout into a model config. */

function describeData(task: Task, modelClassifies: boolean): string {
  if (task.kind === 'regression') return 'is a regression task (real-valued labels)';
  return modelClassifies ? `has ${task.classes}` : `has ${task.classes} classes`;
}

/** Throws an InputError that says why a model with `spec` cannot be used with `dataset`, unless their tasks agree. */
export function checkModelFitsData(spec: ModelSpec, dataset: Dataset, source: string): void {
  const model = spec.task;
  const data = dataset.task;
  if (model.kind === 'regression' && data.kind === 'regression') return;
  if (model.kind === 'classification' && data.kind === 'classification' && model.classes === data.classes) return;
  const predicts = model.kind === 'regression' ? 'does regression' : `predicts ${model.classes} classes`;
  throw inputError(source, `This model ${predicts} but the data ${describeData(data, model.kind === 'classification')}. Choose or draw matching data first.`);
}

/** The hidden activations as one default plus per-layer overrides (none when all agree). */
function activationsOf(layers: DenseSpec[], fallback: Activation, source: string): Pick<ModelConfig, 'activation' | 'layerActivations'> {
  const names = layers.map((layer, i) => {
    if (!isActivation(layer.activation)) throw inputError(source, `hidden layer ${i + 1} uses ${layer.activation}, which the playground only uses for outputs`);
    return layer.activation;
  });
  if (names.length === 0) return { activation: fallback, layerActivations: [] };
  const same = names.every((name) => name === names[0]);
  return { activation: names[0], layerActivations: same ? [] : names };
}

/** The model config that builds `spec`'s layout; the rest (initialisation) is kept from `current`. Throws when the playground cannot show the layout. */
export function modelConfigFromSpec(spec: ModelSpec, current: ModelConfig, source: string): ModelConfig {
  const base = { ...current, features: [...spec.features], normalize: spec.normalization !== undefined };
  const hidden = spec.layers.slice(0, -1);
  if (hidden.every((layer) => layer.kind === 'dense')) {
    const dense = hidden as DenseSpec[];
    return { ...base, arch: 'mlp', hidden: dense.map((layer) => layer.out), ...activationsOf(dense, current.activation, source) };
  }
  const [stem, ...blocks] = hidden;
  if (stem.kind !== 'dense' || blocks.some((block) => block.kind !== 'residual' || block.layers.length !== 2)) {
    throw inputError(source, 'this residual network does not have the playground\'s shape (a dense stem, then blocks of two layers)');
  }
  const blockLayers = blocks.flatMap((block) => (block.kind === 'residual' ? block.layers : []));
  return { ...base, arch: 'resnet', width: stem.out, blocks: blocks.length, ...activationsOf([stem, ...blockLayers], current.activation, source) };
}

/**
 * The experiment that an imported model continues: its layout (and its training settings, when
 * the file has them) over the current data. Throws an InputError saying why when it does not fit `dataset`.
 */
export function configForImport(config: ExperimentConfig, dataset: Dataset, imported: ImportedWeights, source: string): ExperimentConfig {
  checkModelFitsData(imported.spec, dataset, source);
  const model = modelConfigFromSpec(imported.spec, imported.config?.model ?? config.model, source);
  return { ...config, model, training: imported.config?.training ?? config.training };
}
