import type { Measurement } from './measurement';
import { SWEEP_BATCHED, SWEEP_SINGLE } from './sweepRunner';
import type { Workload } from './workloads';

/** The benchmark's report: every measurement, and per workload the ratios that matter. */

export interface BenchReport {
  date: string;
  machine: { cpu: string; cores: number; platform: string; node: string };
  node: { adapter: string | null; measurements: Measurement[] };
  browser: { adapter: string; userAgent: string; measurements: Measurement[] } | null;
  rows: ReportRow[];
}

export interface ReportRow {
  workload: string;
  label: string;
  /** Samples per second by implementation (NaN where it failed or did not run). */
  rates: Record<string, number>;
  /** Descent over its peer: webgpu (browser), cpu and wasm (browser), dawn (Node: WebGPU over CPU). */
  ratios: { webgpu: number; cpu: number; wasm: number; dawn: number };
  /** A sweep: the batched group's samples per second over one run's on the same adapter (browser, else Node). */
  sweepRatio: number | null;
  dispatchesPerStep: number | null;
  submitsPerFrame: number | null;
  bytesReadBackPerFrame: number | null;
}

/** Per-workload rows from the Node and browser measurements. */
export function reportRows(workloads: Workload[], node: Measurement[], browser: Measurement[]): ReportRow[] {
  return workloads.map((workload) => {
    const rates: Record<string, number> = {};
    const all = [...node.map((m) => ({ ...m, implementation: `node-${m.implementation}` })), ...browser];
    for (const m of all.filter((m) => m.workload === workload.id)) rates[m.implementation] = m.samplesPerSecond;
    const rate = (name: string) => rates[name] ?? NaN;
    // A sweep's costs are its batched group's.
    const gpuName = workload.kind === 'sweep' ? SWEEP_BATCHED : 'descent-webgpu';
    const gpu = browser.find((m) => m.workload === workload.id && m.implementation === gpuName) ?? node.find((m) => m.workload === workload.id && m.implementation === gpuName);
    return {
      workload: workload.id,
      label: workload.label,
      rates,
      ratios: {
        webgpu: rate('descent-webgpu') / rate('tfjs-webgpu'),
        cpu: rate('descent-cpu') / rate('tfjs-cpu'),
        wasm: rate('descent-cpu') / rate('tfjs-wasm'),
        dawn: rate('node-descent-webgpu') / rate('node-descent-cpu'),
      },
      sweepRatio: workload.kind === 'sweep' ? (gpu?.singleRunRatio ?? NaN) : null,
      dispatchesPerStep: gpu?.dispatchesPerStep ?? null,
      submitsPerFrame: gpu?.submitsPerFrame ?? null,
      bytesReadBackPerFrame: gpu?.bytesReadBackPerFrame ?? null,
    };
  });
}

/** 1234567 → "1.23M", 0.5 → "0.50". */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return '—';
  // Compared after rounding, so 999.6 reads "1.00k", not "1.00e+3".
  if (value >= 999.5e3) return `${(value / 1e6).toPrecision(3)}M`;
  if (value >= 999.5) return `${(value / 1e3).toPrecision(3)}k`;
  return value.toPrecision(3);
}

/** 31.4 → "31×", 3.14 → "3.1×", 0.0123 → "0.012×": two significant digits below 1. */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 10) return `${value.toFixed(0)}×`;
  return `${value >= 1 ? value.toFixed(1) : value.toPrecision(2)}×`;
}

/** Dispatches per step to 3 significant digits (a fused call of 20 steps: "0.05"); "—" when unmeasured. */
export function formatDispatches(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(Number(value.toPrecision(3)));
}

/** How much longer a frame with the see-inside views takes than one without, per Descent engine measured; null without both frames. */
export function viewsCost(report: BenchReport): string | null {
  const plain = report.rows.find((row) => row.workload === 'frame');
  const views = report.rows.find((row) => row.workload === 'frame-inside');
  if (!plain || !views) return null;
  // Both frames count the same samples, so the ratio of rates is the ratio of times.
  const cost = (name: string) => (plain.rates[name] ?? NaN) / (views.rates[name] ?? NaN);
  const engines: [string, string][] = [
    ['descent-webgpu', 'WebGPU in Chromium'],
    ['node-descent-webgpu', 'WebGPU in Node'],
    ['node-descent-cpu', 'CPU in Node'],
  ];
  const measured = engines.filter(([name]) => Number.isFinite(cost(name)));
  return measured.length > 0 ? measured.map(([name, label]) => `${formatRatio(cost(name))} (${label})`).join(', ') : null;
}

