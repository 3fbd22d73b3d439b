import type { Dataset } from '../core/dataset';
import { InputError } from '../core/errors';
import type { CsvOptions } from './csv';

/** `parseDatasetCsv` in a worker of its own, so that reading a large file never blocks the page. */

export interface CsvParseRequest {
  /** The file itself: the worker reads it too. */
  file: Blob;
  options: Omit<CsvOptions, 'onTaskDecided'>;
}

export type CsvParseReply = { ok: true; dataset: Dataset; explanation: string } | { ok: false; message: string; input: boolean };

/** The dataset in `file`, and (when the task was decided from the labels) why; rejects with the parser's InputError. */
export function parseDatasetCsvOffThread(file: Blob, options: CsvParseRequest['options']): Promise<{ dataset: Dataset; explanation: string }> {
  const worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module', name: 'descent-csv' });
  return new Promise<{ dataset: Dataset; explanation: string }>((resolve, reject) => {
    worker.onmessage = ({ data: reply }: MessageEvent<CsvParseReply>) => {
      if (reply.ok) resolve({ dataset: reply.dataset, explanation: reply.explanation });
      else reject(reply.input ? new InputError(reply.message) : new Error(reply.message));
    };
    worker.onerror = (event) => reject(new Error(`the CSV reader stopped: ${event.message}`));
    worker.postMessage({ file, options } satisfies CsvParseRequest);
  }).finally(() => worker.terminate());
}
