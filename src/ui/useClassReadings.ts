import { useEffect, useState } from 'react';
import { useServices } from './appContext';
import { classReadings, type ClassReadings } from './classReadings';

/** Predictions are asked for at most this often (ms) while the model trains. */
export const READINGS_INTERVAL_MS = 1000;

/**
 * The confusion matrices (or R² and RMSE) of the model as it trains, while `active`: from a
 * predict call on every point, run by the engine beside training (the page never waits for it),
 * at most once a second and once more after the model last changed.
 */
export function useClassReadings(active: boolean): ClassReadings | null {
  const { run, views } = useServices();
  const [readings, setReadings] = useState<ClassReadings | null>(null);
  useEffect(() => {
    if (!active) return;
    let closed = false;
    let busy = false;
    let again = false;
    const read = () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      void run
        .predictData()
        .then((result) => {
          if (!closed && result) setReadings(classReadings(result.dataset, result.outputs));
        })
        // A failed call of the engine is reported by the training calls that fail with it.
        .catch(() => undefined)
        .finally(() => {
          busy = false;
          // The model changed during the call: read it once more, a while later.
          if (again && !closed) {
            again = false;
            setTimeout(read, READINGS_INTERVAL_MS);
          }
        });
    };
    const remove = views.add(read, READINGS_INTERVAL_MS);
    return () => {
      closed = true;
      remove();
    };
  }, [run, views, active]);
  return active ? readings : null;
}
