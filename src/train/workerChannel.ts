import type { MessageEndpoint, WorkerCall, WorkerReply } from './workerProtocol';

/** Requests to the CPU training worker, each answered by the reply with its id. */
export class WorkerChannel {
  private nextId = 1;
  private nextTrainer = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private failure: Error | null = null;

  constructor(private readonly endpoint: MessageEndpoint & { terminate?(): void }) {
    endpoint.onmessage = (event: MessageEvent) => this.receive(event.data as WorkerReply);
  }

  /** A fresh id for a trainer living in the worker. */
  newTrainerId(): number {
    return this.nextTrainer++;
  }

  /** Sends `call` for `trainer`; resolves with the worker's result, rejects with its error message. */
  request<T>(trainer: number, call: WorkerCall, transfer: Transferable[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.endpoint.postMessage({ ...call, id, trainer }, transfer);
    });
  }

  /** The worker cannot answer any more (it failed to load or crashed): every request now rejects with `error`. */
  fail(error: Error): void {
    this.failure = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  close(): void {
    this.fail(new Error('the CPU worker was closed'));
    this.endpoint.terminate?.();
  }

  private receive(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(reply.message));
  }
}
