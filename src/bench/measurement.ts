/** One implementation's result on one workload. */
export interface Measurement {
  implementation: string;
  workload: string;
  seconds: number;
  /** Training rows or grid cells per second. */
  samplesPerSecond: number;
  /** Descent on WebGPU only: what one step and one frame cost. */
  dispatchesPerStep?: number;
  submitsPerFrame?: number;
  bytesReadBackPerFrame?: number;
  /** A sweep's batched side: its samples per second over one run's trained alone on the same adapter. */
  singleRunRatio?: number;
  /** The final loss read back (a sanity check that the run really trained). */
  loss?: number;
  error?: string;
}

/** Wall-clock seconds of `body`. */
export async function timed<T>(body: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = performance.now();
  const result = await body();
  return { seconds: (performance.now() - start) / 1000, result };
}
