import { cpus, platform } from 'node:os';
import { parseArgs } from 'node:util';
import { CpuTrainer } from '../cpu/cpuTrainer';
import { GpuTrainer } from '../gpu/gpuTrainer';
import { runDescent } from '../bench/descentRunner';
import type { Measurement } from '../bench/measurement';
import { formatSweep, runSweep } from '../bench/sweepRunner';
import { formatReport, reportRows, type BenchReport } from '../bench/report';
import { benchmarkDataset, QUICK_WORKLOADS, WORKLOADS, type Workload } from '../bench/workloads';
import { runBrowserBench } from './benchBrowser';
import { EXIT, UsageError } from './errors';
import { OutputFile } from './outputFile';
import { choiceFlag, listFlag } from './flags';
import { openNodeGpu } from './nodeWebgpu';

/** The Node half: Descent's CPU engine against Descent on WebGPU through Dawn. */
async function runNodeBench(workloads: Workload[], log: (line: string) => void): Promise<{ adapter: string | null; measurements: Measurement[] }> {
  const dataset = benchmarkDataset();
  const gpu = await openNodeGpu().catch((error: Error) => {
    log(`node: no WebGPU adapter (${error.message})`);
    return null;
  });
  const measurements: Measurement[] = [];
  for (const workload of workloads) {
    if (workload.kind === 'sweep') {
      if (gpu) measurements.push(...(await runSweep(gpu, workload)));
      log(gpu ? `node · ${workload.id}: ${formatSweep(measurements.at(-2)!, measurements.at(-1)!)}` : `node · ${workload.id}: not run (no WebGPU adapter)`);
      continue;
    }
    measurements.push(await runDescent('descent-cpu', workload, dataset, async (setup) => new CpuTrainer(setup)));
    if (gpu) measurements.push(await runDescent('descent-webgpu', workload, dataset, (setup) => GpuTrainer.create(gpu, setup)));
    const [cpu, webgpu] = measurements.slice(-2);
    log(`node · ${workload.id}: CPU ${Math.round(cpu.samplesPerSecond)} samples/s${gpu ? `, WebGPU ${Math.round(webgpu.samplesPerSecond)} samples/s` : ''}`);
  }
  return { adapter: gpu?.adapterName ?? null, measurements };
}

/** `descent bench --help`. */
function benchHelp(): string {
  return `Usage: descent bench [flags]

Trains the same networks with Descent and TensorFlow.js side by side in headless Chromium, then
Descent's CPU engine against Descent on WebGPU in Node, and prints the ratios.

  --quick                     the tiny workload only, a few calls (a smoke test)
  --only a,b,…                these workloads: ${WORKLOADS.map((w) => w.id).join(', ')}
  --no-browser                the Node half only (Dawn, and the CPU engine)
  --adapter swiftshader|hardware
                              the Chromium half's WebGPU adapter (default swiftshader)
  --json                      the report as JSON on stdout
  --out FILE                  also write the report (JSON) to FILE
`;
}

/** `descent bench`: Descent against TensorFlow.js in Chromium, and CPU against WebGPU in Node. */
export async function benchCommand(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, quick: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' }, 'no-browser': { type: 'boolean' }, adapter: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown flag'));
  }
  if (values.help) {
    process.stdout.write(benchHelp());
    return 0;
  }
  const only = values.only === undefined ? null : listFlag('only', values.only);
  for (const id of only ?? []) choiceFlag('only', id, WORKLOADS.map((w) => w.id));
  const adapter = values.adapter === undefined ? 'swiftshader' : choiceFlag('adapter', values.adapter, ['swiftshader', 'hardware'] as const);
  const out = values.out === undefined ? null : OutputFile.prepare(values.out, []);
  const workloads = values.quick ? QUICK_WORKLOADS : WORKLOADS.filter((w) => !only || only.includes(w.id));
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const node = await runNodeBench(workloads, log);
  let browser: BenchReport['browser'] = null;
  if (!values['no-browser']) {
    const query = values.quick ? '?quick=1' : only ? `?only=${only.join(',')}` : '';
    browser = await runBrowserBench(query, adapter, (line) => log(`chromium · ${line}`));
  }
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, platform: platform(), node: process.version },
    node,
    browser,
    rows: reportRows(workloads, node.measurements, browser?.measurements ?? []),
  };
  out?.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return EXIT.ok;
}
