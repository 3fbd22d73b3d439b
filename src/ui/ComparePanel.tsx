import { useState, type ReactNode } from 'react';
import { speedText } from '../core/speed';
import { SWEEP_AXES } from '../core/sweepAxes';
import { encodeCompare } from '../io/compareLink';
import type { SweepRunner } from '../train/sweep';
import { sweepTrainingText } from '../train/sweepGroups';
import { rankResults } from '../train/sweepResults';
import { useAppState, useServices } from './appContext';
import { CompareAxes } from './CompareAxes';
import { CompareChart } from './CompareChart';
import { CompareTable } from './CompareTable';
import { CompareTiles } from './CompareTiles';
import { exportSweepResults, exportSweepRun, openSweepRun } from './compareActions';
import { formatRate } from './format';
import { SidePanel } from './SidePanel';
import { currentLink } from './urlSync';
import { useSweep, useSweepVersion } from './useSweep';
import './compare.css';

/** Re-renders the live parts this often (ms). */
const REDRAW_MS = 250;

/** How the runs train and how fast: "16 runs on WebGPU in 1 batched group: … · 2,400 steps/s in all · Speed 10 steps/s a run". */
function statusText(runner: SweepRunner | null, speed: number): string {
  if (!runner) return 'Building the runs…';
  const paced = Number.isFinite(speed) ? ` · Speed ${speedText(speed)} a run` : '';
  return `${runner.runs.length} runs ${sweepTrainingText(runner.training)} · ${formatRate(runner.stepsPerSecond())} steps/s in all${paced}`;
}

/** Copies the link to the page with its sweep (the Share link panel would close this view); says whether it could. */
function CopySweepLink(): ReactNode {
  const services = useServices();
  const [said, setSaid] = useState('');
  const copy = async () => {
    const { url } = await currentLink(services);
    try {
      await navigator.clipboard.writeText(url);
      setSaid('Link copied.');
    } catch {
      setSaid('Copy the link from the address bar.');
    }
  };
  return (
    <>
      <button type="button" className="small" title="Copy a link that opens this comparison" onClick={() => void copy()}>
        Copy link
      </button>
      {said && <span role="status">{said}</span>}
    </>
  );
}

/**
 * Compare mode: runs of the current experiment that differ in one or two settings, trained side
 * by side; their planes, their test losses in one chart, and a table that ranks them. Open makes a
 * run the main experiment with its trained weights. Escape closes it, which stops the runs.
 */
export function ComparePanel(): ReactNode {
  const services = useServices();
  const { store } = services;
  const axes = useAppState((state) => state.compare);
  const { runner, problem } = useSweep(axes);
  const speed = useAppState((state) => state.view.speed);
  useSweepVersion(runner, REDRAW_MS);
  const columns = axes[1]?.values.length ?? axes[0]?.values.length ?? 1;
  const ranked = runner ? rankResults(runner.results()) : [];
  const actions = (
    <>
      <button type="button" className="small" disabled={!runner} onClick={() => runner && exportSweepResults(axes, runner)}>
        Export results
      </button>
      <CopySweepLink />
    </>
  );
  return (
    <SidePanel label="Compare" className="compare-panel" actions={actions}>
      <CompareAxes key={encodeCompare(axes)} axes={axes} onApply={(next) => store.setState({ compare: next })} />
      <p className="hint">
        <output aria-label="Sweep status" aria-live="off">{problem ?? statusText(runner, speed)}</output>
      </p>
      {runner?.moved && (
        <p className="hint" role="status">
          {runner.moved}
        </p>
      )}
      {runner?.problem && (
        <p className="warning" role="alert">
          {runner.problem}
        </p>
      )}
      {runner && (
        <>
          <p className="hint">{axes.length === 2 ? `Rows: ${SWEEP_AXES[axes[0].key].label}; columns: ${SWEEP_AXES[axes[1].key].label}. Click a plane to open its run.` : `One plane per ${SWEEP_AXES[axes[0].key].label}. Click a plane to open its run.`}</p>
          <CompareTiles runner={runner} columns={columns} version={runner.version} onOpen={(index) => void openSweepRun(services, runner, index)} />
          <CompareChart runner={runner} columns={columns} />
          <p className="hint">
            Open makes a run the main experiment with its trained weights. Ranked by the final test loss; {axes.map((axis) => SWEEP_AXES[axis.key].label).join(' × ')}.
          </p>
          <CompareTable axes={axes} runner={runner} ranked={ranked} onOpen={(index) => void openSweepRun(services, runner, index)} onExport={(index) => void exportSweepRun(services, runner, index)} />
        </>
      )}
    </SidePanel>
  );
}
