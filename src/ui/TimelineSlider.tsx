import { useState, type ReactNode } from 'react';
import type { TimelineEntry } from '../train/timeline';
import { useRunFrame, useServices } from './appContext';
import { formatEpoch } from './format';

/** The slider is brought up to date at most this often (ms). */
const TIMELINE_INTERVAL_MS = 250;

interface TimelineState {
  entries: readonly TimelineEntry[];
  /** The snapshot shown; entries.length stands for the live model. */
  index: number;
}

/**
 * The training timeline under the loss chart: a slider over the run's weight snapshots that
 * shows any of them (pausing first) in the plane, the network and the readouts; its right end is
 * the live model. "Continue from here" trains on from the snapshot shown, pinning the old branch's curves.
 */
export function TimelineSlider(): ReactNode {
  const { store, run } = useServices();
  const [state, setState] = useState<TimelineState>({ entries: [], index: 0 });

  useRunFrame(
    (current) => {
      const entries = current.timeline.entries;
      const scrubbed = current.scrubbed;
      const index = scrubbed ? Math.max(entries.indexOf(scrubbed), 0) : entries.length;
      setState((previous) => (previous.index === index && previous.entries.length === entries.length && previous.entries[0] === entries[0] ? previous : { entries: [...entries], index }));
    },
    [],
    TIMELINE_INTERVAL_MS,
  );

  const { entries, index } = state;
  const shown = entries[index];
  const where = shown ? `Epoch ${formatEpoch(shown.epoch)}` : 'Live';
  const scrub = (to: number) => {
    setState({ entries, index: to });
    run.scrubTo(entries[to] ?? null);
  };
  const continueHere = () => {
    store.setState({ pinned: [...run.history.values] });
    run.continueFromScrubbed();
  };

  return (
    <div className="timeline">
      <label htmlFor="timeline-slider">Timeline</label>
      <input
        id="timeline-slider"
        type="range"
        min={0}
        max={entries.length}
        step={1}
        value={index}
        disabled={entries.length === 0}
        aria-valuetext={shown ? `${where}, snapshot ${index + 1} of ${entries.length}` : 'Live model'}
        title="Scrub back to an earlier state of the weights (pauses training); the right end is the live model"
        onChange={(event) => scrub(Number(event.target.value))}
      />
      <output htmlFor="timeline-slider" className="timeline-where" aria-live="off">
        {where}
      </output>
      <button type="button" className="small" disabled={!shown} title="Train on from this snapshot; the curves of the run so far stay pinned" onClick={continueHere}>
        Continue from here
      </button>
    </div>
  );
}
