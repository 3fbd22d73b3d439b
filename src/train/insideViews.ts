import { viewableSlot, PLAYGROUND_LINES } from '../core/layerView';
import type { NetworkPlan } from '../core/network';
import type { LayerGradient, LayerSeparability, LayerView, Observation, ObserveRequest, Trainer } from '../core/trainer';

/** What the see-inside views want: a slot's layer view (null: none), the gradient flow, the linear separability. */
export interface InsideRequest {
  layerSlot: number | null;
  gradientFlow: boolean;
  separability: boolean;
}

/** Their latest numbers (null until asked for and computed). */
export interface InsideSnapshot {
  readonly layerView: LayerView | null;
  readonly gradientFlow: readonly LayerGradient[] | null;
  readonly separability: readonly LayerSeparability[] | null;
}

export const NO_INSIDE_VIEWS: InsideRequest = { layerSlot: null, gradientFlow: false, separability: false };
export const EMPTY_INSIDE: InsideSnapshot = { layerView: null, gradientFlow: null, separability: null };

/** The layer view and the gradient flow refresh at most this often while training (ms). */
export const VIEW_INTERVAL_MS = 100;
/** Linear separability is refitted at most this often (ms): a fit per slot is hundreds of steps. */
export const SEPARABILITY_INTERVAL_MS = 3000;

/**
 * The see-inside views of one training session: adds what they want to the session's step calls
 * (the layer view and the gradient flow ride along with the steps), asks the trainer for the
 * linear separability every few seconds, and keeps their latest numbers.
 */
export class InsideViews {
  snapshot: InsideSnapshot = EMPTY_INSIDE;
  private request: InsideRequest = NO_INSIDE_VIEWS;
  private lastView = -Infinity;
  private lastSeparability = -Infinity;
  /** The model changed outside training (a new session, a pause, an epoch's Step): refit once. */
  private separabilityStale = true;
  private separating = false;

  constructor(private readonly plan: NetworkPlan) {}

  get wanted(): InsideRequest {
    return this.request;
  }

  /** What the views want from now on; a slot the network lacks is refused with a RangeError, and numbers nobody wants any more are dropped. */
  want(request: InsideRequest): void {
    if (request.layerSlot !== null) viewableSlot(this.plan, request.layerSlot);
    const { layerView, gradientFlow, separability } = this.snapshot;
    this.snapshot = {
      layerView: request.layerSlot !== null && layerView?.slot === request.layerSlot ? layerView : null,
      gradientFlow: request.gradientFlow ? gradientFlow : null,
      separability: request.separability ? separability : null,
    };
    const changed = request.layerSlot !== this.request.layerSlot || (request.gradientFlow && !this.request.gradientFlow);
    if (request.separability && !this.request.separability) this.separabilityStale = true;
    this.request = { ...request };
    if (changed) this.lastView = -Infinity;
  }

  /** The model changed while not training: the next separate() refits. */
  refresh(): void {
    this.separabilityStale = true;
  }

  /** `observe` with the layer view and the gradient flow added when they are due at `now` (always when `now` is null: a full refresh). */
  extend(observe: ObserveRequest, now: number | null): ObserveRequest {
    const { layerSlot, gradientFlow } = this.request;
    if ((layerSlot === null && !gradientFlow) || (now !== null && now - this.lastView < VIEW_INTERVAL_MS)) return observe;
    if (now !== null) this.lastView = now;
    return {
      ...observe,
      ...(layerSlot !== null ? { layerView: { slot: layerSlot, lines: PLAYGROUND_LINES, points: true } } : {}),
      ...(gradientFlow ? { gradientFlow: true } : {}),
    };
  }

  /** Takes what a step call brought back; whether anything changed. */
  accept(observation: Observation): boolean {
    const { layerView, gradientFlow } = observation;
    const view = layerView && layerView.slot === this.request.layerSlot ? layerView : null;
    const flow = gradientFlow && this.request.gradientFlow ? gradientFlow : null;
    if (!view && !flow) return false;
    this.snapshot = { ...this.snapshot, ...(view ? { layerView: view } : {}), ...(flow ? { gradientFlow: flow } : {}) };
    return true;
  }

  /**
   * Refits the linear separability when it is due: every few seconds while `training`, once after
   * refresh(); never two fits at once. `done` is told when new numbers arrive.
   */
  separate(now: number, training: boolean, trainer: Trainer, done: () => void): void {
    const due = this.separabilityStale || (training && now - this.lastSeparability >= SEPARABILITY_INTERVAL_MS);
    if (!this.request.separability || this.separating || !due) return;
    this.separating = true;
    this.separabilityStale = false;
    this.lastSeparability = now;
    trainer.separability().then(
      (separability) => {
        this.separating = false;
        if (!this.request.separability) return;
        this.snapshot = { ...this.snapshot, separability };
        done();
      },
      () => {
        // A failing trainer fails its step calls too, which report it; the views keep their last numbers.
        this.separating = false;
      },
    );
  }
}
