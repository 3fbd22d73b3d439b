import { describe, expect, it } from 'vitest';
import { classRegions, outputField, regionPixelCentre, type RegionGrid } from '../../src/core/classRegions';
import { defaultConfig, type ExperimentConfig } from '../../src/core/config';
import { computeFeatures } from '../../src/core/features';
import { viewableSlots, type ViewableSlot } from '../../src/core/layerView';
import { hiddenLayers } from '../../src/core/network';
import { layerPoint, project, projectionOf, unitsProjection, type Projection } from '../../src/core/projection';
import { outputAt } from '../../src/core/sheetOutput';
import { createRng } from '../../src/core/rng';
import { boxOf, perspective, planeCubePolygon, planeInCube, rotate, rotationMatrix, toCube, turnedBy, type Vec3 } from '../../src/core/space3d';
import type { PlaneLines } from '../../src/core/trainer';
import { CpuNetwork } from '../../src/cpu/cpuNetwork';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { denseForward } from '../../src/cpu/kernels';
import { generateDataset } from '../../src/data/presets';
import { buildTrainerSetup } from '../../src/train/trainerSetup';
import { MAX_STRENGTH, regressionRange } from '../../src/ui/heatmap';
import { classColours, valueColours } from '../../src/ui/layerView3dDraw';
import { planePolylines, valuePixels } from '../../src/ui/layerViewDraw';
import { divergingColor, mix, type Rgb } from '../../src/ui/palette';
import { ISOLINE_LEVELS } from '../../src/ui/planeDraw';

/** The layer view's pictures of a layer's space: the 3-D view's maths, two picked units, and the output's class regions. */

const LINES: PlaneLines = { lines: 5, samples: 7, x1: [-6, 6], x2: [-6, 6] };
const length = (v: Vec3): number => Math.hypot(...v);

function trained(change: (config: ExperimentConfig) => void, steps: number): { trainer: CpuTrainer<Float64Array>; config: ExperimentConfig } {
  const config = defaultConfig();
  change(config);
  const trainer = new CpuTrainer(buildTrainerSetup('fresh', config, generateDataset(config.data), null), Float64Array);
  trainer.stepSync(steps);
  return { trainer, config };
}

/** The training points' features, as the engines compute them. */
function trainingFeatures(trainer: CpuTrainer<Float64Array>, config: ExperimentConfig): { features: Float64Array; rows: number } {
  const dataset = generateDataset(config.data);
  const points = Float64Array.from(dataset.points.filter((_, i) => dataset.isTest[i >> 1] === 0));
  const spec = trainer.plan.spec;
  const rows = points.length / 2;
  return { features: computeFeatures(points, spec.features, new Float64Array(rows * spec.features.length), spec.normalization), rows };
}

describe('the 3-D view', () => {
  it('turns without stretching: every rotation keeps lengths and is orthonormal', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 50; trial++) {
      const m = rotationMatrix({ yaw: 10 * (rng.next() - 0.5), pitch: 3 * (rng.next() - 0.5) });
      const v: Vec3 = [rng.normal(), rng.normal(), rng.normal()];
      expect(length(rotate(m, v))).toBeCloseTo(length(v), 12);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2]).toBeCloseTo(i === j ? 1 : 0, 12);
    }
  });

  it('puts known points where they belong', () => {
    // Unturned, the corner (1, 1, 1) is nearer the camera (at distance 6), so it spreads by 6 / 5.
    const corner = perspective(rotate(rotationMatrix({ yaw: 0, pitch: 0 }), [1, 1, 1]), 6);
    expect([corner.x, corner.y, corner.depth]).toEqual([1.2, 1.2, 1]);
    // A quarter turn of yaw takes unit 1's axis away from the camera; a quarter turn of pitch brings the vertical axis towards it.
    const away = rotate(rotationMatrix({ yaw: Math.PI / 2, pitch: 0 }), [1, 0, 0]);
    [0, 0, -1].forEach((value, k) => expect(away[k]).toBeCloseTo(value, 12));
    const towards = rotate(rotationMatrix({ yaw: 0, pitch: Math.PI / 2 }), [0, 1, 0]);
    [0, 0, 1].forEach((value, k) => expect(towards[k]).toBeCloseTo(value, 12));
    expect(perspective(away, 6).x).toBeCloseTo(0, 12);
    // Pitch stops at a quarter turn either way.
    expect(turnedBy({ yaw: 0, pitch: 1.5 }, 0.2, 0.2)).toEqual({ yaw: 0.2, pitch: Math.PI / 2 });
  });

  it('clips the separating plane to the data’s box, corners in order around it', () => {
    const square = planeCubePolygon([0, 0, 1], 0);
    expect(square).toHaveLength(4);
    // Going around, each corner differs from the next in one coordinate only.
    square.forEach((p, i) => {
      const q = square[(i + 1) % 4];
      expect(p[2]).toBeCloseTo(0, 12);
      expect(p.filter((v, k) => Math.abs(v - q[k]) > 1e-9)).toHaveLength(1);
    });
    expect(planeCubePolygon([1, 1, 1], 0)).toHaveLength(6);
    expect(planeCubePolygon([1, 1, 1], 5)).toEqual([]);
    // A point of w·h + b = 0 in the layer's space lands on the plane in the cube's coordinates.
    const box = boxOf([0, -2, 1, 4, 3, 2, 1, 0, 5], 3);
    const weights = [0.5, -1, 2];
    const bias = -1.5;
    const { normal, offset } = planeInCube(weights, bias, box);
    const h = [1, 2, (1.5 - 0.5 * 1 + 2) / 2];
    const u = toCube(h, box);
    expect(normal[0] * u[0] + normal[1] * u[1] + normal[2] * u[2] + offset).toBeCloseTo(0, 12);
  });
});

