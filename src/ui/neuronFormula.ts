import type { LayerActivation } from '../core/activations';
import { FEATURE_NAMES } from '../core/features';
import { producerOf, type NetworkPlan } from '../core/network';
import { formatValue } from './format';
import { FEATURE_LABELS } from './names';

/** One unit's formula, act(Σ wᵢ·xᵢ + b), with its real numbers and where each lives in the parameter vector. */

export interface FormulaTerm {
  /** What the weight multiplies: a feature ("x₁") or a unit of the layer before ("h1.2": unit 2 of layer 1). */
  input: string;
  weight: number;
  /** Index of the weight in the flat parameter vector. */
  index: number;
}

export interface NeuronFormula {
  /** "tanh", "ReLU", "σ"; empty for a linear unit. */
  activation: string;
  terms: FormulaTerm[];
  bias: number;
  biasIndex: number;
  /** "tanh(0.531·x₁ − 1.20·x₂ + 0.100)" */
  text: string;
}

const ACTIVATION_SYMBOLS: Record<LayerActivation, string> = { tanh: 'tanh', relu: 'ReLU', leaky_relu: 'leaky ReLU', sigmoid: 'σ', elu: 'ELU', softplus: 'softplus', linear: '', softmax: 'softmax' };

/** The name the formula gives unit `unit` of the layer whose output is `slot`: a feature, or "h<layer>.<unit>" (both counted from 1). */
export function inputName(plan: NetworkPlan, slot: number, unit: number): string {
  const producer = producerOf(plan, slot);
  if (!producer) return FEATURE_LABELS[plan.spec.features[unit] ?? FEATURE_NAMES[unit]].text;
  return `h${producer.index + 1}.${unit + 1}`;
}

/** The weight's index in the flat parameter vector for the link from input `from` to unit `to` of dense layer `layer`. */
export function weightIndex(plan: NetworkPlan, layer: number, to: number, from: number): number {
  const dense = plan.dense[layer];
  return dense.weightOffset + to * dense.in + from;
}

/** A term with its sign written as the operator between it and the previous one. */
function joined(first: boolean, value: number, body: string): string {
  const magnitude = formatValue(Math.abs(value));
  const sign = value < 0 || Object.is(value, -0) ? '−' : '+';
  if (first) return `${sign === '−' ? '−' : ''}${magnitude}${body}`;
  return ` ${sign} ${magnitude}${body}`;
}

/** Unit `unit` of dense layer `layer` with the given parameters (plan order). */
export function neuronFormula(plan: NetworkPlan, layer: number, unit: number, parameters: ArrayLike<number>): NeuronFormula {
  const dense = plan.dense[layer];
  if (!dense || unit < 0 || unit >= dense.out) throw new RangeError(`there is no unit ${unit + 1} in layer ${layer + 1}`);
  const terms = Array.from({ length: dense.in }, (_, i) => {
    const index = weightIndex(plan, layer, unit, i);
    return { input: inputName(plan, dense.input, i), weight: parameters[index], index };
  });
  const biasIndex = dense.biasOffset + unit;
  const bias = parameters[biasIndex];
  const sum = terms.map((term, i) => joined(i === 0, term.weight, `·${term.input}`)).join('') + joined(terms.length === 0, bias, '');
  const activation = ACTIVATION_SYMBOLS[dense.activation];
  return { activation, terms, bias, biasIndex, text: activation ? `${activation}(${sum})` : sum };
}
