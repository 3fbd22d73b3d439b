import { SWEEP_AXES, sweepValueText, type SweepAxis } from '../core/sweepAxes';
import { serializeWeights } from '../io/weights';
import { errorText } from '../train/backend';
import type { SweepRunner } from '../train/sweep';
import { rankResults, resultsCsv } from '../train/sweepResults';
import type { AppServices } from './appContext';
import { downloadText } from './files';
import { formatEpoch } from './format';
import { showNotice, updateView } from './store';

/**
 * Makes a run of the sweep the main experiment: its config goes into the store and the run
 * continues from its trained weights, at its epoch and with its curves; compare mode closes.
 */
export async function openSweepRun({ run, store }: AppServices, runner: SweepRunner, index: number): Promise<void> {
  const sweepRun = runner.runs[index];
  try {
    const parameters = await runner.parameters(index);
    const config = structuredClone(sweepRun.spec.config);
    const { epoch, history } = sweepRun;
    run.loadWeights({ spec: sweepRun.modelSpec, parameters: Float64Array.from(parameters), config }, { epoch, history: history.until(epoch) });
    store.setState({ config, notice: { kind: 'info', text: `Opened ${sweepRun.label} with its trained weights at epoch ${formatEpoch(epoch)}: press Play to go on training.` } });
    updateView(store, { panel: 'none' });
  } catch (error) {
    showNotice(store, { kind: 'error', text: `Opening ${sweepRun.label} failed: ${errorText(error)}` });
  }
}

/** Downloads a run's weights file (the same format as Export weights). */
export async function exportSweepRun({ store }: AppServices, runner: SweepRunner, index: number): Promise<void> {
  try {
    downloadText(serializeWeights(await runner.exportRun(index)), `descent-weights-run-${index + 1}.json`, 'application/json');
  } catch (error) {
    showNotice(store, { kind: 'error', text: `Exporting the weights of ${runner.runs[index].label} failed: ${errorText(error)}` });
  }
}

export const RESULTS_FILE = 'descent-compare.csv';

/** Downloads the table as CSV, best run first. */
export function exportSweepResults(axes: readonly SweepAxis[], runner: SweepRunner): void {
  const csv = resultsCsv(
    axes.map((axis) => SWEEP_AXES[axis.key].label),
    rankResults(runner.results()),
    (index) => runner.runs[index].spec.values.map(sweepValueText),
  );
  downloadText(csv, RESULTS_FILE, 'text/csv');
}
