import { beforeAll, describe, expect, it } from 'vitest';
import { formatReport, reportRows, type BenchReport } from '../../src/bench/report';
import { runSweep, SWEEP_BATCHED, SWEEP_SINGLE } from '../../src/bench/sweepRunner';
import { WORKLOADS } from '../../src/bench/workloads';
import type { GpuDevice } from '../../src/gpu/device';
import { testGpu } from './setup';

describe('the sweep16 benchmark workload', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  it('measures 16 runs of the default experiment in one dispatch per call against one run alone, and the report shows the ratio', async () => {
    const sweep16 = WORKLOADS.find((w) => w.id === 'sweep16')!;
    expect(sweep16).toMatchObject({ kind: 'sweep', runs: 16, batch: 16, hidden: [8, 8], activation: 'tanh' });
    // Briefly: 5 steps per call, 2 calls, one round.
    const workload = { ...sweep16, steps: 5, repeats: 2 };
    const [batched, single] = await runSweep(gpu, workload, 1);
    expect(batched).toMatchObject({ implementation: SWEEP_BATCHED, workload: 'sweep16', dispatchesPerStep: 1 / 5, submitsPerFrame: 1 });
    expect(single).toMatchObject({ implementation: SWEEP_SINGLE, workload: 'sweep16', dispatchesPerStep: 1 / 5, submitsPerFrame: 1 });
    for (const side of [batched, single]) {
      expect(side.samplesPerSecond).toBeGreaterThan(0);
      expect(Number.isFinite(side.loss)).toBe(true);
    }
    expect(batched.singleRunRatio).toBeCloseTo(batched.samplesPerSecond / single.samplesPerSecond, 10);

    const [row] = reportRows([workload], [batched, single], []);
    expect(row.sweepRatio).toBe(batched.singleRunRatio);
    expect(row.dispatchesPerStep).toBe(1 / 5);
    const report: BenchReport = { date: 'today', machine: { cpu: 'cpu', cores: 2, platform: 'linux', node: 'v22' }, node: { adapter: gpu.adapterName, measurements: [batched, single] }, browser: null, rows: [row] };
    expect(formatReport(report)).toMatch(/In Node, many runs at once against one run alone[\s\S]*16 runs at once · default experiment[^\n]*×\s+0\.2\n/);
  });
});
