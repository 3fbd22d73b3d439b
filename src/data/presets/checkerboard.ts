import type { Preset } from './preset';
import { PLANE_EXTENT } from '../../core/grid';
import { jitter, type ClassSampler } from './geometry';

/** The board: 4 × 4 cells of 3 × 3 plane units covering [−6, 6]². */
export const BOARD_CELLS = 4;
export const CELL_SIZE = 3;
/** Clean points keep this distance (plane units) from their cell's edges. */
const CELL_MARGIN = 0.2;
/** σ (plane units) of the Gaussian jitter at noise 1. */
const CELL_JITTER = 0.7;

/** The class of the cell holding (x1, x2): (column + row) mod 2, where column and row count from −6. */
export function checkerboardClass(x1: number, x2: number): number {
  const cell = (v: number) => Math.min(BOARD_CELLS - 1, Math.floor((v - PLANE_EXTENT[0]) / CELL_SIZE));
  return (cell(x1) + cell(x2)) % 2;
}

/** checkerboard: 4 × 4 cells alternating between the two classes; noise = Gaussian jitter of σ = 0.7·noise plane units. */
export const sampleCheckerboard: ClassSampler = (rng, label, _classes, noise) => {
  const row = rng.int(BOARD_CELLS);
  const column = 2 * rng.int(BOARD_CELLS / 2) + ((row + label) % 2);
  const x1 = PLANE_EXTENT[0] + column * CELL_SIZE + rng.uniform(CELL_MARGIN, CELL_SIZE - CELL_MARGIN);
  const x2 = PLANE_EXTENT[0] + row * CELL_SIZE + rng.uniform(CELL_MARGIN, CELL_SIZE - CELL_MARGIN);
  return jitter(rng, x1, x2, CELL_JITTER * noise);
};

export const checkerboard = { name: 'checkerboard', label: 'Checkerboard', kind: 'classification', usesClasses: false, sample: sampleCheckerboard } as const satisfies Preset;
