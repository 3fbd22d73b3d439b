import type { ParameterChange } from '../train/experiment';
import { editParameters, previewParameters, type AppStore } from './store';

/**
 * One drag of weights or biases (a popover's slider, or a link pulled in the diagram): the values
 * go to the model as they move, at most once a frame and with no history, and the drag's end makes
 * one undoable edit from the values before it. A pointer let go anywhere ends it.
 */
export class ParameterDrag {
  private readonly queued = new Map<number, number>();
  private readonly dragged = new Map<number, number>();
  private frame: number | null = null;

  /** `before(index)`: the parameter's value before the drag; `ended` hears of each drag's edit. */
  constructor(
    private readonly store: AppStore,
    private readonly before: (index: number) => number,
    private readonly ended: (changes: ParameterChange[]) => void = () => {},
  ) {}

  move(index: number, value: number): void {
    if (this.dragged.size === 0) window.addEventListener('pointerup', this.end);
    this.queued.set(index, value);
    this.dragged.set(index, value);
    this.frame ??= requestAnimationFrame(this.flush);
  }

  /** Ends the drag with its one undoable edit (none when nothing moved). */
  end = (): void => {
    window.removeEventListener('pointerup', this.end);
    this.flush();
    const changes = [...this.dragged].map(([index, value]) => ({ index, value }));
    this.dragged.clear();
    if (changes.length === 0) return;
    editParameters(this.store, changes.map(({ index, value }) => ({ index, before: this.before(index), after: value })));
    this.ended(changes);
  };

  private flush = (): void => {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    const changes = [...this.queued].map(([index, value]) => ({ index, value }));
    this.queued.clear();
    if (changes.length > 0) previewParameters(this.store, changes);
  };
}
