/**
 * The maths of the layer view's 3-D picture of a 3-unit layer: the data's box scaled to the cube
 * [−1, 1]³, turned by a yaw and a pitch, and seen in perspective from a camera on the +z axis;
 * and the output's separating plane w·h + b = 0 clipped to that box.
 */

export type Vec3 = [number, number, number];

/** How the view is turned: yaw about the vertical axis, then pitch about the horizontal one (radians). */
export interface Turn {
  yaw: number;
  pitch: number;
}

/** The turn a 3-D view starts at (and `Reset view` goes back to): a little from the side and above. */
export const DEFAULT_TURN: Turn = { yaw: -0.6, pitch: 0.35 };

/** `turn` turned further, the pitch kept within a quarter turn either way so that up stays up. */
export function turnedBy(turn: Turn, yaw: number, pitch: number): Turn {
  const limit = Math.PI / 2;
  return { yaw: turn.yaw + yaw, pitch: Math.max(-limit, Math.min(limit, turn.pitch + pitch)) };
}

/** The rotation Rx(pitch)·Ry(yaw), row-major. */
export function rotationMatrix({ yaw, pitch }: Turn): Float64Array {
  const [cy, sy, cp, sp] = [Math.cos(yaw), Math.sin(yaw), Math.cos(pitch), Math.sin(pitch)];
  // Ry = [[cy, 0, sy], [0, 1, 0], [−sy, 0, cy]]; Rx = [[1, 0, 0], [0, cp, −sp], [0, sp, cp]].
  return Float64Array.of(cy, 0, sy, sp * sy, cp, -sp * cy, -cp * sy, sp, cp * cy);
}

export function rotate(m: Float64Array, [x, y, z]: Vec3): Vec3 {
  return [m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z];
}

/**
 * A turned point as the camera on the +z axis at `distance` from the centre sees it: (x, y)
 * scaled by distance / (distance − z), so that nearer points (larger z) spread out; depth is z.
 */
export function perspective([x, y, z]: Vec3, distance: number): { x: number; y: number; depth: number } {
  const scale = distance / (distance - z);
  return { x: x * scale, y: y * scale, depth: z };
}

/** Per unit, the low and high ends of `rows` rows of 3 values, widened by a tenth of their spread each way. */
export function boxOf(values: ArrayLike<number>, rows: number): { low: Vec3; high: Vec3 } {
  const low: Vec3 = [Infinity, Infinity, Infinity];
  const high: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < 3; k++) {
      low[k] = Math.min(low[k], values[3 * r + k]);
      high[k] = Math.max(high[k], values[3 * r + k]);
    }
  }
  for (let k = 0; k < 3; k++) {
    const margin = 0.1 * Math.max(high[k] - low[k], 1e-6);
    low[k] -= margin;
    high[k] += margin;
  }
  return { low, high };
}

/** Where `h` lies in the cube [−1, 1]³ that the box stretches to. */
export function toCube(h: ArrayLike<number>, { low, high }: { low: Vec3; high: Vec3 }): Vec3 {
  return [0, 1, 2].map((k) => (2 * (h[k] - low[k])) / (high[k] - low[k]) - 1) as Vec3;
}

/** The plane w·h + b = 0 in the cube's coordinates u, as normal·u + offset = 0 (h_k = low_k + (u_k + 1)·(high_k − low_k)/2). */
export function planeInCube(weights: ArrayLike<number>, bias: number, { low, high }: { low: Vec3; high: Vec3 }): { normal: Vec3; offset: number } {
  const normal = [0, 1, 2].map((k) => (weights[k] * (high[k] - low[k])) / 2) as Vec3;
  let offset = bias;
  for (let k = 0; k < 3; k++) offset += (weights[k] * (low[k] + high[k])) / 2;
  return { normal, offset };
}

const dot3 = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** The polygon where the plane normal·u + offset = 0 cuts the cube [−1, 1]³, its corners in order around it; empty when it misses. */
export function planeCubePolygon(normal: Vec3, offset: number): Vec3[] {
  const corners: Vec3[] = [];
  for (const x of [-1, 1]) for (const y of [-1, 1]) for (const z of [-1, 1]) corners.push([x, y, z]);
  const points: Vec3[] = [];
  for (let i = 0; i < 8; i++) {
    for (let j = i + 1; j < 8; j++) {
      // An edge joins corners that differ in one coordinate.
      if (corners[i].filter((v, k) => v !== corners[j][k]).length !== 1) continue;
      const s0 = dot3(normal, corners[i]) + offset;
      const s1 = dot3(normal, corners[j]) + offset;
      if (s0 === s1 || (s0 > 0 && s1 > 0) || (s0 < 0 && s1 < 0)) continue;
      const t = s0 / (s0 - s1);
      const point = corners[i].map((v, k) => v + t * (corners[j][k] - v)) as Vec3;
      if (!points.some((p) => Math.hypot(p[0] - point[0], p[1] - point[1], p[2] - point[2]) < 1e-9)) points.push(point);
    }
  }
  if (points.length < 3) return [];
  const centre = [0, 1, 2].map((k) => points.reduce((sum, p) => sum + p[k], 0) / points.length) as Vec3;
  // Two directions in the plane: towards the first point, and the normal × that.
  const first = points[0].map((v, k) => v - centre[k]) as Vec3;
  const second: Vec3 = [normal[1] * first[2] - normal[2] * first[1], normal[2] * first[0] - normal[0] * first[2], normal[0] * first[1] - normal[1] * first[0]];
  const angle = (p: Vec3): number => {
    const d = p.map((v, k) => v - centre[k]) as Vec3;
    return Math.atan2(dot3(d, second), dot3(d, first));
  };
  return points.sort((a, b) => angle(a) - angle(b));
}
