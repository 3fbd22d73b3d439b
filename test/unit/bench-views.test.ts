import { describe, expect, it } from 'vitest';
import { runDescent } from '../../src/bench/descentRunner';
import { reportRows, viewsCost, type BenchReport } from '../../src/bench/report';
import { benchmarkDataset, VIEWS_CADENCE, WORKLOADS } from '../../src/bench/workloads';
import type { ObserveRequest } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';

describe('the cost of the see-inside views in the benchmark', () => {
  const frames = WORKLOADS.filter((w) => w.id === 'frame' || w.id === 'frame-inside');
  const report = (rates: Record<string, [number, number]>): BenchReport => {
    const node = Object.entries(rates).flatMap(([implementation, [plain, views]]) => [
      { implementation, workload: 'frame', seconds: 1, samplesPerSecond: plain },
      { implementation, workload: 'frame-inside', seconds: 1, samplesPerSecond: views },
    ]);
    return { date: '', machine: { cpu: '', cores: 1, platform: '', node: '' }, node: { adapter: null, measurements: node }, browser: null, rows: reportRows(frames, node, []) };
  };

  it('is a frame with the views on, the same frame otherwise, over a whole number of the page’s view refreshes', () => {
    const [plain, views] = frames;
    expect(views).toEqual({ ...plain, id: 'frame-inside', label: `${plain.label} · views on`, views: true, repeats: 12 });
    expect(views.repeats % VIEWS_CADENCE.viewEvery).toBe(0);
  });

  it('asks for the views at the page’s cadence at 60 frames per second: layer view and gradient flow every 100 ms, separability every 3 s', () => {
    expect(VIEWS_CADENCE).toEqual({ viewEvery: 6, separabilityEvery: 180 });
  });

  it('measures frame-inside as the page works: the views on 2 frames of 12, separability once, outside the frames, charged for 12 of its 180 frames', async () => {
    const asked: ObserveRequest[] = [];
    let fits = 0;
    const measurement = await runDescent('descent-cpu', frames[1], benchmarkDataset(), async (setup) => {
      const trainer = new CpuTrainer(setup);
      const step = trainer.step.bind(trainer);
      const separability = trainer.separability.bind(trainer);
      trainer.step = (k, observe) => (asked.push(observe ?? {}), step(k, observe));
      trainer.separability = () => (fits++, separability());
      return trainer;
    });
    // A warm-up frame with the views and a warm-up fit, then the 12 timed frames and the timed fit.
    const timed = asked.slice(1);
    expect(timed).toHaveLength(12);
    expect(timed.map((observe) => observe.layerView !== undefined && observe.gradientFlow === true)).toEqual([true, false, false, false, false, false, true, false, false, false, false, false]);
    expect(timed.every((observe) => observe.grid !== undefined)).toBe(true);
    expect(fits).toBe(2);
    expect(measurement.samplesPerSecond).toBeGreaterThan(0);
  });

  it('is the ratio of the two frames’ times, per engine measured', () => {
    expect(viewsCost(report({ 'descent-webgpu': [30000, 24000], 'descent-cpu': [2e6, 5e5] }))).toBe('1.3× (WebGPU in Node), 4.0× (CPU in Node)');
    expect(viewsCost(report({}))).toBeNull();
  });
});
