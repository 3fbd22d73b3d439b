import { describe, expect, it } from 'vitest';
import { DISCRETE_STRENGTH, MAX_STRENGTH, paintClassProbability, paintClasses, paintNeuron, paintRegression, regressionRange } from '../../src/ui/heatmap';
import { BACKGROUND, CLASS_COLORS, NEGATIVE, POSITIVE, divergingColor, mix } from '../../src/ui/palette';

const pixel = (out: Uint8ClampedArray, cell: number) => Array.from(out.slice(4 * cell, 4 * cell + 4));
const rgba = (color: readonly number[]) => Array.from(Uint8ClampedArray.from([...color, 255]));

describe('decision boundary colours', () => {
  it('blends two classes by probability and fades to white where the model is unsure', () => {
    const out = new Uint8ClampedArray(4 * 3);
    paintClasses(Float32Array.from([0, 0.5, 1]), 2, 3, false, out);
    expect(pixel(out, 0)).toEqual(rgba(mix(BACKGROUND, CLASS_COLORS[0], MAX_STRENGTH)));
    expect(pixel(out, 1)).toEqual(rgba(BACKGROUND));
    expect(pixel(out, 2)).toEqual(rgba(mix(BACKGROUND, CLASS_COLORS[1], MAX_STRENGTH)));
  });

  it('blends k classes by their probabilities, stronger with confidence', () => {
    const out = new Uint8ClampedArray(4 * 2);
    paintClasses(Float32Array.from([0.2, 0.6, 0.2, 1 / 3, 1 / 3, 1 / 3]), 3, 2, false, out);
    const blend = [0, 1, 2].map((ch) => 0.2 * CLASS_COLORS[0][ch] + 0.6 * CLASS_COLORS[1][ch] + 0.2 * CLASS_COLORS[2][ch]) as [number, number, number];
    expect(pixel(out, 0)).toEqual(rgba(mix(BACKGROUND, blend, MAX_STRENGTH * 0.4)));
    expect(pixel(out, 1)).toEqual(rgba(BACKGROUND));
  });

  it('shows the likeliest class flat when discretized', () => {
    const out = new Uint8ClampedArray(4 * 2);
    paintClasses(Float32Array.from([0.1, 0.3, 0.6, 0.5, 0.4, 0.1]), 3, 2, true, out);
    expect(pixel(out, 0)).toEqual(rgba(mix(BACKGROUND, CLASS_COLORS[2], DISCRETE_STRENGTH)));
    expect(pixel(out, 1)).toEqual(rgba(mix(BACKGROUND, CLASS_COLORS[0], DISCRETE_STRENGTH)));
  });

  it('maps regression values onto a diverging scale, in bands when discretized', () => {
    const out = new Uint8ClampedArray(4 * 3);
    paintRegression(Float32Array.from([-2, 0, 1]), 3, 2, false, out);
    expect(pixel(out, 0)).toEqual(rgba(mix(BACKGROUND, NEGATIVE, MAX_STRENGTH)));
    expect(pixel(out, 1)).toEqual(rgba(BACKGROUND));
    expect(pixel(out, 2)).toEqual(rgba(mix(BACKGROUND, POSITIVE, MAX_STRENGTH / 2)));
    paintRegression(Float32Array.from([0.3, 0.9, 5]), 3, 1, true, out);
    expect(pixel(out, 0)).toEqual(rgba(divergingColor(0.25, MAX_STRENGTH)));
    expect(pixel(out, 1)).toEqual(rgba(divergingColor(1, MAX_STRENGTH)));
    expect(pixel(out, 2)).toEqual(rgba(divergingColor(1, MAX_STRENGTH)));
    expect(regressionRange([1, -3, NaN, 2])).toBe(3);
  });

  it('scales a neuron by its largest |activation| and reads one column of the layer', () => {
    const out = new Uint8ClampedArray(4 * 2);
    paintNeuron(Float32Array.from([9, -0.5, 9, 0.25]), 2, 1, 2, out);
    expect(pixel(out, 0)).toEqual(rgba(divergingColor(-1)));
    expect(pixel(out, 1)).toEqual(rgba(divergingColor(0.5)));
  });

  it('paints one class probability of a k-class output', () => {
    const out = new Uint8ClampedArray(4);
    paintClassProbability(Float32Array.from([0.1, 0.2, 0.7]), 3, 2, 1, out);
    expect(pixel(out, 0)).toEqual(rgba(mix(BACKGROUND, CLASS_COLORS[2], MAX_STRENGTH * 0.7)));
  });

  it('uses six distinct class colours and no NaN for odd values', () => {
    expect(new Set(CLASS_COLORS.map((c) => c.join())).size).toBe(6);
    expect(divergingColor(NaN)).toEqual(BACKGROUND);
  });
});
