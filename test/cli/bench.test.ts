import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../../src/bench/report';
import { descent } from './run';

describe('descent bench', () => {
  it('--quick runs the tiny workload on every implementation, in Node and in Chromium, and reports ratios and costs', () => {
    const result = descent('bench', '--quick', '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as BenchReport;
    expect(report.node.adapter).toMatch(/\S/);
    expect(report.browser?.adapter).toMatch(/\S/);
    const [row] = report.rows;
    expect(row.workload).toBe('tiny');
    for (const implementation of ['descent-webgpu', 'tfjs-webgpu', 'descent-cpu', 'tfjs-cpu', 'tfjs-wasm', 'node-descent-cpu', 'node-descent-webgpu']) {
      expect(row.rates[implementation], implementation).toBeGreaterThan(0);
    }
    for (const ratio of Object.values(row.ratios)) expect(Number.isFinite(ratio)).toBe(true);
    // The tiny network fits the fused kernel: the quick run's 20 steps per call are one dispatch (11 per step layer by layer).
    expect(row.dispatchesPerStep).toBe(1 / 20);
    expect(row.submitsPerFrame).toBe(1);
    expect(row.bytesReadBackPerFrame).toBeGreaterThan(0);
    const measurements = [...report.node.measurements, ...report.browser!.measurements];
    expect(measurements.filter((m) => m.error)).toEqual([]);
    for (const m of measurements) expect(Number.isFinite(m.loss)).toBe(true);
  });

  it('--help lists its flags and every workload', () => {
    const result = descent('bench', '--help');
    expect(result.code).toBe(0);
    for (const text of ['--quick', '--only', '--no-browser', '--adapter', '--json', '--out', 'sweep16', 'frame-inside']) expect(result.stdout).toContain(text);
  });

  it('rejects an unknown workload', () => {
    const result = descent('bench', '--only', 'huge');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^descent: --only must be one of tiny, medium, large, resnet, grid, frame.*; got "huge"$/m);
  });
});
