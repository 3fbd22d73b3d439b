import type { LiveSettings, ObserveRequest, OptimizerState, TrainerSetup } from '../core/trainer';

/** Messages between the page and the CPU training worker. Each request names the trainer it is for. */

export type WorkerCall =
  | { type: 'create'; setup: TrainerSetup; adapter: string; reason?: string }
  | { type: 'step'; k: number; observe?: ObserveRequest }
  | { type: 'predict'; points: Float64Array }
  | { type: 'evaluate' }
  | { type: 'separability' }
  | { type: 'getParameters' }
  | { type: 'getOptimizerState' }
  | { type: 'setParameters'; parameters: Float32Array }
  | { type: 'setOptimizerState'; state: OptimizerState }
  | { type: 'updateSettings'; settings: LiveSettings }
  | { type: 'dispose' };

export type WorkerRequest = WorkerCall & { id: number; trainer: number };

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

/** The part of a Worker (or a MessagePort) the two sides use. */
export interface MessageEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
