import { ADAM } from '../core/config';
import { PROBE_MIN_DEVIATION } from '../core/layerView';
import type { NetworkPlan } from '../core/network';
import { optimizerStep, type OptimizerSettings, type StepScalars } from '../core/optimizer';
import type { LayerGradient } from '../core/trainer';
import type { Floats } from './floats';

/**
 * CPU twins of the see-inside kernels: shaders/layer_stats.wgsl and shaders/linear_probe.wgsl.
 * In Float64 they are the oracle the GPU kernels are tested against.
 */

/**
 * Per dense layer, ‖∂L/∂W‖ (grads as backpropagation left them), ‖W‖ and ‖ΔW‖ of the update
 * the optimizer would make with `state` and `scalars` (regularisation included), weights only.
 * Nothing is written: the update is made on copies. Twin of shaders/layer_stats.wgsl.
 */
export function layerGradientStats(plan: NetworkPlan, params: Floats, grads: Floats, state: Floats, settings: OptimizerSettings, scalars: StepScalars): LayerGradient[] {
  const next = Float64Array.from(params);
  optimizerStep(next, Float64Array.from(grads), Float64Array.from(state), plan.weightCount, settings, scalars);
  return plan.dense.map((layer) => {
    let gradient = 0;
    let weight = 0;
    let update = 0;
    for (let i = layer.weightOffset; i < layer.weightOffset + layer.in * layer.out; i++) {
      gradient += grads[i] * grads[i];
      weight += params[i] * params[i];
      update += (next[i] - params[i]) ** 2;
    }
    return { layer: layer.index, gradientNorm: Math.sqrt(gradient), weightNorm: Math.sqrt(weight), updateNorm: Math.sqrt(update) };
  });
}

/**
 * Training accuracy of a linear classifier fitted to `x` (rows × width): logistic regression for
 * two classes (one output), softmax regression for more, on standardised columns, from zero
 * weights by `iterations` full-batch Adam steps at `rate`. Twin of shaders/linear_probe.wgsl.
 */
export function fitLinearProbe(x: ArrayLike<number>, rows: number, width: number, labels: ArrayLike<number>, classes: number, iterations: number, rate: number): number {
  if (rows === 0) return NaN;
  const outputs = classes > 2 ? classes : 1;
  const standard = new Float64Array(rows * width);
  for (let j = 0; j < width; j++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += x[r * width + j];
    mean /= rows;
    let variance = 0;
    for (let r = 0; r < rows; r++) variance += (x[r * width + j] - mean) ** 2;
    const deviation = Math.sqrt(variance / rows);
    const scale = deviation < PROBE_MIN_DEVIATION ? 1 : deviation;
    for (let r = 0; r < rows; r++) standard[r * width + j] = (x[r * width + j] - mean) / scale;
  }
  // Parameters: per output, width weights then the bias.
  const stride = width + 1;
  const params = new Float64Array(outputs * stride);
  const moments = new Float64Array(2 * params.length);
  const grads = new Float64Array(params.length);
  const residuals = new Float64Array(rows * outputs);
  const logits = new Float64Array(outputs);
  const logitsOf = (r: number): void => {
    for (let c = 0; c < outputs; c++) {
      let z = params[c * stride + width];
      for (let j = 0; j < width; j++) z += params[c * stride + j] * standard[r * width + j];
      logits[c] = z;
    }
  };
  const settings: OptimizerSettings = { optimizer: 'adam', learningRate: rate, momentum: 0, l1: 0, l2: 0 };
  for (let t = 1; t <= iterations; t++) {
    for (let r = 0; r < rows; r++) {
      logitsOf(r);
      if (outputs === 1) {
        residuals[r] = 1 / (1 + Math.exp(-logits[0])) - labels[r];
      } else {
        const top = Math.max(...logits);
        let total = 0;
        for (let c = 0; c < outputs; c++) total += Math.exp(logits[c] - top);
        for (let c = 0; c < outputs; c++) residuals[r * outputs + c] = Math.exp(logits[c] - top) / total - (labels[r] === c ? 1 : 0);
      }
    }
    for (let p = 0; p < params.length; p++) {
      const c = Math.floor(p / stride);
      const j = p % stride;
      let g = 0;
      for (let r = 0; r < rows; r++) g += residuals[r * outputs + c] * (j === width ? 1 : standard[r * width + j]);
      grads[p] = g / rows;
    }
    const scalars = { stepSize: rate / (1 - ADAM.beta1 ** t), inverseSqrtCorrection2: 1 / Math.sqrt(1 - ADAM.beta2 ** t) };
    optimizerStep(params, grads, moments, 0, settings, scalars);
  }
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    logitsOf(r);
    let predicted = 0;
    if (outputs === 1) predicted = logits[0] >= 0 ? 1 : 0;
    else for (let c = 1; c < outputs; c++) if (logits[c] > logits[predicted]) predicted = c;
    if (predicted === labels[r]) correct++;
  }
  return correct / rows;
}