/** The report as aligned text tables (samples per second). */
export function formatReport(report: BenchReport): string {
  const table = (header: string[], rows: string[][]): string => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  };
  const r = (row: ReportRow, name: string) => formatRate(row.rates[name] ?? NaN);
  const rows = report.rows.filter((row) => row.sweepRatio === null);
  const sweeps = report.rows.filter((row) => row.sweepRatio !== null);
  const sections: string[] = [`Descent benchmark · ${report.date} · ${report.machine.cpu} (${report.machine.cores} cores) · samples per second`];
  if (report.browser && rows.length > 0) {
    sections.push(
      `\nIn Chromium, WebGPU adapter: ${report.browser.adapter}`,
      table(
        ['workload', 'Descent WebGPU', 'TF.js WebGPU', 'ratio', 'Descent CPU', 'TF.js CPU', 'ratio', 'TF.js WASM', 'ratio', 'dispatches/step', 'submits/frame', 'bytes read/frame'],
        rows.map((row) => [
          row.label,
          r(row, 'descent-webgpu'),
          r(row, 'tfjs-webgpu'),
          formatRatio(row.ratios.webgpu),
          r(row, 'descent-cpu'),
          r(row, 'tfjs-cpu'),
          formatRatio(row.ratios.cpu),
          r(row, 'tfjs-wasm'),
          formatRatio(row.ratios.wasm),
          formatDispatches(row.dispatchesPerStep),
          row.submitsPerFrame === null ? '—' : String(row.submitsPerFrame),
          row.bytesReadBackPerFrame === null ? '—' : String(row.bytesReadBackPerFrame),
        ]),
      ),
    );
  }
  sections.push(`\nIn Node (the CLI), WebGPU through Dawn: ${report.node.adapter ?? 'no adapter'}`);
  if (rows.length > 0) {
    sections.push(
      table(
        ['workload', 'Descent CPU', 'Descent WebGPU', 'WebGPU / CPU', 'dispatches/step'],
        rows.map((row) => {
          const webgpu = report.node.measurements.find((m) => m.workload === row.workload && m.implementation === 'descent-webgpu');
          return [row.label, r(row, 'node-descent-cpu'), r(row, 'node-descent-webgpu'), formatRatio(row.ratios.dawn), formatDispatches(webgpu?.dispatchesPerStep)];
        }),
      ),
    );
  }
  const views = viewsCost(report);
  if (views) sections.push(`\nSee-inside views on (frame-inside against frame): a frame costs ${views}`);
  const sides = [
    { where: `In Chromium (${report.browser?.adapter})`, prefix: '', measurements: report.browser?.measurements ?? [] },
    { where: 'In Node', prefix: 'node-', measurements: report.node.measurements },
  ];
  for (const { where, prefix, measurements } of sides) {
    const measured = sweeps.filter((row) => Number.isFinite(row.rates[`${prefix}${SWEEP_BATCHED}`]));
    if (measured.length === 0) continue;
    sections.push(
      `\n${where}, many runs at once against one run alone, side by side on one adapter`,
      table(
        ['workload', 'one run', 'batched group', 'ratio', 'dispatches/step'],
        measured.map((row) => {
          const batched = measurements.find((m) => m.workload === row.workload && m.implementation === SWEEP_BATCHED);
          return [row.label, r(row, `${prefix}${SWEEP_SINGLE}`), r(row, `${prefix}${SWEEP_BATCHED}`), formatRatio(batched?.singleRunRatio ?? NaN), formatDispatches(batched?.dispatchesPerStep)];
        }),
      ),
    );
  }
  const failures = [...report.node.measurements, ...(report.browser?.measurements ?? [])].filter((m) => m.error);
  if (failures.length > 0) sections.push(`\nFailed: ${failures.map((m) => `${m.implementation} · ${m.workload}: ${m.error}`).join('; ')}`);
  return `${sections.join('\n')}\n`;
}