describe('two units the user picks', () => {
  it('are the layer’s units themselves, as the CPU forward pass computes them, in a plane through the data’s mean', () => {
    const { trainer, config } = trained((c) => (c.model.hidden = [5, 4]), 40);
    const layer = hiddenLayers(trainer.plan)[0];
    const view = trainer.stepSync(0, { layerView: { slot: layer.output, lines: LINES, points: true } }).layerView!;
    const { features, rows } = trainingFeatures(trainer, config);
    const network = new CpuNetwork(trainer.plan, Float64Array, rows);
    network.params.set(trainer.network.params);
    network.slot(0).set(features);
    network.forward(rows, null);
    const activations = network.slot(layer.output);
    const projection = unitsProjection(view.points!, rows, 5, 3, 1);
    const points = project(view.points!, rows, projection);
    for (let r = 0; r < rows; r++) {
      expect(points[2 * r]).toBeCloseTo(activations[5 * r + 3], 6);
      expect(points[2 * r + 1]).toBeCloseTo(activations[5 * r + 1], 6);
    }
    // The picture's plane holds the other units at their mean over the data (the view's numbers are float32).
    const h = layerPoint(projection, 0.25, -0.5);
    for (const j of [0, 2, 4]) {
      let mean = 0;
      for (let r = 0; r < rows; r++) mean += activations[5 * r + j] / rows;
      expect(h[j]).toBeCloseTo(mean, 6);
    }
    expect([h[3], h[1]]).toEqual([0.25, -0.5]);
    expect(() => unitsProjection(view.points!, rows, 5, 2, 2)).toThrow(/two different units of 1 to 5, got 3 and 3/);
  });
});

