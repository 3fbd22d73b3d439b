/** Reads and parses a dataset CSV file off the page's thread: a file of 100,000 rows takes longer than a frame. */
import type { Dataset } from '../core/dataset';
import { InputError } from '../core/errors';
import { parseDatasetCsv } from './csv';
import type { CsvParseReply, CsvParseRequest } from './csvOffThread';

interface WorkerScope {
  onmessage: ((event: MessageEvent<CsvParseRequest>) => Promise<void>) | null;
  postMessage(message: CsvParseReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async ({ data: { file, options } }) => {
  let explanation = '';
  try {
    const dataset: Dataset = parseDatasetCsv(await file.text(), { ...options, onTaskDecided: (words) => (explanation = words) });
    scope.postMessage({ ok: true, dataset, explanation }, [dataset.points.buffer, dataset.labels.buffer, dataset.isTest.buffer]);
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), input: error instanceof InputError }, []);
  }
};
