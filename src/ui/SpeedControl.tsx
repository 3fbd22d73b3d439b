import { useId, type ReactNode } from 'react';
import { SPEED_STOPS, nearestSpeedStop, shortSpeedText, speedText } from '../core/speed';
import type { Run } from '../train/run';
import { useAppState, useServices } from './appContext';
import { SETTING_EXPLANATIONS } from './explanations';
import { FieldLabel } from './fields';
import { Hideable } from './Hideable';
import { updateView, type AppStore } from './store';

/** The Speed slider: slow motion (a step a second) to Max, in the stops of src/core/speed.ts. */
export function SpeedControl(): ReactNode {
  const { store } = useServices();
  const speed = useAppState((state) => state.view.speed);
  const id = useId();
  return (
    <Hideable id="speed">
      <div className="speed">
        <FieldLabel id={id} label="Speed" explanation={SETTING_EXPLANATIONS.speed} />
        <input
          id={id}
          type="range"
          min={0}
          max={SPEED_STOPS.length - 1}
          step={1}
          value={nearestSpeedStop(speed)}
          aria-valuetext={speedText(speed)}
          aria-describedby={`${id}-hint`}
          onChange={(event) => updateView(store, { speed: SPEED_STOPS[Number(event.target.value)] })}
        />
        <span className="value" aria-hidden="true">
          {shortSpeedText(speed)}
        </span>
      </div>
    </Hideable>
  );
}

/** Keeps the run's step cap at the page's Speed, from now on. */
export function followSpeed(store: AppStore, run: Run): () => void {
  run.setSpeed(store.getState().view.speed);
  return store.subscribe((state, previous) => {
    if (state.view.speed !== previous.view.speed) run.setSpeed(state.view.speed);
  });
}
