import { planeGrid } from '../core/grid';
import { hiddenLayers, type NetworkPlan } from '../core/network';
import type { ObserveRequest } from '../core/trainer';

/** Sides of the decision-boundary grid, in cells; multiples of 8. */
export const GRID_SIDE = { min: 32, max: 128 } as const;
/** The finest grid before the device's speed has been measured. */
const INITIAL_SIDE_CAP = 64;
/** Arithmetic one grid may cost before any measurement (multiply-adds × 2). */
const INITIAL_GRID_FLOPS = 2e8;
/** The slowest refresh of the views while training. */
const MAX_INTERVAL_MS = 2000;
const METRICS_INTERVAL_MS = 100;
const NEURONS_INTERVAL_MS = 250;
/** What any call costs before its work, about: the result reaches the page between two frames. */
const ROUND_TRIP_MS = 8;
/** The share of a step call's target latency that the views (mostly the grid) may take. */
const GRID_SHARE = 0.4;
/**
 * The share of the backend's time that metrics over the whole dataset may take while training, as
 * estimated from what a grid row costs; a row of metrics costs more (the loss, two splits) and
 * holds up the call queued behind it, so the estimate is kept at a third of the share wanted.
 */
const METRICS_SHARE = 0.05;
/** The longest wait for new metrics while training (100,000 points on an emulated GPU come near it). */
const MAX_METRICS_INTERVAL_MS = 5000;

/** Floating-point operations of one forward pass of one point: 2 per weight. */
export function flopsPerPoint(plan: NetworkPlan): number {
  return plan.dense.reduce((sum, layer) => sum + 2 * layer.in * layer.out, 0);
}

/** The largest grid side (a multiple of 8 within GRID_SIDE) whose grid costs at most `flopBudget`. */
export function gridSideFor(flopsPerGridPoint: number, flopBudget = INITIAL_GRID_FLOPS): number {
  const side = Math.floor(Math.sqrt(flopBudget / Math.max(flopsPerGridPoint, 1)) / 8) * 8;
  return Math.max(GRID_SIDE.min, Math.min(GRID_SIDE.max, side));
}

/** Side of every neuron thumbnail: smaller when there are many neurons to read back. */
export function neuronSideFor(hiddenNeurons: number): number {
  if (hiddenNeurons <= 128) return 16;
  return hiddenNeurons <= 1024 ? 12 : 8;
}

/**
 * Decides what each step call reports besides its steps: the decision boundary, the metrics
 * and the neuron thumbnails. The grid's resolution and how often it is refreshed follow the
 * measured cost of the calls that carried it, so a large network stays responsive.
 */
export class ObservePlanner {
  private side: number;
  private intervalMs = 0;
  private readonly neuronSide: number;
  private readonly hasNeurons: boolean;
  private lastGrid = -Infinity;
  private lastMetrics = -Infinity;
  private lastNeurons = -Infinity;
  /** What evaluating one row costs on this backend (ms), once a call without steps has measured it. */
  private msPerRow: number | null = null;

  /** `rows`: the points the metrics go over (both splits). */
  constructor(
    plan: NetworkPlan,
    private readonly targetLatencyMs: number,
    private readonly rows = 0,
  ) {
    // Start no finer than the middle of the range: the first refresh measures the device, then the side follows.
    this.side = Math.min(INITIAL_SIDE_CAP, gridSideFor(flopsPerPoint(plan)));
    const neurons = hiddenLayers(plan).reduce((sum, layer) => sum + layer.out, 0);
    this.hasNeurons = neurons > 0;
    this.neuronSide = neuronSideFor(neurons);
  }

  /** The grid side now in use. */
  get gridSide(): number {
    return this.side;
  }

  /** Milliseconds between two grid refreshes while training. */
  get gridIntervalMs(): number {
    return this.intervalMs;
  }

  /**
   * Milliseconds between two metrics refreshes while training: at least METRICS_INTERVAL_MS and
   * the grid's interval, and long enough that metrics over a large dataset take at most
   * METRICS_SHARE of the backend's time, so they do not slow training down.
   */
  get metricsIntervalMs(): number {
    const share = this.msPerRow === null ? 0 : (this.rows * this.msPerRow) / METRICS_SHARE;
    return Math.max(METRICS_INTERVAL_MS, this.intervalMs, Math.min(MAX_METRICS_INTERVAL_MS, share));
  }

  /** What the call issued at `now` (ms) should report; each view is refreshed when its interval has passed. */
  request(now: number): ObserveRequest {
    const request: ObserveRequest = {};
    if (now - this.lastGrid >= this.intervalMs) {
      request.grid = planeGrid(this.side);
      this.lastGrid = now;
    }
    if (now - this.lastMetrics >= this.metricsIntervalMs) {
      request.metrics = true;
      this.lastMetrics = now;
    }
    if (this.hasNeurons && now - this.lastNeurons >= Math.max(NEURONS_INTERVAL_MS, 2 * this.intervalMs)) {
      request.neurons = planeGrid(this.neuronSide);
      this.lastNeurons = now;
    }
    return request;
  }

  /** Only the decision boundary, for the call issued at `now` to measure what the grid costs. */
  gridOnly(now: number): ObserveRequest {
    this.lastGrid = now;
    return { grid: planeGrid(this.side) };
  }

  /** Everything at once, for a refresh while training is paused. */
  full(): ObserveRequest {
    return { metrics: true, grid: planeGrid(this.side), ...(this.hasNeurons ? { neurons: planeGrid(this.neuronSide) } : {}) };
  }

  /**
   * Learns from a call of `steps` steps that carried `request` and resolved after `latencyMs`.
   * A call without steps measures what evaluating a row costs (the round trip taken off, over the
   * rows of its grid, thumbnails and metrics), and sets the grid side so that the views take at
   * most GRID_SHARE of the target latency. While training, a grid that still makes calls of
   * one or two steps slow is refreshed less often, and more often again once calls are quick.
   */
  record(request: ObserveRequest, latencyMs: number, steps: number): void {
    if (!request.grid) return;
    if (steps === 0) {
      const rows = request.grid.width * request.grid.height + (request.neurons ? request.neurons.width * request.neurons.height : 0) + (request.metrics ? this.rows : 0);
      const msPerCell = Math.max(latencyMs - ROUND_TRIP_MS, 0) / rows;
      this.msPerRow = msPerCell;
      const side = Math.floor(Math.sqrt((GRID_SHARE * this.targetLatencyMs) / Math.max(msPerCell, 1e-9)) / 8) * 8;
      this.side = Math.max(GRID_SIDE.min, Math.min(GRID_SIDE.max, side));
    } else if (steps <= 2 && latencyMs > 2 * this.targetLatencyMs) {
      this.intervalMs = Math.min(MAX_INTERVAL_MS, Math.max(50, this.intervalMs * 2));
    } else if (latencyMs < this.targetLatencyMs / 2 && this.intervalMs > 0) {
      this.intervalMs = this.intervalMs <= 50 ? 0 : this.intervalMs / 2;
    }
  }
}