describe('the output’s class regions', () => {
  /** Each pixel's class from the CPU forward pass of the output layer at that pixel's point of the layer's space. */
  function forwardClasses(trainer: CpuTrainer<Float64Array>, projection: Projection, grid: RegionGrid): Uint8Array {
    const output = trainer.plan.dense[trainer.plan.dense.length - 1];
    const classes = new Uint8Array(grid.columns * grid.rows);
    const logits = new Float64Array(output.out);
    for (let row = 0; row < grid.rows; row++) {
      for (let column = 0; column < grid.columns; column++) {
        const h = layerPoint(projection, ...regionPixelCentre(grid, column, row));
        denseForward(h, 1, trainer.network.params, output, 'linear', logits, null, null, null);
        let best = 0;
        for (let o = 1; o < output.out; o++) if (logits[o] > logits[best]) best = o;
        classes[row * grid.columns + column] = output.out === 1 ? (logits[0] >= 0 ? 1 : 0) : best;
      }
    }
    return classes;
  }

  it.each([
    { name: 'three blobs, 4 units, principal components', classes: 3, hidden: [6, 4], picture: 'principal' },
    { name: 'four arms of a spiral, 5 units, units 5 and 2', classes: 4, hidden: [5], picture: 'units' },
    { name: 'two classes, 2 units, exact', classes: 2, hidden: [4, 2], picture: 'principal' },
  ])('are the argmax of the output at each pixel’s point: $name', ({ classes, hidden, picture }) => {
    const { trainer } = trained((c) => {
      c.data.preset = classes === 4 ? 'spiral' : 'blobs';
      c.data.classes = classes;
      c.model.hidden = hidden;
      c.training.learningRate = 0.03;
    }, 150);
    const plan = trainer.plan;
    const output = plan.dense[plan.dense.length - 1];
    const width = hidden[hidden.length - 1];
    const view = trainer.stepSync(0, { layerView: { slot: output.input, lines: LINES, points: true } }).layerView!;
    const rows = view.points!.length / width;
    const projection = picture === 'units' ? unitsProjection(view.points!, rows, width, 4, 1) : projectionOf(view.points!, rows, width);
    const points = project(view.points!, rows, projection);
    const xs = points.filter((_, i) => i % 2 === 0);
    const ys = points.filter((_, i) => i % 2 === 1);
    const grid: RegionGrid = { columns: 37, rows: 23, bounds: [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] };
    const regions = classRegions(trainer.network.params, output, projection, grid);
    expect(Array.from(regions)).toEqual(Array.from(forwardClasses(trainer, projection, grid)));
    // The picture is not one colour: the trained output separates the classes in it.
    expect(new Set(regions).size).toBeGreaterThan(1);
  });
});

/** The output layer's pre-activations at one point h of the slot it reads, by the CPU forward pass. */
function forwardOutput(trainer: CpuTrainer<Float64Array>, h: ArrayLike<number>): Float64Array {
  const output = trainer.plan.dense[trainer.plan.dense.length - 1];
  const logits = new Float64Array(output.out);
  denseForward(Float64Array.from(h), 1, trainer.network.params, output, 'linear', logits, null, null, null);
  return logits;
}

const argmax = (logits: Float64Array): number => (logits.length === 1 ? (logits[0] >= 0 ? 1 : 0) : logits.indexOf(Math.max(...logits)));

describe('the 3-D lines coloured by the output', () => {
  it.each<{ name: string; preset: string; classes: number; model: (model: ExperimentConfig['model']) => void; slot: ViewableSlot['kind'] }>([
    { name: 'three blobs, a hidden layer', preset: 'blobs', classes: 3, model: (m) => (m.hidden = [6, 3]), slot: 'hidden' },
    { name: 'four arms of a spiral, a residual block’s sum', preset: 'spiral', classes: 4, model: (m) => Object.assign(m, { arch: 'resnet', width: 3, blocks: 2 }), slot: 'block' },
    { name: 'two classes (one logit), the input x1, x2, x1²', preset: 'circle', classes: 2, model: (m) => Object.assign(m, { hidden: [], features: ['x1', 'x2', 'x1^2'] }), slot: 'input' },
  ])('colour each sample by the CPU forward argmax at its activation, and change colour where the two classes tie: $name', ({ preset, classes, model, slot }) => {
    const { trainer } = trained((c) => {
      c.data.preset = preset;
      c.data.classes = classes;
      model(c.model);
      c.training.learningRate = 0.03;
    }, 150);
    const output = trainer.plan.dense[trainer.plan.dense.length - 1];
    expect(viewableSlots(trainer.plan).find((s) => s.slot === output.input)).toMatchObject({ kind: slot, width: 3 });
    const view = trainer.stepSync(0, { layerView: { slot: output.input, lines: LINES } }).layerView!;
    const rows = view.lines.length / 3;
    const sheet = classColours(planePolylines(outputAt(trainer.network.params, output, view.lines, rows), output.out, LINES), output.out, classes);
    const lines = planePolylines(view.lines, 3, LINES);
    const seen = new Set<number>();
    let splits = 0;
    lines.forEach((line, index) => {
      for (let s = 0; s < LINES.samples; s++) {
        const key = sheet.keys[index][s];
        expect(key).toBe(argmax(forwardOutput(trainer, line.subarray(3 * s, 3 * s + 3))));
        seen.add(key);
        if (s === 0 || sheet.keys[index][s - 1] === key) continue;
        // Where the segment changes colour, the two classes' logits are equal (one logit: zero).
        splits++;
        const t = sheet.splits[index][s - 1];
        const at = [0, 1, 2].map((k) => line[3 * (s - 1) + k] + t * (line[3 * s + k] - line[3 * (s - 1) + k]));
        const logits = forwardOutput(trainer, at);
        const gap = logits.length === 1 ? logits[0] : logits[sheet.keys[index][s - 1]] - logits[key];
        expect(Math.abs(gap)).toBeLessThan(1e-9);
      }
    });
    expect(sheet.colours).toHaveLength(classes);
    // The output separates the classes on the sheet: every class colours some of it, and borders cross the lines.
    expect(seen.size).toBe(classes);
    expect(splits).toBeGreaterThan(0);
  });
});

