import { MAX_STEPS_PER_CALL } from '../core/trainer';
import type { NetworkPlan } from '../core/network';
import { GpuCapacityError, formatBytes } from './errors';
import { layoutArena } from './forwardPlan';

/** Evaluation pushes rows through in chunks whose activations fit in about this many floats. */
const EVAL_ARENA_FLOATS = 1 << 24;
/** Most rows per evaluation chunk. */
const EVAL_MAX_ROWS = 16384;
/**
 * Batch indices are uploaded in pieces of at most this many bytes; a call with more is split into
 * several submits. 4096 steps of 16 rows fit in one; big batches take a submit per piece, which
 * costs nothing next to the steps themselves.
 */
const INDEX_UPLOAD_BYTES = 256 << 10;
/** The narrowest tile a dense kernel dispatches with (rows per workgroup). */
const NARROWEST_TILE = 16;

/** The sizes of what a trainer builds, chosen to fit the device. */
export interface CapacityPlan {
  /** Rows of a minibatch trained at once; a bigger minibatch is cut into chunks whose gradients add up. */
  trainRows: number;
  /** Rows per evaluation chunk (metrics, decision boundary, thumbnails, predictions). */
  evalRows: number;
  /** Steps whose batch indices go up in one write; a call with more steps submits in pieces. */
  stepsPerUpload: number;
}

/** What a trainer is built for: the network, the split sizes and the minibatch size. */
export interface CapacityNeeds {
  plan: NetworkPlan;
  trainCount: number;
  testCount: number;
  batchSize: number;
}

const ADVICE = {
  activations: 'Use a smaller batch size or fewer or narrower layers, or run on the CPU.',
  parameters: 'Use fewer or narrower layers, or run on the CPU.',
  data: 'Use fewer points or features, or run on the CPU.',
} as const;

/** The largest buffer the engine can create and bind as storage on a device with these limits. */
function storageLimit(limits: GPUSupportedLimits): { bytes: number; name: string } {
  return limits.maxStorageBufferBindingSize < limits.maxBufferSize
    ? { bytes: limits.maxStorageBufferBindingSize, name: 'maxStorageBufferBindingSize' }
    : { bytes: limits.maxBufferSize, name: 'maxBufferSize' };
}

/**
 * Checks every buffer and dispatch a trainer needs against the device's limits before anything is
 * allocated: minibatches, evaluation and batch-index uploads are cut into pieces that fit; what cannot
 * be cut (one row's activations, the parameters, a split's data) is refused with a GpuCapacityError
 * that says how big it is, what this GPU allows, and what to change.
 */
export function planCapacity(limits: GPUSupportedLimits, needs: CapacityNeeds): CapacityPlan {
  const { plan, trainCount, testCount, batchSize } = needs;
  const storage = storageLimit(limits);
  const check = (what: string, bytes: number, advice: string): void => {
    if (bytes <= storage.bytes) return;
    throw new GpuCapacityError(
      what,
      bytes,
      storage.bytes,
      storage.name,
      `This network and data need a ${formatBytes(bytes)} buffer for ${what}; this GPU allows ${formatBytes(storage.bytes)}. ${advice}`,
    );
  };
  const features = plan.slotWidths[0];
  const parameterBytes = plan.parameterCount * 4;
  check('the parameters', parameterBytes, ADVICE.parameters);
  check("the optimizer's state", 2 * parameterBytes, ADVICE.parameters);
  const largestSplit = Math.max(trainCount, testCount, 1);
  check('the points of the data', largestSplit * features * 4, ADVICE.data);
  check('the training activations of one row', layoutArena(plan, 1, true).floats * 4, ADVICE.parameters);
  const trainRows = largestFitting(batchSize, (rows) => layoutArena(plan, rows, true).floats * 4 <= storage.bytes);

  const rowFloats = layoutArena(plan, 1, false).floats;
  const maxGroups = limits.maxComputeWorkgroupsPerDimension;
  // The widest dispatches cover a chunk's rows: gather (rows × features / 256) and the dense kernels (rows / tile).
  const rowsPerDispatch = Math.min(Math.floor((maxGroups * 256) / features), maxGroups * NARROWEST_TILE);
  const evalFloats = Math.min(EVAL_ARENA_FLOATS, Math.floor(storage.bytes / 4));
  let evalRows = Math.max(1, Math.min(EVAL_MAX_ROWS, rowsPerDispatch, Math.floor(evalFloats / rowFloats)));
  while (evalRows > 1 && layoutArena(plan, evalRows, false).floats * 4 > storage.bytes) evalRows = Math.floor(evalRows / 2);

  const groups = Math.max(Math.ceil((trainRows * features) / 256), Math.ceil(trainRows / NARROWEST_TILE));
  if (groups > maxGroups) {
    throw new GpuCapacityError(
      'one dispatch',
      groups,
      maxGroups,
      'maxComputeWorkgroupsPerDimension',
      `This network and data need ${groups.toLocaleString('en-US')} workgroups in one dispatch; this GPU allows ${maxGroups.toLocaleString('en-US')}. ${ADVICE.activations}`,
    );
  }
  const uploadBytes = Math.min(INDEX_UPLOAD_BYTES, storage.bytes);
  const stepsPerUpload = Math.max(1, Math.min(MAX_STEPS_PER_CALL, Math.floor(uploadBytes / (batchSize * 4))));
  return { trainRows, evalRows, stepsPerUpload };
}

/** The largest n ≤ most for which fits(n) holds, given fits(1) and that fits is monotone. */
function largestFitting(most: number, fits: (n: number) => boolean): number {
  if (fits(most)) return most;
  let low = 1;
  let high = most;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}
