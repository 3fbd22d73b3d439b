import { useEffect, useState } from 'react';
import { expandSweep, type SweepAxis } from '../core/sweepAxes';
import { encodeCompare, sweepProblem } from '../io/compareLink';
import { errorText } from '../train/backend';
import { browserBackends, browserClock } from '../train/browser';
import { sweepBackends, SweepRunner, sweepWorkerCount } from '../train/sweep';
import { useAppState, useServices } from './appContext';

export interface SweepState {
  runner: SweepRunner | null;
  /** Why the sweep does not train, in words. */
  problem: string | null;
}

/**
 * Trains the sweep `axes` describe while the compare view is open: the main run pauses, a
 * SweepRunner is built on the page's backend (WebGPU, or CPU workers of its own) from the
 * experiment in the store at the page's Speed, and it is disposed when the axes or the experiment
 * change or the view closes.
 */
export function useSweep(axes: readonly SweepAxis[]): SweepState {
  const { run, store } = useServices();
  const [state, setState] = useState<SweepState>({ runner: null, problem: null });
  const key = encodeCompare(axes);
  // A sweep is of the experiment as it is: a new dataset or model setting starts it again.
  const config = useAppState((state) => state.config);
  const custom = useAppState((state) => state.custom);
  useEffect(() => {
    let cancelled = false;
    let runner: SweepRunner | null = null;
    run.pause();
    setState({ runner: null, problem: sweepProblem(axes) });
    if (sweepProblem(axes)) return;
    const start = async () => {
      await run.idle();
      const backend = run.backend;
      if (cancelled) return;
      if (!backend) throw new Error('the backend has not started');
      const backends = sweepBackends(backend, browserBackends, sweepWorkerCount(navigator.hardwareConcurrency));
      runner = await SweepRunner.create({ axes, runs: expandSweep(config, axes), custom, backends, clock: browserClock, speed: store.getState().view.speed });
      if (cancelled) runner.dispose();
      else setState({ runner, problem: null });
    };
    start().catch((error: unknown) => {
      if (!cancelled) setState({ runner: null, problem: `The comparison could not start: ${errorText(error)}` });
    });
    return () => {
      cancelled = true;
      runner?.dispose();
    };
    // The axes are followed by their link text (`key`), so an equal sweep does not restart.
  }, [run, store, key, config, custom]);
  // The page's Speed applies to each run of the sweep as to the main run, without a restart.
  const speed = useAppState((state) => state.view.speed);
  useEffect(() => state.runner?.setSpeed(speed), [state.runner, speed]);
  useSweepFollowsBackend(state.runner);
  return state;
}

/**
 * A change of Run on moves the sweep with the main run: its weights come off the old backend
 * before the run closes it, and once the run's new backend is open the sweep goes on there.
 */
function useSweepFollowsBackend(runner: SweepRunner | null): void {
  const { run, store } = useServices();
  useEffect(() => {
    if (!runner) return;
    let closed = false;
    const stopLeaving = run.beforeBackendChange(() => runner.leaveBackend());
    const unsubscribe = store.subscribe((now, before) => {
      if (now.backend === before.backend) return;
      void (async () => {
        await run.idle();
        const backend = run.backend;
        if (closed) return;
        if (!backend) {
          runner.problem = 'The comparison stopped: the new backend did not open';
          return;
        }
        await runner.moveTo(sweepBackends(backend, browserBackends, sweepWorkerCount(navigator.hardwareConcurrency)));
      })();
    });
    return () => {
      closed = true;
      stopLeaving();
      unsubscribe();
    };
  }, [run, store, runner]);
}

/** Re-renders at most every `intervalMs` while the runner has news; returns its version. */
export function useSweepVersion(runner: SweepRunner | null, intervalMs: number): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!runner) return;
    const timer = setInterval(() => setVersion(runner.version), intervalMs);
    return () => clearInterval(timer);
  }, [runner, intervalMs]);
  return version;
}
