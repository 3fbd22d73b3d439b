import { describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATIONS, type Activation } from '../../src/core/activations';
import { defaultConfig, type Architecture } from '../../src/core/config';
import { buildModelSpec, planNetwork } from '../../src/core/network';
import { optimizerStep, regularizationPenalty } from '../../src/core/optimizer';
import { createRng } from '../../src/core/rng';
import type { Task } from '../../src/core/task';
import { CpuNetwork } from '../../src/cpu/cpuNetwork';

const TASKS: [string, Task][] = [
  ['binary', { kind: 'classification', classes: 2 }],
  ['3-class', { kind: 'classification', classes: 3 }],
  ['regression', { kind: 'regression' }],
];

/** A random network and batch, in Float64, for one combination. */
function fixture(arch: Architecture, activation: Activation, task: Task, seed: number) {
  const model = { ...defaultConfig().model, arch, activation, hidden: [5, 4], width: 4, blocks: 2, features: ['x1', 'x2', 'x1*x2'] as const };
  const spec = buildModelSpec({ ...model, features: [...model.features] }, task);
  const plan = planNetwork(spec);
  const rows = 7;
  const net = new CpuNetwork(plan, Float64Array, rows);
  const rng = createRng(seed);
  for (let i = 0; i < plan.parameterCount; i++) net.params[i] = rng.normal() * 0.6;
  const input = net.slot(0);
  for (let i = 0; i < rows * plan.slotWidths[0]; i++) input[i] = rng.uniform(-1.5, 1.5);
  const labels = Array.from({ length: rows }, () => (task.kind === 'regression' ? rng.normal() : rng.int(task.kind === 'classification' ? task.classes : 1)));
  return { net, plan, rows, labels };
}

describe('finite-difference gradient check (Float64)', () => {
  for (const arch of ['mlp', 'resnet'] as const) {
    for (const activation of HIDDEN_ACTIVATIONS) {
      for (const [taskName, task] of TASKS) {
        for (const [l1, l2] of [
          [0, 0],
          [0.01, 0.03],
        ]) {
          it(`${arch} · ${activation} · ${taskName} · l1=${l1} l2=${l2}`, () => {
            const { net, plan, rows, labels } = fixture(arch, activation, task, 11);
            const objective = (): number => {
              net.forward(rows, null);
              return net.backward(rows, labels, null) + regularizationPenalty(net.params, plan.weightCount, l1, l2);
            };
            objective();
            // The optimizer adds the regularisation gradient: recover it with an SGD step of size 1.
            const before = net.params.slice();
            optimizerStep(net.params, net.grads, new Float64Array(0), plan.weightCount, { optimizer: 'sgd', learningRate: 1, momentum: 0, l1, l2 }, { stepSize: 1, inverseSqrtCorrection2: 1 });
            const analytic = before.map((p, i) => p - net.params[i]);
            net.params.set(before);
            const h = 1e-6;
            let worst = 0;
            for (let i = 0; i < plan.parameterCount; i++) {
              const p = net.params[i];
              net.params[i] = p + h;
              const up = objective();
              net.params[i] = p - h;
              const down = objective();
              net.params[i] = p;
              const numeric = (up - down) / (2 * h);
              worst = Math.max(worst, Math.abs(numeric - analytic[i]) / Math.max(1, Math.abs(numeric)));
            }
            expect(worst).toBeLessThan(1e-6);
          });
        }
      }
    }
  }
});
