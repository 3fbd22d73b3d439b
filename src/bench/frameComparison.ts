import type { Dataset } from '../core/dataset';
import type { GpuDevice } from '../gpu/device';
import { GpuTrainer, type GpuTrainerOptions } from '../gpu/gpuTrainer';
import { runDescent } from './descentRunner';
import { benchmarkDataset, WORKLOADS } from './workloads';

/**
 * The playground frame (`frame`: 20 steps of 2-[8,8]-1 and the 128² grid) on GpuTrainer with each
 * combination of training and evaluation kernels, and with the see-inside views (`frame-inside`,
 * at the page's cadence), side by side on one adapter: best of alternating rounds, so that every
 * side meets the same load.
 */

export interface FrameVariant {
  id: string;
  label: string;
  options: GpuTrainerOptions;
  views: boolean;
}

export const FRAME_VARIANTS: FrameVariant[] = [
  { id: 'layered', label: 'steps and evaluation layer by layer (before the fused kernels)', options: { steps: 'layered', evaluation: 'layered' }, views: false },
  { id: 'fused-steps', label: 'fused steps, evaluation layer by layer', options: { evaluation: 'layered' }, views: false },
  { id: 'fused', label: 'fused steps and fused evaluation', options: {}, views: false },
  { id: 'fused-inside', label: 'fused steps and evaluation, see-inside views on (frame-inside)', options: {}, views: true },
];

export interface FrameComparisonRow {
  variant: FrameVariant;
  /** Samples per second (training rows and grid cells) of the best round. */
  samplesPerSecond: number;
  /**
   * Samples per second of CPU time of the best round, when a CPU clock was given: on an adapter
   * that emulates a GPU on the CPU, the measure other jobs on the machine disturb least. It
   * counts the whole run, building the trainer and its warm-up frame too; not measured with the
   * views, whose run also holds two whole separability fits that the frames are charged 12/180 of.
   */
  samplesPerCpuSecond?: number;
}

/** CPU seconds the process has used so far (Node: process.cpuUsage). */
export type CpuClock = () => number;

/** One timed run of the frame (or frame-inside) workload, as `descent bench` runs it. */
async function measure(gpu: GpuDevice, variant: FrameVariant, dataset: Dataset, cpuClock?: CpuClock): Promise<{ wall: number; cpu?: number }> {
  const workload = WORKLOADS.find((w) => w.id === (variant.views ? 'frame-inside' : 'frame'))!;
  const cpuBefore = variant.views ? undefined : cpuClock?.();
  const measurement = await runDescent('descent-webgpu', workload, dataset, (setup) => GpuTrainer.create(gpu, setup, variant.options));
  const cpuSeconds = cpuClock && cpuBefore !== undefined ? cpuClock() - cpuBefore : undefined;
  return { wall: measurement.samplesPerSecond, cpu: cpuSeconds === undefined ? undefined : (measurement.samplesPerSecond * measurement.seconds) / cpuSeconds };
}

/** Best of `rounds` alternating measurements of every variant. */
export async function compareFrames(gpu: GpuDevice, rounds = 3, cpuClock?: CpuClock): Promise<FrameComparisonRow[]> {
  const dataset = benchmarkDataset();
  const rows: FrameComparisonRow[] = FRAME_VARIANTS.map((variant) => ({ variant, samplesPerSecond: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const row of rows) {
      const { wall, cpu } = await measure(gpu, row.variant, dataset, cpuClock);
      row.samplesPerSecond = Math.max(row.samplesPerSecond, wall);
      if (cpu !== undefined) row.samplesPerCpuSecond = Math.max(row.samplesPerCpuSecond ?? 0, cpu);
    }
  }
  return rows;
}

/** A Markdown table: samples per second (of wall time, and of CPU time when measured) and the ratios to the first variant. */
export function formatFrameComparison(rows: FrameComparisonRow[], adapter: string, rounds: number): string {
  const [first] = rows;
  const cpu = first.samplesPerCpuSecond !== undefined;
  const rate = (value: number, base: number): string => `${(value / 1000).toFixed(1)}k | **${(value / base).toFixed(1)}×**`;
  return [
    `Adapter: ${adapter}. Samples per second of the playground frame, best of ${rounds} alternating rounds.`,
    '',
    `| frame | samples/s | against the first |${cpu ? ' samples per CPU second | against the first |' : ''}`,
    `| --- | ---: | ---: |${cpu ? ' ---: | ---: |' : ''}`,
    ...rows.map((row) => {
      const cpuRate = row.samplesPerCpuSecond === undefined ? '— | —' : rate(row.samplesPerCpuSecond, first.samplesPerCpuSecond!);
      return `| ${row.variant.label} | ${rate(row.samplesPerSecond, first.samplesPerSecond)} |${cpu ? ` ${cpuRate} |` : ''}`;
    }),
  ].join('\n');
}
