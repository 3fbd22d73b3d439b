import type { ExperimentConfig } from '../core/config';
import { planNetwork, type DensePlan, type DenseSpec, type ModelSpec } from '../core/network';
import { parseExperimentConfig } from './experimentConfig';
import { isFiniteFloat32 } from './float32Text';
import { WEIGHTS_FORMAT, WEIGHTS_VERSION, type DenseLayerV1, type LayerV1, type WeightsFileV1 } from './weightsFormat';

/** What a weights file may carry besides the model: the experiment that trained it and its final metrics. */
export interface WeightsExtras {
  config?: ExperimentConfig;
  metrics?: Record<string, unknown>;
}

/** One dense layer's numbers out of the flat parameter vector; throws a RangeError at the first value float32 cannot hold. */
function denseLayer(spec: DenseSpec, plan: DensePlan, parameters: ArrayLike<number>, path: string): DenseLayerV1 {
  const take = (offset: number, where: string): number => {
    const value = parameters[offset];
    if (!isFiniteFloat32(value)) throw new RangeError(`cannot export weights: ${path}.${where} is ${value}, not a finite float32 number`);
    return value;
  };
  const weight = Array.from({ length: spec.out }, (_, r) =>
    Array.from({ length: spec.in }, (_, c) => take(plan.weightOffset + r * spec.in + c, `weight[${r}][${c}]`)),
  );
  const bias = Array.from({ length: spec.out }, (_, r) => take(plan.biasOffset + r, `bias[${r}]`));
  return { kind: 'dense', in: spec.in, out: spec.out, activation: spec.activation, weight, bias };
}

/**
 * The weights file of a model: `parameters` (planNetwork(spec).parameterCount numbers, in that
 * plan's order) become per-layer out × in weight rows and biases. The config is checked and
 * copied; metrics are copied as JSON (NaN becomes null).
 */
export function exportWeights(spec: ModelSpec, parameters: ArrayLike<number>, extras: WeightsExtras = {}): WeightsFileV1 {
  const plan = planNetwork(spec);
  if (parameters.length !== plan.parameterCount) {
    throw new RangeError(`cannot export weights: the model has ${plan.parameterCount} parameters, got ${parameters.length}`);
  }
  let next = 0;
  const layers: LayerV1[] = spec.layers.map((layer, i) =>
    layer.kind === 'dense'
      ? denseLayer(layer, plan.dense[next++], parameters, `layers[${i}]`)
      : { kind: 'residual', layers: layer.layers.map((d, j) => denseLayer(d, plan.dense[next++], parameters, `layers[${i}].layers[${j}]`)) },
  );
  const { task, normalization } = spec;
  return {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    task: task.kind,
    classes: task.kind === 'classification' ? task.classes : undefined,
    features: [...spec.features],
    normalize: normalization ? { mean: [...normalization.mean], std: [...normalization.std] } : undefined,
    layers,
    config: extras.config ? parseExperimentConfig(extras.config) : undefined,
    metrics: extras.metrics ? (JSON.parse(JSON.stringify(extras.metrics)) as Record<string, unknown>) : undefined,
  };
}
