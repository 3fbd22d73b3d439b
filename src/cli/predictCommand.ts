import type { Dataset } from '../core/dataset';
import { outputWidth, type Task } from '../core/task';
import { pointsFromTable } from '../data/pointsCsv';
import { float32Text } from '../io/float32Text';
import type { BackendChoice } from './backend';
import { evaluationTrainer, requireFiles } from './evalCommand';
import { loadWeights } from './experiment';
import { TrainingFailedError } from './errors';
import { readCsvFile } from './files';
import { writeStdout } from './output';

/** Characters of output handed to stdout at a time. */
const OUTPUT_CHUNK = 1 << 16;

export interface PredictFlags {
  weights?: string;
  data?: string;
}

/** The output columns: a probability per class and the predicted class, or the regression prediction. */
export function predictionColumns(task: Task): string[] {
  if (task.kind === 'regression') return ['prediction'];
  return [...Array.from({ length: task.classes }, (_, c) => `prob_${c}`), 'predicted'];
}

/** One row's output cells from the model's outputs at `offset`. */
function predictionCells(task: Task, outputs: Float32Array, offset: number): string[] {
  if (task.kind === 'regression') return [float32Text(outputs[offset])];
  const probabilities = task.classes === 2 ? [1 - outputs[offset], outputs[offset]] : Array.from(outputs.subarray(offset, offset + task.classes));
  const predicted = probabilities.indexOf(Math.max(...probabilities));
  return [...probabilities.map((p) => float32Text(Math.fround(p))), String(predicted)];
}

/** `descent predict`: the input CSV with the model's outputs appended to every row, on stdout. */
export async function predictCommand(flags: PredictFlags, backend: BackendChoice): Promise<void> {
  const files = requireFiles(flags, 'predict');
  const imported = loadWeights(files.weights);
  const table = pointsFromTable(readCsvFile(files.data), files.data);
  const task = imported.spec.task;
  const empty: Dataset = { task, points: new Float64Array(0), labels: new Float64Array(0), isTest: new Uint8Array(0) };
  const trainer = await evaluationTrainer(imported, empty, backend);
  try {
    const outputs = await trainer.predict(table.points);
    const width = outputWidth(task);
    const broken = outputs.findIndex((value) => !Number.isFinite(value));
    if (broken >= 0) {
      throw new TrainingFailedError(`${files.data} line ${table.lines[Math.floor(broken / width)]}: the model's output is not finite (it overflows on this point)`);
    }
    let text = `${[...table.columns, ...predictionColumns(task)].join(',')}\n`;
    for (let i = 0; i < table.rows.length; i++) {
      text += `${[...table.rows[i], ...predictionCells(task, outputs, i * width)].join(',')}\n`;
      if (text.length >= OUTPUT_CHUNK || i === table.rows.length - 1) {
        await writeStdout(text);
        text = '';
      }
    }
  } finally {
    trainer.dispose();
  }
}
