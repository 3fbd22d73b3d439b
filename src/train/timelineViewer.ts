import type { Trainer, TrainerSetup } from '../core/trainer';
import { errorText } from './backend';
import { LossHistory } from './history';
import type { InsideRequest } from './insideViews';
import type { PacerOptions, SpeedLimit } from './pacer';
import { TrainingSession, type RunSnapshot, type SessionHost } from './session';
import { Timeline, type TimelineEntry } from './timeline';
import { buildTrainerSetup } from './trainerSetup';

/** What the viewer needs of the run it belongs to. */
export interface ViewerHost {
  /** The live session: the viewer shows a snapshot of its model. */
  live(): TrainingSession | null;
  createTrainer(setup: TrainerSetup): Promise<Trainer>;
  /** Runs `operation` in the run's queue, after the calls in flight. */
  enqueue(operation: () => Promise<void>): void;
  changed(): void;
  /** Showing a snapshot failed; `text` says why, in words. */
  unshown(text: string): void;
  /** What every session of the run is given. */
  readonly session: { host: SessionHost; pacing: PacerOptions; speed: SpeedLimit; inside(trainer: Trainer): InsideRequest };
}

/** A snapshot shown, and the session that shows it. */
export interface ShownSnapshot {
  session: TrainingSession;
  entry: TimelineEntry;
}

/**
 * The training timeline's viewer: while the timeline is scrubbed back, a session on a snapshot's
 * weights that the views show instead of the live model. It never trains; one trainer serves every
 * snapshot shown until the viewer closes.
 */
export class TimelineViewer {
  private shown: ShownSnapshot | null = null;
  /** The snapshot asked for (null: the live model); the queue builds the viewer for the latest one only. */
  private target: TimelineEntry | null = null;

  constructor(private readonly host: ViewerHost) {}

  /** The snapshot the timeline is scrubbed to; null while the views show the live model. */
  get scrubbed(): TimelineEntry | null {
    return this.target;
  }

  /** The snapshot shown now and its session (it lags `scrubbed` until the queue catches up). */
  get current(): ShownSnapshot | null {
    return this.shown;
  }

  /** Asks for `entry` (null: the live model); false when it is already the one asked for. */
  scrubTo(entry: TimelineEntry | null): boolean {
    if (entry === this.target) return false;
    this.target = entry;
    this.host.changed();
    this.host.enqueue(() => this.show());
    return true;
  }

  /** Closes the viewer for a branch from `entry` (in the run's queue, after clearTarget); what the views showed of it, if they did. */
  async leaveFor(entry: TimelineEntry): Promise<RunSnapshot | undefined> {
    const snapshot = this.shown?.entry === entry ? this.shown.session.snapshot : undefined;
    await this.close();
    return snapshot;
  }

  /** Forgets the snapshot asked for, returning it; the caller closes the viewer in its queue (leaveFor). */
  clearTarget(): TimelineEntry | null {
    const entry = this.target;
    this.target = null;
    return entry;
  }

  frame(now: number): void {
    this.shown?.session.frame(now, false);
  }

  async settled(): Promise<void> {
    await this.shown?.session.settled();
  }

  /** Whether `session` is the viewer's. */
  owns(session: TrainingSession): boolean {
    return session === this.shown?.session;
  }

  /** The viewer's session failed: the views go back to the live model, which the failure did not touch. */
  failed(error: unknown): void {
    console.warn('Descent: showing a timeline snapshot failed', error);
    this.target = null;
    this.host.enqueue(() => this.close());
    this.host.unshown(`The timeline could not show that snapshot: ${errorText(error)}. The views show the live model.`);
  }

  dispose(): void {
    this.shown?.session.close();
    this.shown = null;
  }

  /** Brings the viewer in line with the snapshot asked for: built on its weights, or closed. */
  private async show(): Promise<void> {
    const entry = this.target;
    const live = this.host.live();
    if (this.shown?.entry === entry) return;
    if (!entry || !live) {
      await this.close();
      return;
    }
    // The viewer's trainer takes the new weights: no new trainer for each move of the slider.
    const trainer = this.shown?.session.trainer ?? (await this.host.createTrainer(buildTrainerSetup('keep', live.config, live.dataset, live.spec, entry.parameters)));
    this.shown = { session: this.sessionFor(live, entry, trainer), entry };
    this.host.changed();
  }

  /** A session that shows `entry` with `trainer` (given the entry's weights); its curves and snapshots are its own and unused. */
  private sessionFor(live: TrainingSession, entry: TimelineEntry, trainer: Trainer): TrainingSession {
    trainer.setParameters(entry.parameters);
    const { host, pacing, speed, inside } = this.host.session;
    return new TrainingSession(
      {
        trainer,
        config: live.config,
        dataset: live.dataset,
        spec: live.spec,
        epochOffset: entry.epoch,
        history: new LossHistory(),
        timeline: new Timeline(),
        snapshot: { ...(this.shown?.session.snapshot ?? live.snapshot), parameters: entry.parameters },
        trained: true,
        pacing,
        speed,
        inside: inside(trainer),
      },
      host,
    );
  }

  private async close(): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    this.shown = null;
    await shown.session.settled();
    shown.session.close();
    this.host.changed();
  }
}
