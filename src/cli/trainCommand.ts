import { earlyStopNotice, EpochEarlyStopping, NEVER_STOP, stoppingRuleOf, type EarlyStop, type EarlyStoppingRule } from '../core/earlyStopping';
import type { Metrics } from '../core/metrics';
import { describeTask } from '../core/task';
import type { Trainer } from '../core/trainer';
import { exportWeights, serializeWeights } from '../io/weights';
import { createTrainer, type BackendChoice } from './backend';
import { TrainingFailedError, UsageError } from './errors';
import { resolveExperiment, type ExperimentFlags } from './experiment';
import { wholeNumberFlag } from './flags';
import { OutputFile, type InputFile } from './outputFile';
import { formatSeconds, formatSplit, splitJson } from './format';
import { ProgressLine } from './progress';

export interface TrainFlags extends ExperimentFlags {
  epochs?: string;
  steps?: string;
  out?: string;
  json?: boolean;
}

/** Steps per step() call: long enough to keep a GPU busy, short enough for a lively progress line. */
const STEPS_PER_CALL = 512;
const DEFAULT_EPOCHS = 500;

/** How training ended: the steps taken, and where and why early stopping ended it (null when it ran to the end). */
interface TrainingEnd {
  steps: number;
  stop: EarlyStop | null;
}

/**
 * Runs `total` optimizer steps, reporting progress; with early stopping on (`patience` > 0), calls
 * end at every epoch's end and its test loss is one evaluation, as in the page. Throws
 * TrainingFailedError if the loss diverges.
 */
async function trainSteps(trainer: Trainer, total: number, rule: EarlyStoppingRule, progress: ProgressLine): Promise<TrainingEnd> {
  const started = performance.now();
  const stopping = new EpochEarlyStopping(trainer.stepsPerEpoch);
  for (let done = 0; done < total; ) {
    const { steps: k, endsEpoch } = stopping.cut(Math.min(STEPS_PER_CALL, total - done), done, rule);
    const observation = await trainer.step(k, endsEpoch ? { metrics: true } : {});
    // The CPU engine resolves at once: give the event loop a turn, so Ctrl-C and output are handled while it trains.
    await new Promise((resolve) => setImmediate(resolve));
    if (observation.diverged) {
      const steps = k === 1 ? `at step ${done + 1}` : `between steps ${done + 1} and ${done + k}`;
      throw new TrainingFailedError(`training diverged ${steps}: the loss became NaN or infinite. Try a lower learning rate (--lr).`);
    }
    done += k;
    const rate = done / ((performance.now() - started) / 1000);
    progress.update(done, total, `epoch ${observation.epoch.toFixed(1)} · step ${done}/${total} · loss ${observation.loss.toPrecision(4)} · ${Math.round(rate)} steps/s`);
    const stop = stopping.observe(observation.step, observation.epoch, observation.metrics?.test?.loss, rule);
    if (stop) {
      progress.finish();
      return { steps: done, stop };
    }
  }
  progress.finish();
  return { steps: total, stop: null };
}

/** A run whose model or metrics are not finite failed, whatever its steps reported. */
function checkFinite(metrics: Metrics, parameters: Float32Array): void {
  if (!parameters.every(Number.isFinite)) throw new TrainingFailedError('training failed: the trained weights are not finite numbers. Try a lower learning rate (--lr).');
  for (const [name, split] of [['train', metrics.train], ['test', metrics.test]] as const) {
    if (split && split.count > 0 && !Number.isFinite(split.loss)) {
      throw new TrainingFailedError(`training failed: the loss on the ${name} split is not finite. Try a lower learning rate (--lr).`);
    }
  }
}

/** `descent train`: builds the experiment, trains it, prints a summary and optionally writes the weights. */
export async function trainCommand(flags: TrainFlags, backend: BackendChoice): Promise<void> {
  if (flags.epochs !== undefined && flags.steps !== undefined) throw new UsageError('--epochs and --steps cannot be combined: choose one');
  const epochs = flags.epochs !== undefined ? wholeNumberFlag('epochs', flags.epochs, { min: 0, max: 1_000_000 }) : undefined;
  const steps = flags.steps !== undefined ? wholeNumberFlag('steps', flags.steps, { min: 0, max: 100_000_000 }) : undefined;
  const inputs: InputFile[] = (['data', 'config', 'init'] as const).flatMap((flag) => (flags[flag] === undefined ? [] : [{ flag, path: flags[flag] }]));
  const out = flags.out === undefined ? null : OutputFile.prepare(flags.out, inputs);
  const experiment = resolveExperiment(flags);
  const { config, dataset, spec, initial, labelsReadAs } = experiment;
  // Said once, like the progress line, on stderr: stdout keeps only the summary.
  if (labelsReadAs && flags.data !== undefined) process.stderr.write(`${flags.data}: labels read as ${labelsReadAs} (--task chooses otherwise)\n`);
  const started = performance.now();
  const trainer = await createTrainer(backend, { spec, dataset, training: config.training, init: config.model.init, initScale: config.model.initScale, parameters: initial?.parameters });
  try {
    const total = steps ?? (epochs ?? DEFAULT_EPOCHS) * trainer.stepsPerEpoch;
    const hasTestPoints = dataset.isTest.includes(1);
    const rule = stoppingRuleOf(config.training);
    if ((rule.patience > 0 || rule.target !== null) && !hasTestPoints) {
      process.stderr.write('early stopping watches the test loss, and this data has no test points: training runs all its steps\n');
    }
    const end = await trainSteps(trainer, total, hasTestPoints ? rule : NEVER_STOP, new ProgressLine(process.stderr, !flags.json));
    const metrics = await trainer.evaluate();
    const parameters = await trainer.getParameters();
    checkFinite(metrics, parameters);
    const seconds = (performance.now() - started) / 1000;
    if (out) {
      const file = exportWeights(spec, parameters, { config, metrics: { train: splitJson(metrics.train), test: splitJson(metrics.test) } });
      out.write(serializeWeights(file));
    }
    const summary = {
      backend: trainer.backend.kind,
      adapter: trainer.backend.adapter,
      ...(trainer.backend.reason ? { reason: trainer.backend.reason } : {}),
      task: describeTask(spec.task),
      steps: end.steps,
      epochs: end.steps / trainer.stepsPerEpoch,
      stoppedAtEpoch: end.stop?.epoch ?? null,
      stopReason: end.stop?.reason ?? null,
      train: splitJson(metrics.train),
      test: splitJson(metrics.test),
      seconds,
      ...(flags.out !== undefined ? { out: flags.out } : {}),
    };
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return;
    }
    const lines = [
      `Trained ${describeTask(spec.task)} for ${summary.epochs.toFixed(1)} epochs (${end.steps} steps) in ${formatSeconds(seconds)} on ${trainer.backend.kind === 'webgpu' ? 'WebGPU' : 'CPU'} · ${trainer.backend.adapter}`,
      ...(end.stop ? [earlyStopNotice(end.stop)] : []),
      formatSplit('train', metrics.train),
      ...(metrics.test ? [formatSplit('test', metrics.test)] : []),
      ...(trainer.backend.reason ? [`(${trainer.backend.reason})`] : []),
      ...(flags.out !== undefined ? [`Weights written to ${flags.out}`] : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    trainer.dispose();
    out?.discard();
  }
}
