import type { Activation } from '../core/activations';
import { LIMITS, type ModelConfig } from '../core/config';

/** Edits of the model's layout from the network diagram; each returns a new ModelConfig. */

/** Widths of the hidden dense layers the diagram shows (a ResNet's stem and block layers all have its width). */
export function hiddenWidths(model: ModelConfig): number[] {
  return model.arch === 'mlp' ? model.hidden : Array(1 + 2 * model.blocks).fill(model.width);
}

export function canAddLayer(model: ModelConfig): boolean {
  return model.arch === 'mlp' ? model.hidden.length < LIMITS.hiddenLayers.max : model.blocks < LIMITS.blocks.max;
}

export function canRemoveLayer(model: ModelConfig): boolean {
  return model.arch === 'mlp' ? model.hidden.length > LIMITS.hiddenLayers.min : model.blocks > LIMITS.blocks.min;
}

/** One more hidden layer (as wide as the last one) for an MLP, one more residual block for a ResNet. */
export function addLayer(model: ModelConfig): ModelConfig {
  if (!canAddLayer(model)) return model;
  if (model.arch === 'resnet') return { ...model, blocks: model.blocks + 1 };
  return { ...model, hidden: [...model.hidden, model.hidden.at(-1) ?? 4] };
}

/** The last hidden layer (MLP) or residual block (ResNet) removed, with its activation overrides. */
export function removeLayer(model: ModelConfig): ModelConfig {
  if (!canRemoveLayer(model)) return model;
  if (model.arch === 'resnet') return { ...model, blocks: model.blocks - 1, layerActivations: model.layerActivations.slice(0, 1 + 2 * (model.blocks - 1)) };
  return { ...model, hidden: model.hidden.slice(0, -1), layerActivations: model.layerActivations.slice(0, model.hidden.length - 1) };
}

/** Hidden layer `layer` with `neurons` units (clamped to 1…1024); a ResNet's layers all change together. */
export function setLayerWidth(model: ModelConfig, layer: number, neurons: number): ModelConfig {
  const width = Math.max(LIMITS.width.min, Math.min(LIMITS.width.max, Math.round(neurons)));
  if (model.arch === 'resnet') return { ...model, width };
  return { ...model, hidden: model.hidden.map((w, i) => (i === layer ? width : w)) };
}

/** The activation of one hidden layer; null falls back to the model's activation. */
export function setLayerActivation(model: ModelConfig, layer: number, activation: Activation | null): ModelConfig {
  const layerActivations = Array.from({ length: Math.max(model.layerActivations.length, layer + 1) }, (_, i) => model.layerActivations[i] ?? null);
  layerActivations[layer] = activation;
  while (layerActivations.length > 0 && layerActivations.at(-1) === null) layerActivations.pop();
  return { ...model, layerActivations };
}
