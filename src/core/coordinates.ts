/**
 * Points in the plane are kept to whole thousandths: finer than any screen shows, and what lets
 * a shared link carry generated and drawn points exactly (src/io/pointsLink.ts).
 */
export const COORDINATE_RESOLUTION = 1000;

/** The coordinate nearest to `x` on the thousandths grid. */
export function roundCoordinate(x: number): number {
  return Math.round(x * COORDINATE_RESOLUTION) / COORDINATE_RESOLUTION;
}