describe('a regression’s prediction in the layer view', () => {
  it('shades each pixel by the output value at its point on the diverging scale, isolines where it crosses the main plane’s levels', () => {
    const { trainer, config } = trained((c) => {
      c.data.preset = 'reg-gauss';
      c.model.hidden = [6, 4];
      c.training.learningRate = 0.03;
    }, 150);
    const output = trainer.plan.dense[trainer.plan.dense.length - 1];
    const view = trainer.stepSync(0, { layerView: { slot: output.input, lines: LINES, points: true } }).layerView!;
    const rows = view.points!.length / 4;
    const projection = projectionOf(view.points!, rows, 4);
    const points = project(view.points!, rows, projection);
    const xs = points.filter((_, i) => i % 2 === 0);
    const ys = points.filter((_, i) => i % 2 === 1);
    const grid: RegionGrid = { columns: 41, rows: 29, bounds: [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] };
    const range = regressionRange(generateDataset(config.data).labels);
    const pixels = valuePixels(outputField(trainer.network.params, output, projection, grid), grid, range);

    const values = Float64Array.from({ length: grid.columns * grid.rows }, (_, i) => forwardOutput(trainer, layerPoint(projection, ...regionPixelCentre(grid, i % grid.columns, Math.floor(i / grid.columns))))[0]);
    const band = (v: number): number => ISOLINE_LEVELS.filter((level) => v >= level * range).length;
    const shades = new Set<string>();
    let isolinePixels = 0;
    for (let row = 0; row < grid.rows; row++) {
      for (let column = 0; column < grid.columns; column++) {
        const i = row * grid.columns + column;
        const across = (column + 1 < grid.columns && band(values[i + 1]) !== band(values[i])) || (row + 1 < grid.rows && band(values[i + grid.columns]) !== band(values[i]));
        const shade = divergingColor(values[i] / range, MAX_STRENGTH);
        const expected: Rgb = across ? mix(shade, [17, 20, 24], 0.45) : shade;
        expected.forEach((channel, k) => expect(Math.abs(pixels[4 * i + k] - channel)).toBeLessThanOrEqual(0.5 + 1e-6));
        expect(pixels[4 * i + 3]).toBe(255);
        if (across) isolinePixels++;
        shades.add(pixels.slice(4 * i, 4 * i + 3).join());
      }
    }
    expect(isolinePixels).toBeGreaterThan(0);
    expect(shades.size).toBeGreaterThan(20);
  });

  it('colours the 3-D lines by the output value at each sample, on the same scale through grey', () => {
    const { trainer, config } = trained((c) => {
      c.data.preset = 'reg-plane';
      c.model.hidden = [3];
    }, 100);
    const output = trainer.plan.dense[trainer.plan.dense.length - 1];
    const view = trainer.stepSync(0, { layerView: { slot: output.input, lines: LINES } }).layerView!;
    const range = regressionRange(generateDataset(config.data).labels);
    const sheet = valueColours(planePolylines(outputAt(trainer.network.params, output, view.lines, view.lines.length / 3), 1, LINES), range);
    planePolylines(view.lines, 3, LINES).forEach((line, index) => {
      for (let s = 0; s < LINES.samples; s++) {
        const t = Math.max(-1, Math.min(1, forwardOutput(trainer, line.subarray(3 * s, 3 * s + 3))[0] / range));
        // Eight bands each side of 0: the sample's band is its value's, rounded.
        expect(sheet.keys[index][s]).toBe(Math.round((t + 1) * 8));
      }
    });
    expect(sheet.colours[8]).toEqual([90, 90, 90]);
    expect(sheet.colours[16]).toEqual(divergingColor(1));
    expect(sheet.colours[0]).toEqual(divergingColor(-1));
    expect(new Set(sheet.keys.flatMap((keys) => [...keys])).size).toBeGreaterThan(3);
  });
});
