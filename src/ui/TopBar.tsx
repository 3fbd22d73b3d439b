import { useRef, type ReactNode } from 'react';
import { useAppState, useRunFrame, useRunStatus, useServices } from './appContext';
import { formatEpoch, formatRate, READOUT_INTERVAL_MS, setText } from './format';
import { drawNewWeights, updateView } from './store';
import { WeightsButtons } from './WeightsButtons';
import { Hideable } from './Hideable';

/** Play/Pause, +1 epoch, Reset and New weights, the epoch and speed readouts, the backend in use, lessons and sharing, and the weights file buttons. */
export function TopBar(): ReactNode {
  const { run, store } = useServices();
  const status = useRunStatus();
  const panel = useAppState((state) => state.view.panel);
  const epoch = useRef<HTMLOutputElement>(null);
  const rate = useRef<HTMLOutputElement>(null);
  useRunFrame(
    (current) => {
      // A large network's first call can take many seconds: say that work is under way.
      const working = current.working();
      setText(epoch.current!, working && current.epoch === 0 ? 'Working…' : formatEpoch(current.epoch));
      setText(rate.current!, working ? 'Working…' : formatRate(current.stepsPerSecond()));
    },
    [],
    READOUT_INTERVAL_MS,
  );
  return (
    <header className="top-bar">
      <h1>Descent</h1>
      <div className="transport">
        <button type="button" className="primary play" aria-keyshortcuts="Space" onClick={() => run.togglePlay()}>
          {status.playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" aria-keyshortcuts="S" title="Train one more epoch: one pass over the training data (S)" onClick={() => run.stepEpoch()}>
          +1 epoch
        </button>
        <button type="button" aria-keyshortcuts="R" title="Start again from the same initial weights (R)" onClick={() => run.reset()}>
          Reset
        </button>
        <Hideable id="newWeights">
          <button type="button" title="Start again from new random initial weights (a new weight seed)" onClick={() => drawNewWeights(store)}>
            New weights
          </button>
        </Hideable>
      </div>
      <div className="readout big">
        <label htmlFor="epoch-readout">Epoch</label>
        <output id="epoch-readout" aria-live="off" ref={epoch}>
          0
        </output>
      </div>
      <div className="readout">
        <label htmlFor="rate-readout" title="Optimizer updates (minibatch steps) per second">
          Updates/s
        </label>
        <output id="rate-readout" aria-live="off" ref={rate}>
          0
        </output>
      </div>
      <div className="readout backend">
        <label htmlFor="backend-readout">Backend</label>
        <output id="backend-readout" aria-live="off" title={status.backend}>
          {status.backend || 'starting…'}
        </output>
      </div>
      <div className="panel-buttons">
        <button type="button" aria-pressed={panel === 'challenges'} onClick={() => updateView(store, { panel: panel === 'challenges' ? 'none' : 'challenges' })}>
          Challenges
        </button>
        <Hideable id="lessons">
          <button type="button" data-panel="lessons" aria-pressed={panel === 'lessons' || panel === 'computes'} onClick={() => updateView(store, { panel: panel === 'lessons' ? 'none' : 'lessons' })}>
            Lessons
          </button>
        </Hideable>
        <button type="button" aria-pressed={panel === 'share'} onClick={() => updateView(store, { panel: panel === 'share' ? 'none' : 'share' })}>
          Share link
        </button>
      </div>
      <Hideable id="weightsFiles">
        <WeightsButtons />
      </Hideable>
    </header>
  );
}
