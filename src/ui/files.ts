import { InputError } from '../core/errors';
import type { Dataset } from '../core/dataset';
import { datasetToCsv } from '../data/csv';
import { parseDatasetCsvOffThread } from '../data/csvOffThread';
import { parseWeights, serializeWeights } from '../io/weights';
import { datasetOf } from '../train/dataEdits';
import { configForImport } from '../train/modelFit';
import type { AppServices } from './appContext';
import { setCustomData, showNotice, type AppState } from './store';

/** Reading and writing the files a user exchanges with the page: weights JSON and dataset CSV. */

export const WEIGHTS_FILE = 'descent-weights.json';
export const DATA_FILE = 'descent-data.csv';

/** Offers `text` as a download named `name`. */
export function downloadText(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

/** Offers a file's bytes as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An InputError's message as it is; anything else prefixed with what was being done. */
function problemText(error: unknown, doing: string): string {
  if (error instanceof InputError) return error.message;
  return `${doing} failed: ${error instanceof Error ? error.message : String(error)}`;
}

export async function exportWeightsFile({ run, store }: AppServices): Promise<void> {
  try {
    downloadText(serializeWeights(await run.exportWeights()), WEIGHTS_FILE, 'application/json');
  } catch (error) {
    showNotice(store, { kind: 'error', text: problemText(error, 'Exporting the weights') });
  }
}

/** The points the page shows now: a preset's, or the custom ones. */
function currentDataset(state: AppState): Dataset {
  return datasetOf(state.config.data, state.custom);
}

/** Loads a weights file (the layout, features and task come from it); on any problem nothing changes and the message is shown. */
export async function importWeightsFile({ run, store }: AppServices, file: File): Promise<void> {
  try {
    const imported = parseWeights(await file.text(), file.name);
    const state = store.getState();
    const config = configForImport(state.config, currentDataset(state), imported, file.name);
    run.loadWeights(imported);
    store.setState({ config, notice: { kind: 'info', text: `Loaded ${file.name}: press Play to go on training.` } });
  } catch (error) {
    showNotice(store, { kind: 'error', text: problemText(error, `Importing ${file.name}`) });
  }
}

export function exportDataFile({ store }: AppServices): void {
  try {
    downloadText(datasetToCsv(currentDataset(store.getState())), DATA_FILE, 'text/csv');
  } catch (error) {
    showNotice(store, { kind: 'error', text: problemText(error, 'Exporting the data') });
  }
}

/**
 * Replaces the data with a CSV file's points (x1, x2, label and optionally split columns); the
 * labels' task is decided from them (`decideLabelTask`), and the message says which and why.
 */
export async function importDataFile({ store }: AppServices, file: File): Promise<void> {
  try {
    const { data } = store.getState().config;
    const { dataset, explanation } = await parseDatasetCsvOffThread(file, { source: file.name, trainFraction: data.trainFraction, seed: data.seed });
    setCustomData(store, dataset);
    showNotice(store, { kind: 'info', text: `Loaded ${dataset.labels.length} points from ${file.name} as ${explanation}.` });
  } catch (error) {
    showNotice(store, { kind: 'error', text: problemText(error, `Importing ${file.name}`) });
  }
}

/** Opens the file picker and hands the chosen file on. */
export function pickFile(accept: string, use: (file: File) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) use(file);
  });
  input.click();
}

/** A dropped file: CSV is data, anything else is taken for weights. */
export function importDroppedFile(services: AppServices, file: File): Promise<void> {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv' ? importDataFile(services, file) : importWeightsFile(services, file);
}
