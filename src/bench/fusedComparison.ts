import { defaultConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import { fitNormalization } from '../core/features';
import { planeGrid } from '../core/grid';
import { buildModelSpec } from '../core/network';
import type { TrainerSetup } from '../core/trainer';
import { generateDataset } from '../data/presets';
import type { GpuDevice } from '../gpu/device';
import { FUSED_THREAD_CHOICES, type FusedThreads } from '../gpu/fusedMlp';
import { GpuTrainer } from '../gpu/gpuTrainer';
import { timed } from './measurement';
import { benchmarkDataset, WORKLOADS, workloadSetup } from './workloads';

/**
 * Steps per second of GpuTrainer with the fused small-network kernel against its layer-by-layer
 * kernels, side by side on one adapter: the default experiment, and the `tiny` and `frame` workloads.
 */

export interface FusedCase {
  id: string;
  label: string;
  setup: TrainerSetup;
  /** Steps per call, and calls timed. */
  steps: number;
  calls: number;
  /** Side of the decision-boundary grid each call also draws (frame), else 0. */
  grid: number;
}

export interface FusedComparisonRow {
  id: string;
  label: string;
  /** Steps per second of GpuTrainer layer by layer, and fused for each workgroup size tried. */
  layered: number;
  fused: Partial<Record<FusedThreads, number>>;
  /** With a grid: seconds GpuTrainer spends drawing it alone (step(0, { grid })), per call. */
  gridSeconds?: number;
}

/** The default experiment (defaultConfig: the circle, 2-[8,8]-1 tanh, Adam, batch 16) and the tiny and frame workloads. */
export function fusedCases(): FusedCase[] {
  const config = defaultConfig();
  const data: Dataset = generateDataset(config.data);
  const spec = buildModelSpec(config.model, data.task, fitNormalization(data.points, config.model.features));
  const bench = benchmarkDataset();
  const tiny = WORKLOADS.find((w) => w.id === 'tiny')!;
  const frame = WORKLOADS.find((w) => w.id === 'frame')!;
  return [
    { id: 'default', label: 'default experiment · 2-[8,8]-1 · batch 16 · 20 steps per call', setup: { spec, dataset: data, training: config.training, init: config.model.init }, steps: 20, calls: 20, grid: 0 },
    { id: 'tiny', label: tiny.label, setup: workloadSetup(tiny, bench), steps: tiny.steps, calls: 1, grid: 0 },
    { id: 'frame', label: frame.label, setup: workloadSetup(frame, bench), steps: frame.steps, calls: frame.repeats, grid: frame.grid },
  ];
}

/** Calls of `call` after one warm-up call; returns steps per second. */
async function stepsPerSecond(c: FusedCase, call: () => Promise<unknown>): Promise<number> {
  await call();
  const { seconds } = await timed(async () => {
    for (let i = 0; i < c.calls; i++) await call();
  });
  return (c.steps * c.calls) / seconds;
}

/** GpuTrainer's steps per second, each call also drawing the grid when the case has one. */
async function measure(gpu: GpuDevice, c: FusedCase, steps: FusedThreads | 'layered'): Promise<number> {
  const trainer = await GpuTrainer.create(gpu, c.setup, { steps });
  try {
    if (steps !== 'layered' && trainer.stepKernels.kind !== 'fused') throw new Error(`${c.id}: the fused kernel cannot train it (${trainer.stepKernels.reason})`);
    const observe = c.grid > 0 ? { grid: planeGrid(c.grid) } : {};
    return await stepsPerSecond(c, () => trainer.step(c.steps, observe));
  } finally {
    trainer.dispose();
  }
}

/** Seconds per call GpuTrainer spends on the grid alone: the part of a frame no training kernel changes. */
async function measureGrid(gpu: GpuDevice, c: FusedCase): Promise<number> {
  const trainer = await GpuTrainer.create(gpu, c.setup);
  try {
    const grid = planeGrid(c.grid);
    await trainer.step(0, { grid });
    const { seconds } = await timed(async () => {
      for (let i = 0; i < c.calls; i++) await trainer.step(0, { grid });
    });
    return seconds / c.calls;
  } finally {
    trainer.dispose();
  }
}

/** Best of `rounds` alternating measurements of each side, so that both meet the same load on the machine. */
export async function compareFused(gpu: GpuDevice, rounds = 3, threadChoices: readonly FusedThreads[] = FUSED_THREAD_CHOICES): Promise<FusedComparisonRow[]> {
  const rows: FusedComparisonRow[] = [];
  for (const c of fusedCases()) {
    const row: FusedComparisonRow = { id: c.id, label: c.label, layered: 0, fused: {} };
    for (let round = 0; round < rounds; round++) {
      row.layered = Math.max(row.layered, await measure(gpu, c, 'layered'));
      for (const threads of threadChoices) row.fused[threads] = Math.max(row.fused[threads] ?? 0, await measure(gpu, c, threads));
      if (c.grid > 0) row.gridSeconds = Math.min(row.gridSeconds ?? Infinity, await measureGrid(gpu, c));
    }
    rows.push(row);
  }
  return rows;
}

/** A Markdown table of the rows: steps per second and the ratio to the layer-by-layer kernels for each workgroup size. */
export function formatFusedComparison(rows: FusedComparisonRow[], adapter: string): string {
  const threads = Object.keys(rows[0]?.fused ?? {}).map(Number) as FusedThreads[];
  const lines = [
    `Adapter: ${adapter}. Steps per second, best of alternating rounds.`,
    '',
    `| workload | layer by layer | ${threads.map((t) => `fused · ${t} threads`).join(' | ')} |`,
    `| --- | ---: | ${threads.map(() => '---:').join(' | ')} |`,
    ...rows.map((row) => `| ${row.label} | ${row.layered.toFixed(0)} | ${threads.map((t) => `${row.fused[t]!.toFixed(0)} (**${(row.fused[t]! / row.layered).toFixed(1)}×**)`).join(' | ')} |`),
  ];
  for (const row of rows.filter((r) => r.gridSeconds !== undefined)) {
    lines.push('', `${row.id}: the grid alone takes ${(row.gridSeconds! * 1000).toFixed(0)} ms per call, which no training kernel changes.`);
  }
  return lines.join('\n');
}
