import { describe, expect, it } from 'vitest';
import { classRegions, regionPixelCentre, type RegionGrid } from '../../src/core/classRegions';
import { defaultConfig, type ExperimentConfig } from '../../src/core/config';
import { computeFeatures } from '../../src/core/features';
import { hiddenLayers } from '../../src/core/network';
import { layerPoint, project, projectionOf, unitsProjection, type Projection } from '../../src/core/projection';
import { createRng } from '../../src/core/rng';
import { boxOf, perspective, planeCubePolygon, planeInCube, rotate, rotationMatrix, toCube, turnedBy, type Vec3 } from '../../src/core/space3d';
import type { PlaneLines } from '../../src/core/trainer';
import { CpuNetwork } from '../../src/cpu/cpuNetwork';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { denseForward } from '../../src/cpu/kernels';
import { generateDataset } from '../../src/data/presets';
import { buildTrainerSetup } from '../../src/train/trainerSetup';

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
