import type { Trainer, TrainerSetup } from '../core/trainer';
import { DeviceLostError } from '../gpu/gpuTrainer';
import { errorText, type Backend } from './backend';
import type { BackendChoice } from './experiment';

/** Opens backends: the one a choice asks for (after `previousFailure`, if any), or the CPU worker for a stated reason. */
export interface BackendProvider {
  open(choice: BackendChoice, previousFailure?: string): Promise<Backend>;
  cpu(reason: string): Backend;
}

/**
 * The backend a run trains on, and the move off WebGPU when it fails: a lost device reopens
 * (WebGPU again if it can, else the CPU), any other failure goes to the CPU worker. Every move
 * is announced once, with its reason, through `announce`, and logged once to the console.
 */
export class BackendKeeper {
  private current: Backend | null = null;
  private choice: BackendChoice = 'auto';

  constructor(
    private readonly provider: BackendProvider,
    private readonly announce: (backend: Backend, failover: string | null) => void,
  ) {}

  get backend(): Backend | null {
    return this.current;
  }

  async open(choice: BackendChoice): Promise<void> {
    this.choice = choice;
    this.current?.dispose();
    this.use(await this.provider.open(choice), null);
  }

  /** A trainer on the current backend; when WebGPU cannot build one, the CPU worker does. */
  async createTrainer(setup: TrainerSetup): Promise<Trainer> {
    try {
      return await this.current!.createTrainer(setup);
    } catch (error) {
      if (this.current?.kind !== 'webgpu') throw error;
      await this.failOver(error, 'building the model on WebGPU failed');
      return this.current.createTrainer(setup);
    }
  }

  /** Whether a failed step call should move the run to another backend (it ran on WebGPU). */
  canFailOver(): boolean {
    return this.current?.kind === 'webgpu';
  }

  /** Moves off WebGPU after `error`: to a fresh device when it was lost, else to the CPU worker. */
  async failOver(error: unknown, doing = 'training on WebGPU failed'): Promise<void> {
    const reason = `${doing}: ${errorText(error)}`;
    // The page says what happened in words; the console keeps the stack, once, for whoever debugs it.
    console.warn(`Descent: moving off WebGPU (${reason})`, error);
    this.current?.dispose();
    const next = error instanceof DeviceLostError ? await this.provider.open(this.choice, errorText(error)) : this.provider.cpu(`WebGPU failed: ${errorText(error)}`);
    this.use(next, reason);
  }

  dispose(): void {
    this.current?.dispose();
    this.current = null;
  }

  private use(backend: Backend, failover: string | null): void {
    this.current = backend;
    this.announce(backend, failover);
  }
}
