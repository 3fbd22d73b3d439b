import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFeatures } from '../../src/core/features';
import { logitsToOutputs } from '../../src/core/loss';
import { planNetwork } from '../../src/core/network';
import { createRng } from '../../src/core/rng';
import { outputWidth } from '../../src/core/task';
import { CpuNetwork } from '../../src/cpu/cpuNetwork';
import { exportWeights, parseWeights, serializeWeights, type ImportedWeights } from '../../src/io/weights';
import { FOUR_CLASSES, REGRESSION, TWO_CLASSES, gentleParameters, modelSpec } from './io-fixtures';

/** The ```python block of docs/FORMAT.md, run as it is written, so that the documentation cannot drift from the engine. */
const FORMAT_DOC = new URL('../../docs/FORMAT.md', import.meta.url);

function pythonSnippet(): string {
  const blocks = [...readFileSync(FORMAT_DOC, 'utf8').matchAll(/```python\n([\s\S]*?)```/g)];
  if (blocks.length !== 1) throw new Error(`docs/FORMAT.md should hold exactly one python block, found ${blocks.length}`);
  return blocks[0][1];
}

/** After the snippet has run (and printed its example), print predict() of points.json as one JSON line. */
const HARNESS = '\nprint("OUTPUTS " + json.dumps(predict(model, np.array(json.load(open("points.json")))).tolist()))\n';

let directory = '';
let python = '';

/** The first Python that has NumPy: the one on PATH, else Debian's (where python3-numpy installs it). */
function findPythonWithNumpy(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import numpy'], { stdio: 'pipe' });
      return candidate;
    } catch {
      // Not this one; try the next.
    }
  }
  throw new Error('io-numpy.test.ts runs the NumPy snippet of docs/FORMAT.md and needs python3 with NumPy (scripts/system-deps.sh installs python3-numpy)');
}

beforeAll(() => {
  python = findPythonWithNumpy();
  directory = mkdtempSync(join(tmpdir(), 'descent-numpy-'));
});

afterAll(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
});

/** The snippet's outputs for `points` (n × 2) with the model file `text`: n rows of outputs. */
function numpyOutputs(text: string, points: number[][]): number[][] {
  writeFileSync(join(directory, 'model.json'), text);
  writeFileSync(join(directory, 'points.json'), JSON.stringify(points));
  writeFileSync(join(directory, 'snippet.py'), pythonSnippet() + HARNESS);
  const stdout = execFileSync(python, ['snippet.py'], { cwd: directory, encoding: 'utf8' });
  const line = stdout.split('\n').find((l) => l.startsWith('OUTPUTS '));
  if (!line) throw new Error(`the snippet printed no outputs:\n${stdout}`);
  return JSON.parse(line.slice('OUTPUTS '.length)) as number[][];
}

/** Descent's own forward pass (the Float64 CPU engine) of an imported model: n rows of outputs. */
function engineOutputs(model: ImportedWeights, points: number[][]): number[][] {
  const { spec, parameters } = model;
  const n = points.length;
  const network = new CpuNetwork(planNetwork(spec), Float64Array, n);
  network.params.set(parameters);
  computeFeatures(points.flat(), spec.features, network.slot(0), spec.normalization);
  const width = outputWidth(spec.task);
  const outputs = logitsToOutputs(spec.task, Float64Array.from(network.forward(n, null).subarray(0, n * width)), n);
  return points.map((_, row) => Array.from(outputs.subarray(row * width, (row + 1) * width)));
}

/** Points spread over [−6, 6]², plus the origin and points on the axes (where theta and r have edge cases). */
function samplePoints(seed: number): number[][] {
  const rng = createRng(seed);
  const spread = Array.from({ length: 300 }, () => [rng.uniform(-6, 6), rng.uniform(-6, 6)]);
  return [[0, 0], [-3, 0], [0, -2.5], [1e-9, -1e-9], ...spread];
}

const ALL_FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)', 'r', 'theta'] as const;

const models = [
  ['mlp, 4 classes, all features normalised, every hidden activation', modelSpec(
    { hidden: [7, 6, 5, 6, 5, 4, 3], features: [...ALL_FEATURES], layerActivations: ['linear', 'relu', 'leaky_relu', 'elu', 'tanh', 'sigmoid', 'softplus'] },
    FOUR_CLASSES,
    { mean: [0.1, -0.2, 12, 11.5, 0.3, 0.01, -0.02, 4.5, 0.1], std: [3.4, 3.5, 10.5, 10, 12, 0.7, 0.71, 1.6, 1.8] },
  )],
  ['mlp, 2 classes, no hidden layer', modelSpec({ hidden: [], features: ['x1', 'x2', 'x1*x2'] }, TWO_CLASSES)],
  ['resnet, 2 classes, leaky_relu and elu blocks', modelSpec(
    { arch: 'resnet', width: 6, blocks: 3, activation: 'leaky_relu', layerActivations: [null, 'elu', null, 'softplus', 'relu'] },
    TWO_CLASSES,
  )],
  ['resnet, regression, normalised', modelSpec({ arch: 'resnet', width: 5, blocks: 2, features: ['r', 'theta'] }, REGRESSION, { mean: [3, 0], std: [2, 1.8] })],
] as const;

describe('the NumPy snippet in docs/FORMAT.md computes what Descent computes', () => {
  models.forEach(([name, spec], index) => {
    it(name, () => {
      const text = serializeWeights(exportWeights(spec, gentleParameters(spec, 40 + index)));
      const points = samplePoints(index);
      const expected = engineOutputs(parseWeights(text), points);
      const actual = numpyOutputs(text, points);
      expect(actual).toHaveLength(points.length);
      actual.forEach((row, r) => {
        expect(row).toHaveLength(expected[r].length);
        row.forEach((value, c) => expect(Math.abs(value - expected[r][c])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[r][c]))));
      });
    });
  });

  it('residual blocks of one and of three layers', () => {
    const spec = modelSpec({ arch: 'resnet', width: 4, blocks: 1 }, FOUR_CLASSES);
    const file = JSON.parse(serializeWeights(exportWeights(spec, gentleParameters(spec, 9))));
    const [layer, other] = file.layers[1].layers;
    file.layers.splice(1, 1, { kind: 'residual', layers: [other] }, { kind: 'residual', layers: [layer, other, layer] });
    const text = JSON.stringify(file);
    const points = samplePoints(7);
    const expected = engineOutputs(parseWeights(text), points);
    numpyOutputs(text, points).forEach((row, r) => row.forEach((value, c) => expect(value).toBeCloseTo(expected[r][c], 9)));
  });
});
