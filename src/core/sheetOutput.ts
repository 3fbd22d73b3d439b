import type { DensePlan } from './network';

/**
 * The output's answer at every sample of the plane's lines mapped into the slot the output layer
 * reads: exact, since the samples are that slot's real activations. The 3-D view colours its
 * lines with it, so that the output's regions and their borders show on the warped sheet itself.
 */

/** The output layer's pre-activations W·h + b (rows × output.out) at `rows` rows of the slot it reads (rows × output.in). */
export function outputAt(parameters: ArrayLike<number>, output: DensePlan, values: ArrayLike<number>, rows: number): Float64Array {
  const { in: width, out } = output;
  const logits = new Float64Array(rows * out);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < out; o++) {
      let sum = parameters[output.biasOffset + o];
      for (let i = 0; i < width; i++) sum += parameters[output.weightOffset + o * width + i] * values[r * width + i];
      logits[r * out + o] = sum;
    }
  }
  return logits;
}

/** Each row's class: the argmax of its logits, or with one logit (two classes) 1 where it is at least 0. */
export function argmaxClasses(logits: ArrayLike<number>, rows: number, outs: number): Uint8Array {
  const classes = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    if (outs === 1) {
      classes[r] = logits[r] >= 0 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let o = 1; o < outs; o++) if (logits[r * outs + o] > logits[r * outs + best]) best = o;
    classes[r] = best;
  }
  return classes;
}

/**
 * How far along the straight segment from row `a` (of class `classA`) to row `b` (of class
 * `classB`) the output passes from one class to the other, as a share of the segment: the logits
 * are affine along it, so that is where the two classes' logits are equal (one logit: its zero).
 */
export function classCrossing(logits: ArrayLike<number>, outs: number, a: number, b: number, classA: number, classB: number): number {
  const lead = (r: number): number => (outs === 1 ? logits[r] : logits[r * outs + classA] - logits[r * outs + classB]);
  const [from, to] = [lead(a), lead(b)];
  if (from === to) return 0.5;
  return Math.max(0, Math.min(1, from / (from - to)));
}
