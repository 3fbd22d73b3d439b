import type { GridSpec } from './trainer';

/** x1 of the centre of grid column i. */
export function gridX1(grid: GridSpec, column: number): number {
  return grid.x1[0] + ((column + 0.5) * (grid.x1[1] - grid.x1[0])) / grid.width;
}

/** x2 of the centre of grid row j (row 0 is the top, the largest x2). */
export function gridX2(grid: GridSpec, row: number): number {
  return grid.x2[1] - ((row + 0.5) * (grid.x2[1] - grid.x2[0])) / grid.height;
}

/** The centres of all grid cells as points (width·height × 2, row-major from the top-left). */
export function gridPoints(grid: GridSpec): Float64Array {
  const points = new Float64Array(grid.width * grid.height * 2);
  for (let j = 0; j < grid.height; j++) {
    const x2 = gridX2(grid, j);
    for (let i = 0; i < grid.width; i++) {
      const p = 2 * (j * grid.width + i);
      points[p] = gridX1(grid, i);
      points[p + 1] = x2;
    }
  }
  return points;
}

/** The square [−6, 6]² that datasets live in. */
export const PLANE_EXTENT: [number, number] = [-6, 6];

export function planeGrid(size: number): GridSpec {
  return { width: size, height: size, x1: [...PLANE_EXTENT], x2: [...PLANE_EXTENT] };
}
