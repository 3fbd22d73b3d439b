import { describe, expect, it } from 'vitest';
import { reportRows, viewsCost, type BenchReport } from '../../src/bench/report';
import { WORKLOADS } from '../../src/bench/workloads';

describe('the cost of the see-inside views in the benchmark', () => {
  const frames = WORKLOADS.filter((w) => w.id === 'frame' || w.id === 'frame-inside');
  const report = (rates: Record<string, [number, number]>): BenchReport => {
    const node = Object.entries(rates).flatMap(([implementation, [plain, views]]) => [
      { implementation, workload: 'frame', seconds: 1, samplesPerSecond: plain },
      { implementation, workload: 'frame-inside', seconds: 1, samplesPerSecond: views },
    ]);
    return { date: '', machine: { cpu: '', cores: 1, platform: '', node: '' }, node: { adapter: null, measurements: node }, browser: null, rows: reportRows(frames, node, []) };
  };

  it('is a frame with the views on, the same frame otherwise', () => {
    const [plain, views] = frames;
    expect(views).toEqual({ ...plain, id: 'frame-inside', label: `${plain.label} · views on`, views: true });
  });

  it('is the ratio of the two frames’ times, per engine measured', () => {
    expect(viewsCost(report({ 'descent-webgpu': [30000, 24000], 'descent-cpu': [2e6, 5e5] }))).toBe('1.3× (WebGPU in Node), 4.0× (CPU in Node)');
    expect(viewsCost(report({}))).toBeNull();
  });
});
