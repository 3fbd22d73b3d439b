import { defaultConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import type { ImportedWeights } from '../io/weights';
import { datasetFromTable } from '../data/csv';
import { createTrainer, type BackendChoice } from './backend';
import { TrainingFailedError, UsageError } from './errors';
import { fitDataToModel, loadWeights } from './experiment';
import { readCsvFile } from './files';
import { formatSplit, splitJson } from './format';

export interface EvalFlags {
  weights?: string;
  data?: string;
  json?: boolean;
}

/** Both files `eval` and `predict` need, or a usage error naming the missing one. */
export function requireFiles(flags: { weights?: string; data?: string }, command: string): { weights: string; data: string } {
  if (flags.weights === undefined) throw new UsageError(`${command} needs --weights FILE.json`);
  if (flags.data === undefined) throw new UsageError(`${command} needs --data FILE.csv`);
  return { weights: flags.weights, data: flags.data };
}

/** A trainer that only evaluates: the weights' model on a dataset. */
export function evaluationTrainer(imported: ImportedWeights, dataset: Dataset, backend: BackendChoice) {
  const config = defaultConfig();
  return createTrainer(backend, { spec: imported.spec, dataset, training: config.training, init: config.model.init, parameters: imported.parameters });
}

/** `descent eval`: loss and accuracy (or MSE) of a weights file on each split of a CSV file. */
export async function evalCommand(flags: EvalFlags, backend: BackendChoice): Promise<void> {
  const files = requireFiles(flags, 'eval');
  const imported = loadWeights(files.weights);
  const table = readCsvFile(files.data);
  const hasSplit = table.columns.includes('split');
  // Without a split column every row is evaluated together, as one set.
  const parsed = datasetFromTable(table, { source: files.data, task: imported.spec.task.kind, trainFraction: 1 });
  const dataset = fitDataToModel(parsed, imported.spec.task, files.data);
  const trainer = await evaluationTrainer(imported, dataset, backend);
  try {
    const metrics = await trainer.evaluate();
    for (const split of [metrics.train, metrics.test]) {
      if (split && split.count > 0 && !Number.isFinite(split.loss)) {
        throw new TrainingFailedError(`the model's loss on ${files.data} is not finite: its outputs overflow on these points`);
      }
    }
    const splits = hasSplit
      ? { ...(metrics.train.count > 0 ? { train: metrics.train } : {}), ...(metrics.test ? { test: metrics.test } : {}) }
      : { all: metrics.train };
    if (flags.json) {
      const json = Object.fromEntries(Object.entries(splits).map(([name, value]) => [name, splitJson(value)]));
      process.stdout.write(`${JSON.stringify({ backend: trainer.backend.kind, adapter: trainer.backend.adapter, ...json }, null, 2)}\n`);
      return;
    }
    process.stdout.write(`${Object.entries(splits).map(([name, value]) => formatSplit(name, value)).join('\n')}\n`);
  } finally {
    trainer.dispose();
  }
}
